package io.github.anomaly4j.arima;

import java.util.Arrays;

/**
 * The numerical core: differencing, polynomial products, the stationarity/invertibility transform, the stationary
 * state covariance and the Kalman filter of the ARMA part in Harvey's state-space form.
 *
 * <p>State space of a zero-mean ARMA(p', q') with {@code r = max(p', q' + 1)}: {@code x_t = Z a_t} with
 * {@code Z = (1, 0, ..., 0)}, {@code a_{t+1} = T a_t + R e_{t+1}}, where {@code T} has the AR coefficients in its
 * first column and ones on the superdiagonal, and {@code R = (1, theta_1, ..., theta_{r-1})'}. The filter runs with
 * unit innovation variance; the likelihood is then maximised over the variance in closed form (concentrated), which
 * gives the same estimates and maximum as maximising over it explicitly.
 */
final class ArimaMath {

    /** Relative change of the prediction covariance below which the filter is treated as steady. */
    static final double STEADY_TOLERANCE = 1e-13;

    private ArimaMath() {
    }

    /**
     * Applies {@code (1 - B)^d (1 - B^s)^D}.
     *
     * @param y the series
     * @param d non-seasonal differences
     * @param seasonalD seasonal differences
     * @param s period
     * @return the differenced series, {@code d + D s} shorter
     */
    static double[] difference(double[] y, int d, int seasonalD, int s) {
        double[] w = y.clone();
        for (int k = 0; k < seasonalD; k++) {
            w = lagDifference(w, s);
        }
        for (int k = 0; k < d; k++) {
            w = lagDifference(w, 1);
        }
        return w;
    }

    private static double[] lagDifference(double[] w, int lag) {
        if (w.length <= lag) {
            return new double[0];
        }
        double[] out = new double[w.length - lag];
        for (int i = 0; i < out.length; i++) {
            out[i] = w[i + lag] - w[i];
        }
        return out;
    }

    /**
     * The coefficients {@code c_1..c_m} of the differencing polynomial written as
     * {@code 1 - c_1 B - ... - c_m B^m = (1 - B)^d (1 - B^s)^D}, so that
     * {@code y_t = w_t + sum_k c_k y_{t-k}}.
     */
    static double[] integrationWeights(int d, int seasonalD, int s) {
        double[] poly = {1.0};
        for (int k = 0; k < d; k++) {
            poly = multiply(poly, new double[] {1.0, -1.0});
        }
        for (int k = 0; k < seasonalD; k++) {
            double[] f = new double[s + 1];
            f[0] = 1.0;
            f[s] = -1.0;
            poly = multiply(poly, f);
        }
        double[] c = new double[poly.length - 1];
        for (int k = 1; k < poly.length; k++) {
            c[k - 1] = -poly[k];
        }
        return c;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    /**
     * Expands {@code (1 - sum phi_i B^i)(1 - sum Phi_j B^{sj})} into {@code 1 - sum c_k B^k} and returns
     * {@code c}. With {@code sign = -1} it expands the moving-average product {@code (1 + ...)(1 + ...)} into
     * {@code 1 + sum c_k B^k}.
     */
    static double[] expand(double[] nonSeasonal, double[] seasonal, int s, double sign) {
        double[] a = new double[nonSeasonal.length + 1];
        a[0] = 1.0;
        for (int i = 0; i < nonSeasonal.length; i++) {
            a[i + 1] = -sign * nonSeasonal[i];
        }
        double[] b = new double[seasonal.length * s + 1];
        b[0] = 1.0;
        for (int j = 0; j < seasonal.length; j++) {
            b[(j + 1) * s] = -sign * seasonal[j];
        }
        double[] prod = multiply(a, b);
        double[] c = new double[prod.length - 1];
        for (int k = 1; k < prod.length; k++) {
            c[k - 1] = -sign * prod[k];
        }
        return c;
    }

    /**
     * Maps unconstrained reals to the coefficients of a stationary AR polynomial {@code 1 - sum phi_i B^i}: each
     * real becomes a partial autocorrelation {@code tanh(u)} in (-1, 1) and the Durbin-Levinson recursion turns
     * them into coefficients (Jones 1980; Monahan 1984). Every real vector maps to a stationary polynomial and every
     * stationary polynomial is reached.
     */
    static double[] pacfToCoefficients(double[] u, int from, int count) {
        double[] phi = new double[count];
        double[] work = new double[count];
        for (int k = 0; k < count; k++) {
            double r = Math.tanh(u[from + k]);
            phi[k] = r;
            for (int j = 0; j < k; j++) {
                work[j] = phi[j] - r * phi[k - 1 - j];
            }
            System.arraycopy(work, 0, phi, 0, k);
        }
        return phi;
    }

    /**
     * The inverse of {@link #pacfToCoefficients}: the unconstrained reals of a stationary AR polynomial.
     *
     * @return the reals, or {@code null} when the polynomial is not strictly stationary
     */
    static double[] coefficientsToPacf(double[] phi) {
        int p = phi.length;
        double[] a = phi.clone();
        double[] u = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double r = a[k];
            if (!(Math.abs(r) < 1.0)) {
                return null;
            }
            u[k] = atanh(r);
            double denom = 1.0 - r * r;
            double[] prev = new double[k];
            for (int j = 0; j < k; j++) {
                prev[j] = (a[j] + r * a[k - 1 - j]) / denom;
            }
            System.arraycopy(prev, 0, a, 0, k);
        }
        return u;
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1.0 + r) / (1.0 - r));
    }

    /**
     * The stationary covariance {@code P = T P T' + R R'} of the state, by the doubling algorithm
     * {@code P <- P + A P A', A <- A A} starting from {@code P = R R'}, {@code A = T}; after k steps it holds the
     * first {@code 2^k} terms of {@code sum_j T^j R R' T'^j}, so it converges quadratically for a stationary
     * {@code T}.
     */
    static double[][] stationaryCovariance(double[] phi, double[] rvec, int r) {
        double[][] p = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                p[i][j] = rvec[i] * rvec[j];
            }
        }
        double[][] a = new double[r][r];
        for (int i = 0; i < r; i++) {
            a[i][0] = phi[i];
            if (i + 1 < r) {
                a[i][i + 1] = 1.0;
            }
        }
        double[][] tmp = new double[r][r];
        double[][] apa = new double[r][r];
        for (int iter = 0; iter < 200; iter++) {
            // apa = A P A'
            mul(a, p, tmp, r);
            mulTransposed(tmp, a, apa, r);
            double change = 0;
            double size = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    p[i][j] += apa[i][j];
                    change = Math.max(change, Math.abs(apa[i][j]));
                    size = Math.max(size, Math.abs(p[i][j]));
                }
            }
            if (change <= 1e-16 * size) {
                break;
            }
            mul(a, a, tmp, r);
            for (int i = 0; i < r; i++) {
                System.arraycopy(tmp[i], 0, a[i], 0, r);
            }
        }
        return p;
    }

    private static void mul(double[][] x, double[][] y, double[][] out, int r) {
        for (int i = 0; i < r; i++) {
            Arrays.fill(out[i], 0.0);
            for (int k = 0; k < r; k++) {
                double xik = x[i][k];
                if (xik != 0.0) {
                    for (int j = 0; j < r; j++) {
                        out[i][j] += xik * y[k][j];
                    }
                }
            }
        }
    }

    private static void mulTransposed(double[][] x, double[][] y, double[][] out, int r) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += x[i][k] * y[j][k];
                }
                out[i][j] = s;
            }
        }
    }

    /** The ARMA part in state-space form, with the filter's running state. */
    static final class StateSpace {
        final int r;
        final double[] phi;
        final double[] rvec;
        final double[] a;
        final double[][] p;
        boolean steady;

        StateSpace(double[] arExpanded, double[] maExpanded) {
            r = Math.max(arExpanded.length, maExpanded.length + 1);
            phi = new double[r];
            System.arraycopy(arExpanded, 0, phi, 0, arExpanded.length);
            rvec = new double[r];
            rvec[0] = 1.0;
            System.arraycopy(maExpanded, 0, rvec, 1, maExpanded.length);
            a = new double[r];
            p = stationaryCovariance(phi, rvec, r);
        }

        StateSpace(StateSpace other) {
            r = other.r;
            phi = other.phi.clone();
            rvec = other.rvec.clone();
            a = other.a.clone();
            p = new double[r][];
            for (int i = 0; i < r; i++) {
                p[i] = other.p[i].clone();
            }
            steady = other.steady;
        }

        /** @return the one-step prediction of the next value (zero-mean scale) */
        double predictedMean() {
            return a[0];
        }

        /** @return the one-step prediction variance in units of the innovation variance */
        double predictedVariance() {
            return p[0][0];
        }

        /**
         * Filters one observation: updates with it and predicts the next state.
         *
         * @param x the observation minus the mean
         * @param sink receives (v, F), may be null
         * @return the standardised squared innovation {@code v^2 / F}
         */
        double step(double x, double[] sink) {
            int n = r;
            double f = p[0][0];
            double v = x - a[0];
            if (sink != null) {
                sink[0] = v;
                sink[1] = f;
            }
            // updated state a + P e1 v / F, then predicted T a
            double a0 = a[0] + p[0][0] * v / f;
            for (int i = 0; i < n; i++) {
                double upd = i + 1 < n ? a[i + 1] + p[i + 1][0] * v / f : 0.0;
                a[i] = phi[i] * a0 + upd;
            }
            if (!steady) {
                predictCovariance(f);
            }
            return v * v / f;
        }

        private double[][] tm;
        private double[] col;

        private void predictCovariance(double f) {
            int n = r;
            if (tm == null) {
                tm = new double[n][n];
                col = new double[n];
            }
            double[] c = col;
            for (int i = 0; i < n; i++) {
                c[i] = p[i][0];
            }
            double p00 = p[0][0];
            // M = P - P e1 e1' P / F, then TM: row i = phi_i M[0,.] + M[i+1,.] (M is symmetric)
            for (int i = 0; i < n; i++) {
                double[] tmi = tm[i];
                double phii = phi[i];
                double[] next = i + 1 < n ? p[i + 1] : null;
                double ci1 = i + 1 < n ? c[i + 1] / f : 0.0;
                for (int j = 0; j < n; j++) {
                    double m0j = p[0][j] - c[0] * c[j] / f;
                    double mij = next == null ? 0.0 : next[j] - ci1 * c[j];
                    tmi[j] = phii * m0j + mij;
                }
            }
            // P_next = T M T' + R R' = (TM) T' + R R'; symmetric, so fill the upper triangle and mirror
            double change = 0;
            for (int i = 0; i < n; i++) {
                double[] tmi = tm[i];
                double ti0 = tmi[0];
                double ri = rvec[i];
                for (int j = i; j < n; j++) {
                    double v = phi[j] * ti0 + (j + 1 < n ? tmi[j + 1] : 0.0) + ri * rvec[j];
                    change = Math.max(change, Math.abs(v - p[i][j]));
                    p[i][j] = v;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    p[i][j] = p[j][i];
                }
            }
            // once the prediction covariance stops changing (to 1e-13 of the prediction variance) it stays fixed:
            // the remaining steps only move the state mean (the filter has reached its steady state)
            steady = change <= STEADY_TOLERANCE * p00;
        }
    }

    /** Sums collected while filtering a whole series. */
    record FilterSums(double sumSquares, double sumLogF, int n) {
    }

    /**
     * Runs the filter over {@code x} (already minus the mean), from the stationary initial state.
     *
     * @param ss the state space, advanced to the end of {@code x}
     * @param x the observations
     * @param innovations receives v_t when not null
     * @param variances receives F_t when not null
     */
    static FilterSums filter(StateSpace ss, double[] x, double[] innovations, double[] variances) {
        double ssq = 0;
        double logF = 0;
        double[] sink = innovations == null && variances == null ? null : new double[2];
        for (int t = 0; t < x.length; t++) {
            double f = ss.p[0][0];
            ssq += ss.step(x[t], sink);
            logF += Math.log(f);
            if (sink != null) {
                if (innovations != null) {
                    innovations[t] = sink[0];
                }
                if (variances != null) {
                    variances[t] = sink[1];
                }
            }
        }
        return new FilterSums(ssq, logF, x.length);
    }

    /** The concentrated Gaussian log-likelihood from filter sums; the innovation variance is {@code ssq / n}. */
    static double concentratedLogLik(FilterSums s) {
        int n = s.n();
        double sigma2 = s.sumSquares() / n;
        return -0.5 * n * (Math.log(2 * Math.PI) + 1.0 + Math.log(sigma2)) - 0.5 * s.sumLogF();
    }

    /**
     * The conditional sum of squares of the ARMA recursion started from zero errors, skipping the first
     * {@code ar.length} observations.
     */
    static double conditionalSumOfSquares(double[] x, double[] ar, double[] ma) {
        int p = ar.length;
        int q = ma.length;
        double[] e = new double[x.length];
        double ssq = 0;
        for (int t = p; t < x.length; t++) {
            double v = x[t];
            for (int i = 0; i < p; i++) {
                v -= ar[i] * x[t - 1 - i];
            }
            for (int j = 0; j < q && j < t - p; j++) {
                v -= ma[j] * e[t - 1 - j];
            }
            e[t] = v;
            ssq += v * v;
        }
        return ssq;
    }

    /** @return the smallest modulus of the roots of {@code 1 - sum c_k z^k}, or infinity for an empty polynomial */
    static double minRootModulus(double[] c, double sign) {
        int m = c.length;
        while (m > 0 && c[m - 1] == 0.0) {
            m--;
        }
        if (m == 0) {
            return Double.POSITIVE_INFINITY;
        }
        // the roots of 1 - sum a_k z^k are the reciprocals of the eigenvalues of the companion matrix with a in
        // its first row, so the smallest root modulus is 1 / (largest eigenvalue modulus)
        double[][] comp = new double[m][m];
        for (int k = 0; k < m; k++) {
            comp[0][k] = sign * c[k];
            if (k + 1 < m) {
                comp[k + 1][k] = 1.0;
            }
        }
        org.apache.commons.math3.linear.EigenDecomposition eig = new org.apache.commons.math3.linear
                .EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(comp, false));
        double[] re = eig.getRealEigenvalues();
        double[] im = eig.getImagEigenvalues();
        double max = 0;
        for (int i = 0; i < m; i++) {
            max = Math.max(max, Math.hypot(re[i], im[i]));
        }
        return max > 0 ? 1.0 / max : Double.POSITIVE_INFINITY;
    }
}
