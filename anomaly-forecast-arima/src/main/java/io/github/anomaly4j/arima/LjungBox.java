package io.github.anomaly4j.arima;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The Ljung-Box portmanteau test of residual autocorrelation: {@code Q = n (n + 2) sum_{k=1}^{h} r_k^2 / (n - k)},
 * compared with a chi-squared distribution on {@code h - fitdf} degrees of freedom.
 *
 * @param statistic Q
 * @param lags h, the number of autocorrelations summed
 * @param degreesOfFreedom {@code h - fitdf}
 * @param pValue the upper tail probability of Q; NaN when there are no degrees of freedom left
 */
public record LjungBox(double statistic, int lags, int degreesOfFreedom, double pValue) {

    /**
     * Runs the test.
     *
     * @param residuals the residuals, finite
     * @param lags h, at least 1 and less than the number of residuals
     * @param fitdf the number of fitted ARMA coefficients to subtract from the degrees of freedom
     * @return the test result
     * @throws IllegalArgumentException when {@code lags} is out of range
     */
    public static LjungBox test(double[] residuals, int lags, int fitdf) {
        int n = residuals.length;
        if (lags < 1 || lags >= n) {
            throw new IllegalArgumentException("lags must be in [1, " + (n - 1) + "] for " + n
                    + " residuals, got " + lags);
        }
        double mean = 0;
        for (double e : residuals) {
            mean += e;
        }
        mean /= n;
        double c0 = 0;
        for (double e : residuals) {
            c0 += (e - mean) * (e - mean);
        }
        double q = 0;
        for (int k = 1; k <= lags; k++) {
            double ck = 0;
            for (int t = k; t < n; t++) {
                ck += (residuals[t] - mean) * (residuals[t - k] - mean);
            }
            double rk = c0 > 0 ? ck / c0 : 0.0;
            q += rk * rk / (n - k);
        }
        q *= n * (n + 2.0);
        int df = lags - fitdf;
        double p = df > 0 ? 1.0 - new ChiSquaredDistribution(null, df).cumulativeProbability(q) : Double.NaN;
        return new LjungBox(q, lags, df, p);
    }
}
