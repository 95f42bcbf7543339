package io.github.anomaly4j.features;

import java.math.BigDecimal;
import java.math.MathContext;

/** From-scratch references in exact decimal arithmetic over the same doubles (every double is a finite decimal). */
final class Exact {
    static final MathContext MC = new MathContext(60);

    private Exact() {
    }

    static BigDecimal sum(double[] w) {
        BigDecimal s = BigDecimal.ZERO;
        for (double x : w) {
            s = s.add(new BigDecimal(x));
        }
        return s;
    }

    static double mean(double[] w) {
        return sum(w).divide(BigDecimal.valueOf(w.length), MC).doubleValue();
    }

    /** Sample variance (n - 1), exactly: (n sum x^2 - (sum x)^2) / (n (n - 1)). */
    static BigDecimal varianceExact(double[] w) {
        int n = w.length;
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal s2 = BigDecimal.ZERO;
        for (double x : w) {
            BigDecimal b = new BigDecimal(x);
            s = s.add(b);
            s2 = s2.add(b.multiply(b));
        }
        BigDecimal num = s2.multiply(BigDecimal.valueOf(n)).subtract(s.multiply(s));
        return num.divide(BigDecimal.valueOf((long) n * (n - 1)), MC);
    }

    static double variance(double[] w) {
        return varianceExact(w).doubleValue();
    }

    static double std(double[] w) {
        return varianceExact(w).sqrt(MC).doubleValue();
    }

    /** (x - mean) / sd = (n x - S) / (n sd), with n x - S exact. */
    static double zscore(double[] w) {
        BigDecimal var = varianceExact(w);
        if (var.signum() == 0) {
            return 0.0;
        }
        BigDecimal n = BigDecimal.valueOf(w.length);
        BigDecimal num = new BigDecimal(w[w.length - 1]).multiply(n).subtract(sum(w));
        return num.divide(var.sqrt(MC).multiply(n), MC).doubleValue();
    }

    /** NIST's lag-k autocorrelation: sum_{t<n-k} (x_t - m)(x_{t+k} - m) / sum_t (x_t - m)^2; 0 when constant. */
    static double autocorrelation(double[] w, int k) {
        // deviations scaled by n, n x - S, are exact: no rounded mean can make a constant window look varied
        int n = w.length;
        BigDecimal s = sum(w);
        BigDecimal[] d = new BigDecimal[n];
        BigDecimal den = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            d[i] = new BigDecimal(w[i]).multiply(BigDecimal.valueOf(n)).subtract(s);
            den = den.add(d[i].multiply(d[i]));
        }
        if (den.signum() == 0) {
            return 0.0;
        }
        BigDecimal num = BigDecimal.ZERO;
        for (int i = 0; i + k < n; i++) {
            num = num.add(d[i].multiply(d[i + k]));
        }
        return num.divide(den, MC).doubleValue();
    }

    static double relativeError(double actual, double expected) {
        if (actual == expected) {
            return 0.0;
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }
}
