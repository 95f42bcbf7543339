package io.github.anomaly4j.arima;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fits ARIMA(p,d,q)(P,D,Q)[s] models by exact Gaussian maximum likelihood.
 *
 * <p><b>Model.</b> {@code w_t = (1 - B)^d (1 - B^s)^D y_t}, and {@code phi(B) Phi(B^s) (w_t - mu) =
 * theta(B) Theta(B^s) e_t} with {@code e_t ~ N(0, sigma2)}; {@code mu} is estimated only with
 * {@link ArimaOrder#includeMean()}. The polynomials are {@code 1 - phi_1 B - ...} and {@code 1 + theta_1 B + ...}
 * (R's and statsmodels' sign conventions).
 *
 * <p><b>Likelihood.</b> The ARMA part runs through a Kalman filter in Harvey's state-space form, initialised with
 * the exact stationary state covariance (the solution of {@code P = T P T' + R R'}, by the doubling algorithm),
 * so the likelihood is exact, not conditional. Differencing is done up front: the exact likelihood of the
 * differenced series is the exact diffuse likelihood of the integrated model, the limit of the approximate diffuse
 * prior (variance 1e6 on the integrated states, the first {@code d + D s} observations left out) that statsmodels'
 * {@code ARIMA} and R's {@code arima} use; it counts {@code n = N - d - D s} observations. The innovation variance
 * is concentrated out ({@code ssq / n}), which gives the same maximum and estimates as estimating it directly.
 *
 * <p><b>Estimation.</b> Parameters are optimised in an unconstrained space: each AR and MA polynomial is written
 * through its partial autocorrelations {@code tanh(u)} (Jones 1980, Monahan 1984), so every candidate is
 * stationary and invertible. Starting values come from minimising the conditional sum of squares (CSS) from zero;
 * the exact likelihood is then maximised by BFGS with numerical gradients (R's "CSS-ML").
 */
public final class Arima {

    /** BFGS iterations allowed per stage unless told otherwise. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    private static final double GRADIENT_TOLERANCE = 1e-7;

    private Arima() {
    }

    /**
     * The shortest series the order can be fitted to: the observations lost to differencing, plus at least
     * {@code k + 2} (k parameters including the variance, so that AICc is defined) and more than the AR span.
     *
     * @param order the orders
     * @return the minimum number of observations
     */
    public static int minimumLength(ArimaOrder order) {
        int k = order.coefficientCount() + 1;
        int arSpan = order.p() + order.seasonalP() * order.effectivePeriod();
        int maSpan = order.q() + order.seasonalQ() * order.effectivePeriod();
        return order.differencingLoss() + Math.max(Math.max(k + 2, arSpan + 2), Math.max(maSpan + 1, 3));
    }

    /**
     * Fits the model to a series indexed 0, 1, 2, ... (timestamps {@code 0..N-1}, step 1).
     *
     * @param y the observations, all finite
     * @param order the orders
     * @return the fit; check {@link ArimaFit#converged()}
     * @throws IllegalArgumentException when the series is shorter than {@link #minimumLength(ArimaOrder)} or holds
     *     a non-finite value
     */
    public static ArimaFit fit(double[] y, ArimaOrder order) {
        return fit(y, order, y == null ? 0 : y.length - 1L, 1L);
    }

    /**
     * Fits the model to a series whose last observation is at {@code lastTimestamp}, spaced {@code step} apart.
     *
     * @param y the observations, all finite
     * @param order the orders
     * @param lastTimestamp epoch milliseconds of the last observation
     * @param step milliseconds between observations, positive
     * @return the fit; check {@link ArimaFit#converged()}
     * @throws IllegalArgumentException when the series is too short (the message names the minimum length) or holds
     *     a non-finite value
     */
    public static ArimaFit fit(double[] y, ArimaOrder order, long lastTimestamp, long step) {
        return fit(y, order, lastTimestamp, step, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Fits the model with a limit on the optimiser's iterations (per stage: CSS, then exact ML).
     *
     * @param y the observations, all finite
     * @param order the orders
     * @param lastTimestamp epoch milliseconds of the last observation
     * @param step milliseconds between observations, positive
     * @param maxIterations BFGS iterations allowed per stage, at least 1
     * @return the fit; {@link ArimaFit#converged()} is false when the limit stopped the optimiser
     * @throws IllegalArgumentException when the series is too short (the message names the minimum length) or holds
     *     a non-finite value
     */
    public static ArimaFit fit(double[] y, ArimaOrder order, long lastTimestamp, long step, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        validate(y, order, step);
        return new Fitter(y, order, lastTimestamp, step, maxIterations).fit();
    }

    /**
     * Fits by conditional sum of squares only (no exact likelihood): the fast approximation auto-ARIMA uses to
     * rank candidates on long series, as R's {@code auto.arima(approximation = TRUE)} does. The returned
     * log-likelihood is the CSS one, {@code -n/2 (log(2 pi sigma2) + 1)} with {@code sigma2 = CSS / (n - p')}.
     */
    static ArimaFit fitConditional(double[] y, ArimaOrder order, long lastTimestamp, long step, int maxIterations) {
        validate(y, order, step);
        return new Fitter(y, order, lastTimestamp, step, maxIterations).fitCss();
    }

    private static void validate(double[] y, ArimaOrder order, long step) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(order, "order");
        if (step <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("observation " + i + " is not finite (" + y[i]
                        + "); ARIMA needs a complete series without NaN or infinities");
            }
        }
        int min = minimumLength(order);
        if (y.length < min) {
            throw new IllegalArgumentException(order + " needs at least " + min + " observations, got " + y.length);
        }
    }

    /** One fit: the differenced series and the mapping from the unconstrained vector to coefficients. */
    private static final class Fitter {
        final double[] y;
        final ArimaOrder o;
        final long lastTimestamp;
        final long step;
        final double[] w;
        final int s;
        final double mean0;
        final double scale;
        final int nParams;
        final int maxIterations;

        Fitter(double[] y, ArimaOrder o, long lastTimestamp, long step, int maxIterations) {
            this.maxIterations = maxIterations;
            this.y = y;
            this.o = o;
            this.lastTimestamp = lastTimestamp;
            this.step = step;
            this.s = Math.max(1, o.effectivePeriod());
            this.w = ArimaMath.difference(y, o.d(), o.seasonalD(), o.effectivePeriod());
            double m = 0;
            for (double v : w) {
                m += v;
            }
            m /= w.length;
            double var = 0;
            for (double v : w) {
                var += (v - m) * (v - m);
            }
            double sd = Math.sqrt(var / w.length);
            this.mean0 = m;
            this.scale = sd > 0 ? sd : Math.max(1.0, Math.abs(m));
            this.nParams = o.coefficientCount();
        }

        /** Coefficients {ar, ma, sar, sma, {mean}} from the unconstrained vector. */
        double[][] coefficients(double[] u) {
            int i = 0;
            double[] ar = ArimaMath.pacfToCoefficients(u, i, o.p());
            i += o.p();
            double[] ma = negate(ArimaMath.pacfToCoefficients(u, i, o.q()));
            i += o.q();
            double[] sar = ArimaMath.pacfToCoefficients(u, i, o.seasonalP());
            i += o.seasonalP();
            double[] sma = negate(ArimaMath.pacfToCoefficients(u, i, o.seasonalQ()));
            i += o.seasonalQ();
            double mu = o.includeMean() ? mean0 + scale * u[i] : 0.0;
            return new double[][] {ar, ma, sar, sma, {mu}};
        }

        double[] centred(double mu) {
            double[] x = new double[w.length];
            for (int t = 0; t < x.length; t++) {
                x[t] = w[t] - mu;
            }
            return x;
        }

        double cssObjective(double[] u) {
            double[][] c = coefficients(u);
            double[] arExp = ArimaMath.expand(c[0], c[2], s, 1.0);
            double[] maExp = ArimaMath.expand(c[1], c[3], s, -1.0);
            double ssq = ArimaMath.conditionalSumOfSquares(w, c[4][0], arExp, maExp);
            int used = w.length - arExp.length;
            return 0.5 * Math.log(ssq / used);
        }

        double logLik(double[][] c) {
            double[] arExp = ArimaMath.expand(c[0], c[2], s, 1.0);
            double[] maExp = ArimaMath.expand(c[1], c[3], s, -1.0);
            ArimaMath.StateSpace ss = new ArimaMath.StateSpace(arExp, maExp);
            return ArimaMath.concentratedLogLik(ArimaMath.filter(ss, w, c[4][0], null, null));
        }

        ArimaFit fit() {
            double[][] c0 = coefficients(new double[nParams]);
            if (isConstant()) {
                return degenerate(c0);
            }
            double[] start = new double[nParams];
            int cssIterations = 0;
            if (nParams > 0) {
                // CSS only supplies starting values here, so a loose tolerance is enough
                Bfgs.Result css = new Bfgs(this::cssObjective, maxIterations, 1e-4).minimise(start);
                cssIterations = css.iterations();
                if (Double.isFinite(css.value())) {
                    for (int i = 0; i < nParams; i++) {
                        // keep the ML start away from the boundary, where tanh flattens
                        start[i] = Math.max(-2.5, Math.min(2.5, css.x()[i]));
                    }
                }
            }
            int n = w.length;
            Bfgs.Result ml = new Bfgs(u -> -logLik(coefficients(u)) / n, maxIterations, GRADIENT_TOLERANCE)
                    .minimise(start);
            if (!Double.isFinite(ml.value()) && nParams > 0) {
                ml = new Bfgs(u -> -logLik(coefficients(u)) / n, maxIterations, GRADIENT_TOLERANCE)
                        .minimise(new double[nParams]);
            }
            if (!Double.isFinite(ml.value())) {
                throw new IllegalStateException(o + ": the likelihood is not finite even at the starting values");
            }
            double[][] c = coefficients(ml.x());
            return build(c, ml.converged(), ml.message(), cssIterations + ml.iterations());
        }

        ArimaFit fitCss() {
            double[][] c0 = coefficients(new double[nParams]);
            if (isConstant()) {
                return degenerate(c0);
            }
            Bfgs.Result css = new Bfgs(this::cssObjective, maxIterations, 1e-6).minimise(new double[nParams]);
            if (!Double.isFinite(css.value())) {
                throw new IllegalStateException(o + ": the conditional sum of squares is not finite");
            }
            double[][] c = coefficients(css.x());
            ArimaFit exactFilter = build(c, css.converged(), css.message(), css.iterations());
            int n = w.length;
            // css.value() = 0.5 log(sigma2_css)
            double ll = -0.5 * n * (Math.log(2 * Math.PI) + 1.0 + 2.0 * css.value());
            return new ArimaFit(exactFilter.model(), ll, n, css.converged(), css.message(), css.iterations(),
                    exactFilter.residuals(), exactFilter::standardErrors);
        }

        private boolean isConstant() {
            double first = w[0];
            for (double v : w) {
                if (v != first) {
                    return false;
                }
            }
            return o.includeMean() || first == 0.0;
        }

        private ArimaFit degenerate(double[][] c0) {
            double mu = o.includeMean() ? mean0 : 0.0;
            c0[4][0] = mu;
            ArimaMath.StateSpace ss = new ArimaMath.StateSpace(ArimaMath.expand(c0[0], c0[2], s, 1.0),
                    ArimaMath.expand(c0[1], c0[3], s, -1.0));
            ArimaModel model = new ArimaModel(o, c0[0], c0[1], c0[2], c0[3], mu, 0.0, ss, tail(), y.length,
                    lastTimestamp, step, true, "the differenced series is constant");
            double[] se = new double[o.coefficientCount() + 1];
            Arrays.fill(se, Double.NaN);
            return new ArimaFit(model, Double.POSITIVE_INFINITY, w.length, true,
                    "the differenced series is constant: an exact fit with zero innovation variance", 0,
                    new double[w.length], () -> se);
        }

        private double[] tail() {
            int m = o.differencingLoss();
            return Arrays.copyOfRange(y, y.length - m, y.length);
        }

        private ArimaFit build(double[][] c, boolean converged, String message, int iterations) {
            double[] arExp = ArimaMath.expand(c[0], c[2], s, 1.0);
            double[] maExp = ArimaMath.expand(c[1], c[3], s, -1.0);
            ArimaMath.StateSpace ss = new ArimaMath.StateSpace(arExp, maExp);
            double[] v = new double[w.length];
            ArimaMath.FilterSums sums = ArimaMath.filter(ss, centred(c[4][0]), v, null);
            double ll = ArimaMath.concentratedLogLik(sums);
            double sigma2 = sums.sumSquares() / sums.n();
            double mu = c[4][0];
            ArimaModel model = new ArimaModel(o, c[0], c[1], c[2], c[3], mu, sigma2, ss, tail(), y.length,
                    lastTimestamp, step, converged, message);
            return new ArimaFit(model, ll, w.length, converged, message, iterations, v,
                    () -> standardErrors(c, sigma2));
        }

        /** Flattens {ar, ma, sar, sma, mean?} into one vector of constrained parameters. */
        private double[] flatten(double[][] c) {
            double[] theta = new double[nParams];
            int i = 0;
            for (int part = 0; part < 4; part++) {
                for (double v : c[part]) {
                    theta[i++] = v;
                }
            }
            if (o.includeMean()) {
                theta[i] = c[4][0];
            }
            return theta;
        }

        private double[][] unflatten(double[] theta) {
            int i = 0;
            double[][] c = new double[5][];
            int[] sizes = {o.p(), o.q(), o.seasonalP(), o.seasonalQ()};
            for (int part = 0; part < 4; part++) {
                c[part] = Arrays.copyOfRange(theta, i, i + sizes[part]);
                i += sizes[part];
            }
            c[4] = new double[] {o.includeMean() ? theta[i] : 0.0};
            return c;
        }

        private double[] standardErrors(double[][] c, double sigma2) {
            int k = nParams;
            double[] se = new double[k + 1];
            se[k] = sigma2 * Math.sqrt(2.0 / w.length);
            if (k == 0) {
                return se;
            }
            double[] theta = flatten(c);
            double[] h = new double[k];
            for (int i = 0; i < k; i++) {
                boolean isMean = o.includeMean() && i == k - 1;
                h[i] = isMean ? 1e-4 * Math.max(scale, Math.abs(theta[i])) : 1e-4;
            }
            double f0 = logLik(unflatten(theta));
            double[][] hess = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    double v;
                    if (i == j) {
                        v = (at(theta, i, h[i], j, 0) - 2 * f0 + at(theta, i, -h[i], j, 0)) / (h[i] * h[i]);
                    } else {
                        v = (at(theta, i, h[i], j, h[j]) - at(theta, i, h[i], j, -h[j])
                                - at(theta, i, -h[i], j, h[j]) + at(theta, i, -h[i], j, -h[j]))
                                / (4 * h[i] * h[j]);
                    }
                    hess[i][j] = -v;
                    hess[j][i] = -v;
                }
            }
            try {
                RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(hess)).getSolver().getInverse();
                for (int i = 0; i < k; i++) {
                    double d = inv.getEntry(i, i);
                    se[i] = d > 0 ? Math.sqrt(d) : Double.NaN;
                }
            } catch (RuntimeException singular) {
                Arrays.fill(se, 0, k, Double.NaN);
            }
            return se;
        }

        private double at(double[] theta, int i, double di, int j, double dj) {
            double[] t = theta.clone();
            t[i] += di;
            t[j] += dj;
            double v = logLik(unflatten(t));
            return Double.isFinite(v) ? v : Double.NaN;
        }

        private static double[] negate(double[] a) {
            for (int i = 0; i < a.length; i++) {
                a[i] = -a[i];
            }
            return a;
        }
    }
}
