package io.github.anomaly4j.core.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * Complete state of a streaming control chart (EWMA or CUSUM). Restoring it gives bit-identical scores afterwards.
 *
 * @param type {@code "ewma"} or {@code "cusum"}
 * @param dimension values per reading
 * @param settings the chart's own settings, which a restoring detector must match: {@code [lambda]} for EWMA,
 *     {@code [allowance, decision]} for CUSUM
 * @param baseline effective length of the in-control estimate
 * @param warmUp readings learnt before scoring
 * @param seen readings accepted so far
 * @param lastTimestamp timestamp of the last accepted reading ({@link Long#MIN_VALUE} before the first)
 * @param mean in-control mean per feature
 * @param variance in-control variance per feature
 * @param first EWMA: the chart statistic per feature; CUSUM: the upper cumulative sum per feature
 * @param second EWMA: {@code (1 - lambda)^(2t)} per feature, for the exact control limits; CUSUM: the lower sum
 */
public record ChartState(String type, int dimension, double[] settings, int baseline, int warmUp, long seen,
        long lastTimestamp, double[] mean, double[] variance, double[] first, double[] second) {

    /**
     * Validates shapes and copies arrays.
     *
     * @param type {@code "ewma"} or {@code "cusum"}, not {@code null}
     * @param dimension values per reading, at least 1
     * @param settings the chart's own settings
     * @param baseline effective length of the in-control estimate, 2 to 1,000,000
     * @param warmUp readings learnt before scoring, 2 to 1,000,000
     * @param seen readings accepted so far, non-negative
     * @param lastTimestamp timestamp of the last accepted reading
     * @param mean in-control mean per feature, {@code dimension} values
     * @param variance in-control variance per feature, {@code dimension} non-negative values
     * @param first first chart statistic per feature, {@code dimension} finite values
     * @param second second chart statistic per feature, {@code dimension} finite non-negative values
     * @throws IllegalArgumentException when a setting is out of range, an array has the wrong length or a
     *     statistic is not finite
     */
    public ChartState {
        Objects.requireNonNull(type, "type");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        ChartSettings.check(baseline, warmUp);
        if (seen < 0) {
            throw new IllegalArgumentException("seen must be non-negative, got " + seen);
        }
        settings = Objects.requireNonNull(settings, "settings").clone();
        mean = checked("mean", mean, dimension);
        variance = checked("variance", variance, dimension);
        first = checked("first", first, dimension);
        second = checked("second", second, dimension);
        for (int j = 0; j < dimension; j++) {
            if (!(variance[j] >= 0.0) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("feature " + j + ": mean " + mean[j] + " and variance "
                        + variance[j] + " must be finite and the variance non-negative");
            }
            // the charts keep both statistics finite (EWMA: a convex average and (1 - lambda)^(2t); CUSUM: sums that
            // restart after an infinite step) and the second non-negative; NaN would stick for good
            if (!Double.isFinite(first[j]) || !Double.isFinite(second[j]) || !(second[j] >= 0.0)) {
                throw new IllegalArgumentException("feature " + j + ": chart statistics " + first[j] + " and "
                        + second[j] + " must be finite and the second non-negative");
            }
        }
    }

    private static double[] checked(String name, double[] values, int dimension) {
        if (values.length != dimension) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + dimension);
        }
        return values.clone();
    }

    /** @return a copy of the chart's own settings */
    @Override
    public double[] settings() {
        return settings.clone();
    }

    /** @return a copy of the in-control means */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the in-control variances */
    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** @return a copy of the first chart statistic */
    @Override
    public double[] first() {
        return first.clone();
    }

    /** @return a copy of the second chart statistic */
    @Override
    public double[] second() {
        return second.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartState s && type.equals(s.type) && dimension == s.dimension
                && Arrays.equals(settings, s.settings) && baseline == s.baseline && warmUp == s.warmUp
                && seen == s.seen && lastTimestamp == s.lastTimestamp && Arrays.equals(mean, s.mean)
                && Arrays.equals(variance, s.variance) && Arrays.equals(first, s.first)
                && Arrays.equals(second, s.second);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, dimension, seen, lastTimestamp, Arrays.hashCode(mean), Arrays.hashCode(first));
    }

    @Override
    public String toString() {
        return "ChartState[" + type + ", dimension=" + dimension + ", seen=" + seen + "]";
    }
}
