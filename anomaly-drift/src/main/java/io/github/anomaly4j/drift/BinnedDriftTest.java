package io.github.anomaly4j.drift;

import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.Parameter;

/**
 * What the tests on reference-quantile bins ({@link ReferenceBins}) share: the bins and threshold settings and
 * their checks, binning both samples, and a statistic without a p-value compared to the threshold. A subclass
 * supplies only the statistic of the two count vectors.
 */
abstract class BinnedDriftTest implements DriftTest {
    /** The bins setting the binned tests' providers share. */
    static final Parameter<Integer> BINS = Parameter.integer("bins", 10, 2, 1000,
            "number of bins cut at reference quantiles");

    private final int bins;
    private final double threshold;

    BinnedDriftTest(int bins, double threshold) {
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in 2..1000, got " + bins);
        }
        this.bins = bins;
        this.threshold = Levels.checkThreshold(threshold);
    }

    /**
     * The statistic of two binned samples; drift when it exceeds the threshold.
     *
     * @param referenceCounts counts per bin in the reference
     * @param referenceSize reference size
     * @param currentCounts counts per bin in the current sample
     * @param currentSize current size
     * @return the statistic
     */
    abstract double statistic(long[] referenceCounts, int referenceSize, long[] currentCounts, int currentSize);

    @Override
    public final DriftResult test(double[] reference, double[] current) {
        double[] ref = Samples.sortedCopy("reference", reference);
        Samples.check("current", current);
        ReferenceBins b = ReferenceBins.quantiles(ref, bins);
        double s = statistic(b.count(ref), ref.length, b.count(current), current.length);
        return new DriftResult(id(), s, Double.NaN, s > threshold, threshold, ref.length, current.length);
    }

    @Override
    public final String toString() {
        return id() + "(bins=" + bins + ", threshold=" + threshold + ")";
    }
}
