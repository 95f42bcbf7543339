package io.github.anomaly4j.arima;

/**
 * The tests auto-ARIMA uses to choose the differencing orders: KPSS for d, a seasonal-strength heuristic for D.
 */
public final class UnitRoot {

    /** KPSS level-stationarity 5 % critical value (Kwiatkowski et al. 1992, Table 1, eta_mu). */
    public static final double KPSS_CRITICAL_5 = 0.463;

    /** Seasonal strength above which a seasonal difference is taken (Wang, Smith and Hyndman 2006; R's forecast). */
    public static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;

    private UnitRoot() {
    }

    /**
     * The KPSS statistic for level stationarity, with a Bartlett-weighted long-run variance and
     * {@code trunc(3 sqrt(n) / 13)} lags (R's {@code forecast::ndiffs} default).
     *
     * @param x the series, at least 2 values
     * @return the statistic; large values reject stationarity
     */
    public static double kpss(double[] x) {
        int n = x.length;
        int lags = (int) Math.floor(3.0 * Math.sqrt(n) / 13.0);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double cum = 0;
        double eta = 0;
        double s0 = 0;
        for (int t = 0; t < n; t++) {
            e[t] = x[t] - mean;
            cum += e[t];
            eta += cum * cum;
            s0 += e[t] * e[t];
        }
        eta /= (double) n * n;
        double lrv = s0;
        for (int s = 1; s <= lags; s++) {
            double c = 0;
            for (int t = s; t < n; t++) {
                c += e[t] * e[t - s];
            }
            lrv += 2.0 * (1.0 - s / (lags + 1.0)) * c;
        }
        lrv /= n;
        return lrv > 0 ? eta / lrv : 0.0;
    }

    /**
     * The number of first differences, up to {@code maxD}, after which KPSS no longer rejects level stationarity
     * at 5 % (R's {@code ndiffs(test = "kpss")}).
     *
     * @param x the series
     * @param maxD the most differences to take
     * @return d
     */
    public static int ndiffs(double[] x, int maxD) {
        int d = 0;
        double[] w = x;
        while (d < maxD && w.length > 3 && !isConstant(w) && kpss(w) > KPSS_CRITICAL_5) {
            w = ArimaMath.difference(w, 1, 0, 0);
            d++;
        }
        return d;
    }

    /**
     * Seasonal strength {@code max(0, 1 - Var(remainder) / Var(seasonal + remainder))} from a classical additive
     * decomposition (centred moving-average trend, seasonal means of the detrended series). R's forecast uses an
     * STL decomposition for the same measure; the classical one is a documented simplification.
     *
     * @param x the series, at least two full periods
     * @param period the seasonal period, at least 2
     * @return the strength in [0, 1]
     */
    public static double seasonalStrength(double[] x, int period) {
        int n = x.length;
        if (period < 2 || n < 2 * period) {
            return 0.0;
        }
        int half = period / 2;
        double[] detrended = new double[n];
        boolean[] has = new boolean[n];
        for (int t = half; t < n - half; t++) {
            double s;
            if (period % 2 == 0) {
                s = 0.5 * x[t - half] + 0.5 * x[t + half];
                for (int k = -half + 1; k < half; k++) {
                    s += x[t + k];
                }
            } else {
                s = 0;
                for (int k = -half; k <= half; k++) {
                    s += x[t + k];
                }
            }
            detrended[t] = x[t] - s / period;
            has[t] = true;
        }
        double[] seasonal = new double[period];
        int[] count = new int[period];
        for (int t = 0; t < n; t++) {
            if (has[t]) {
                seasonal[t % period] += detrended[t];
                count[t % period]++;
            }
        }
        double avg = 0;
        for (int k = 0; k < period; k++) {
            seasonal[k] = count[k] > 0 ? seasonal[k] / count[k] : 0.0;
            avg += seasonal[k];
        }
        avg /= period;
        double[] rem = new double[n];
        double[] sr = new double[n];
        int m = 0;
        for (int t = 0; t < n; t++) {
            if (has[t]) {
                sr[m] = detrended[t];
                rem[m] = detrended[t] - (seasonal[t % period] - avg);
                m++;
            }
        }
        double vr = variance(rem, m);
        double vsr = variance(sr, m);
        if (!(vsr > 0)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - vr / vsr));
    }

    /**
     * The number of seasonal differences (0 or 1): 1 when the seasonal strength exceeds
     * {@link #SEASONAL_STRENGTH_THRESHOLD}.
     *
     * @param x the series
     * @param period the seasonal period
     * @return D
     */
    public static int nsdiffs(double[] x, int period) {
        if (period < 2 || x.length < 2 * period || isConstant(x)) {
            return 0;
        }
        return seasonalStrength(x, period) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
    }

    static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    private static double variance(double[] a, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += a[i];
        }
        mean /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (a[i] - mean) * (a[i] - mean);
        }
        return n > 1 ? s / (n - 1) : 0.0;
    }
}
