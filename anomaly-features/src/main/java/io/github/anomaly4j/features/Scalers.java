package io.github.anomaly4j.features;

import io.github.anomaly4j.api.data.TimeSeries;
import java.util.Arrays;

/**
 * Fitting of the standard, min-max and robust scalers: per column, over the finite training values (NaN values
 * are missing readings and skipped). A column whose scale is zero (a constant column) gets scale 1, so its output
 * is {@code x - center}, as scikit-learn does; one whose scale is beyond the double range is refused.
 */
final class Scalers {
    static final int STANDARD = 0;
    static final int MIN_MAX = 1;
    static final int ROBUST = 2;

    private Scalers() {
    }

    static ScalerState fit(String id, int kind, TimeSeries training) {
        int width = training.width();
        double[] center = new double[width];
        double[] scale = new double[width];
        for (int c = 0; c < width; c++) {
            double[] all = training.column(c);
            double[] v = new double[all.length];
            int m = 0;
            for (double x : all) {
                if (x == x) {
                    if (Double.isInfinite(x)) {
                        throw new IllegalArgumentException(id + ": column '" + training.columnNames().get(c)
                                + "' holds " + x + "; training values must be finite (NaN marks a missing value)");
                    }
                    v[m++] = x;
                }
            }
            int minimum = kind == STANDARD ? 2 : 1;
            if (m < minimum) {
                throw new IllegalArgumentException(id + ": column '" + training.columnNames().get(c) + "' has " + m
                        + " finite training values; the scaler needs at least " + minimum);
            }
            v = Arrays.copyOf(v, m);
            double s;
            switch (kind) {
                case STANDARD: {
                    double mean = mean(v);
                    double ss = 0.0;
                    for (double x : v) {
                        double d = x - mean;
                        ss += d * d;
                    }
                    center[c] = mean;
                    s = ss < Double.POSITIVE_INFINITY ? Math.sqrt(ss / (m - 1)) : scaledDeviation(v, mean);
                    break;
                }
                case MIN_MAX: {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (double x : v) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                    center[c] = lo;
                    s = hi - lo;
                    break;
                }
                default: {
                    Arrays.sort(v);
                    center[c] = quantile(v, 0.5);
                    s = quantile(v, 0.75) - quantile(v, 0.25);
                }
            }
            if (s == Double.POSITIVE_INFINITY) {
                // (x - center) / 1 would be as wrong as the outputs are large: say so instead
                throw new IllegalArgumentException(id + ": the scale of column '" + training.columnNames().get(c)
                        + "' (" + (kind == STANDARD ? "standard deviation" : kind == MIN_MAX ? "range"
                        : "interquartile range") + " of its training values) is beyond the double range; divide "
                        + "the column by a constant first");
            }
            scale[c] = s > 0.0 ? s : 1.0;
        }
        return new ScalerState(center, scale);
    }

    /**
     * Mean by a compensated sum, then one correction pass. If the sum overflows (values near
     * {@code Double.MAX_VALUE}), the mean of the values scaled by {@code 2^-k}, small enough that {@code n} of them
     * cannot overflow, scaled back: exact scalings, lost only in values far below the mean's last bit.
     */
    private static double mean(double[] v) {
        double mean = plainMean(v);
        if (Double.isFinite(mean)) {
            return mean;
        }
        int k = 2 + (32 - Integer.numberOfLeadingZeros(v.length));
        double[] scaled = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            scaled[i] = Math.scalb(v[i], -k);
        }
        return Math.scalb(plainMean(scaled), k);
    }

    /**
     * The sample standard deviation when the plain sum of squared deviations overflows: every value and the mean
     * scaled by a power of two that brings the largest below 1, so neither the differences nor their squares
     * overflow, and the result scaled back ({@code +Infinity} only if the deviation itself is beyond the range).
     */
    private static double scaledDeviation(double[] v, double mean) {
        double largest = Math.abs(mean);
        for (double x : v) {
            largest = Math.max(largest, Math.abs(x));
        }
        int k = Math.getExponent(largest) + 1;
        double scaledMean = Math.scalb(mean, -k);
        double ss = 0.0;
        for (double x : v) {
            double d = Math.scalb(x, -k) - scaledMean;
            ss += d * d;
        }
        return Math.scalb(Math.sqrt(ss / (v.length - 1)), k);
    }

    private static double plainMean(double[] v) {
        double sum = 0.0;
        double comp = 0.0;
        for (double x : v) {
            double t = sum + x;
            double b = t - sum;
            comp += (sum - (t - b)) + (x - b);
            sum = t;
        }
        double mean = (sum + comp) / v.length;
        double r = 0.0;
        for (double x : v) {
            r += x - mean;
        }
        return mean + r / v.length;
    }

    /** Hyndman and Fan definition 7 on sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = h - lo;
        return frac == 0.0 ? sorted[lo] : QuantileKernel.interpolate(sorted[lo], sorted[lo + 1], frac);
    }
}
