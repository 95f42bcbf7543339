package io.github.anomaly4j.drift;

import org.apache.commons.math3.special.Gamma;

/**
 * The distribution of the one-sample two-sided Kolmogorov-Smirnov statistic {@code D_n} for a finite {@code n}
 * (scipy's {@code kstwo}), which scipy's {@code ks_2samp} uses for its asymptotic p-value with
 * {@code n = round(m n / (m + n))}.
 *
 * <p>The method for each region of {@code (n, x)} is the one chosen by Simard and L'Ecuyer (2011), "Computing the
 * two-sided Kolmogorov-Smirnov distribution", J. Stat. Software 39(11): Ruben-Gambino closed forms at the ends,
 * the Durbin matrix evaluated as Marsaglia, Tsang and Wang (2003) describe, Pomeranz's (1974) recursion, the
 * Pelz-Good (1976) expansion for large {@code n}, and twice the exact one-sided (Birnbaum-Tingey) tail where the
 * two one-sided events cannot both happen or where their intersection is negligible. The thresholds are the
 * published ones, so the values agree with scipy to rounding.
 */
final class KolmogorovDistribution {
    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3);
    private static final double MIN_LOG = -708;

    private KolmogorovDistribution() {
    }

    /** @return {@code P(D_n >= x)} */
    static double sf(int n, double x) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double cdf;
            if (n <= 140) {
                cdf = 1.0;
                for (int i = 1; i <= n; i++) {
                    cdf *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                cdf = Math.exp(Gamma.logGamma(n + 1.0) - n * Math.log(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                return clip(1.0 - durbin(n, x));
            }
            if (nxSquared <= 4) {
                return clip(1.0 - pomeranz(n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbin(n, x);
        } else {
            cdf = pelzGood(n, x);
        }
        return clip(1.0 - cdf);
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    /**
     * The exact one-sided tail {@code P(D_n^+ >= e)} by the Birnbaum-Tingey sum, each term evaluated in logs.
     */
    static double smirnov(int n, double e) {
        if (e <= 0.0) {
            return 1.0;
        }
        if (e >= 1.0) {
            return 0.0;
        }
        int last = (int) Math.floor(n * (1.0 - e));
        double logNFactorial = Gamma.logGamma(n + 1.0);
        double sum = 0.0;
        for (int v = 0; v <= last; v++) {
            double evn = e + (double) v / n;
            double omevn = 1.0 - evn;
            double logTerm = logNFactorial - Gamma.logGamma(v + 1.0) - Gamma.logGamma(n - v + 1.0)
                    + (v - 1) * Math.log(evn);
            if (n - v > 0) {
                if (!(omevn > 0)) {
                    continue;
                }
                logTerm += (n - v) * Math.log(omevn);
            }
            if (logTerm > MIN_LOG) {
                sum += Math.exp(logTerm);
            }
        }
        return sum * e;
    }

    /** {@code P(D_n <= d)} by the Durbin matrix, as Marsaglia, Tsang and Wang (2003) evaluate it. */
    static double durbin(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - i + 1];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = new double[m][m];
        for (int i = 0; i < m; i++) {
            power[i][i] = 1.0;
        }
        int nn = n;
        int exponent = 0;
        int hExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                for (double[] row : hm) {
                    for (int c = 0; c < m; c++) {
                        row[c] /= EP128;
                    }
                }
                hExponent += E128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                exponent -= E128;
            }
        }
        return Math.scalb(p, exponent);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] ci = c[i];
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0.0) {
                    continue;
                }
                double[] bl = b[l];
                for (int j = 0; j < m; j++) {
                    ci[j] += ail * bl[j];
                }
            }
        }
        return c;
    }

    /** {@code P(D_n <= x)} by Pomeranz's recursion (only two rows kept, rescaled against underflow). */
    static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int exponent = 0;
        int[] j = pomeranzRange(0, n, ll, ceilf, roundf);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j[0];
            double[] swap = v0;
            v0 = v1;
            v1 = swap;
            int swaps = v0s;
            v0s = v1s;
            v1s = swaps;
            java.util.Arrays.fill(v1, 0.0);
            j = pomeranzRange(i, n, ll, ceilf, roundf);
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int len = j[1] - k1 + 1;
            if (len > 0) {
                int convStart = j[0] - k1;
                int convLen = j[1] - j[0] + 1;
                int base = k1 - v0s;
                double max = 0;
                for (int c = 0; c < convLen; c++) {
                    int target = convStart + c;
                    double s = 0;
                    for (int a = Math.max(0, target - len + 1); a <= Math.min(target, len - 1); a++) {
                        int idx = base + a;
                        if (idx >= 0 && idx < npwrs) {
                            s += v0[idx] * pwrs[target - a];
                        }
                    }
                    v1[c] = s;
                    max = Math.max(max, s);
                }
                if (max > 0 && max < EM128) {
                    for (int c = 0; c < convLen; c++) {
                        v1[c] *= EP128;
                    }
                    exponent -= E128;
                }
                v1s = v0s + j[0] - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                exponent += E128;
            }
            ans *= m;
        }
        return Math.scalb(ans, exponent);
    }

    private static int[] pomeranzRange(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0) {
                if (half == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = half - 1 - ll - roundf - 1;
                    j2 = half + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** {@code P(D_n <= x)} by the Pelz-Good (1976) expansion to order {@code n^{-3/2}}. */
    static double pelzGood(int n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k >= 1; k--) {
            double m = 2 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * k);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                kk[i] = kk[i] * qpower + coeffs[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            kk[i] = kk[i] * q * SQRT2PI / divisors[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double k2extra = 0;
        double k3extra = 0;
        double sqrt3z = SQRT3 * z;
        for (int k = maxk; k >= 1; k--) {
            double k2 = (double) k * k;
            double qp = Math.pow(q2, k2);
            double kpi = Math.PI * k;
            k2extra += k2 * qp;
            k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qp;
        }
        kk[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
        kk[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += kk[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }
}
