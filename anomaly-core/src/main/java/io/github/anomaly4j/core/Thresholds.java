package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.Threshold;
import java.util.Arrays;

/**
 * Built-in threshold rules. A reading is anomalous when its raw score is strictly greater than the chosen cut-off.
 *
 * <pre>{@code
 * Threshold t = Thresholds.quantile(0.999); // flag about 1 in 1,000 readings like the validation data
 * }</pre>
 */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * A cut-off fixed in advance, e.g. 3 standard deviations for a z-score.
     *
     * @param value the cut-off, finite
     * @return the rule
     */
    public static Threshold fixed(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("fixed threshold must be finite, got " + value);
        }
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                return value;
            }

            @Override
            public String describe() {
                return "fixed(" + value + ")";
            }
        };
    }

    /**
     * The {@code q}-quantile of the validation scores (linear interpolation between order statistics, the
     * "type 7" definition of Hyndman and Fan used by R and NumPy by default). On data like the validation data,
     * about {@code 1 - q} of readings score above it.
     *
     * @param q the quantile, in (0, 1]
     * @return the rule
     */
    public static Threshold quantile(double q) {
        if (!(q > 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
        }
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                double[] sorted = checkedSortedCopy(scores);
                return quantileOfSorted(sorted, q);
            }

            @Override
            public String describe() {
                return "quantile(" + q + ")";
            }
        };
    }

    static double[] checkedSortedCopy(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("threshold selection needs at least one score");
        }
        double[] sorted = scores.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("score " + i + " is " + sorted[i] + "; scores must be finite");
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** Type-7 quantile of sorted data. */
    static double quantileOfSorted(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return frac == 0.0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
