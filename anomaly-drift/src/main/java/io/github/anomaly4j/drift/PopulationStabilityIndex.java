package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;

/**
 * Population stability index on bins cut at the reference's quantiles:
 * {@code PSI = sum_i (c_i - r_i) ln(c_i / r_i)}, where {@code r_i} and {@code c_i} are the reference and current
 * shares of bin {@code i}, each floored at {@code 1e-4} so an empty bin stays finite. Drift when PSI exceeds the
 * threshold (default 0.2, the customary "significant shift"; 0.1 is often read as "moderate"). PSI has no p-value.
 *
 * <p>Bins follow {@link ReferenceBins}: deciles by default, duplicate edges collapsed (so tied data give fewer bins).
 */
public final class PopulationStabilityIndex extends BinnedDriftTest {
    /** The plugin id. */
    public static final String ID = "psi";
    /** The floor applied to every bin share. */
    public static final double SHARE_FLOOR = 1e-4;

    private PopulationStabilityIndex(int bins, double threshold) {
        super(bins, threshold);
    }

    /** @return PSI on deciles with threshold 0.2 */
    public static PopulationStabilityIndex create() {
        return new PopulationStabilityIndex(10, 0.2);
    }

    /**
     * @param bins number of reference-quantile bins, 2..1000
     * @param threshold drift when PSI exceeds it, positive
     * @return the test
     */
    public static PopulationStabilityIndex create(int bins, double threshold) {
        return new PopulationStabilityIndex(bins, threshold);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    double statistic(long[] referenceCounts, int referenceSize, long[] currentCounts, int currentSize) {
        return index(referenceCounts, referenceSize, currentCounts, currentSize);
    }

    /**
     * PSI of two binned samples.
     *
     * @param referenceCounts counts per bin in the reference
     * @param referenceSize reference size
     * @param currentCounts counts per bin in the current sample
     * @param currentSize current size
     * @return the index, non-negative
     */
    static double index(long[] referenceCounts, int referenceSize, long[] currentCounts, int currentSize) {
        double psi = 0;
        for (int i = 0; i < referenceCounts.length; i++) {
            double r = Math.max((double) referenceCounts[i] / referenceSize, SHARE_FLOOR);
            double c = Math.max((double) currentCounts[i] / currentSize, SHARE_FLOOR);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /** Registers the test as {@value PopulationStabilityIndex#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Integer> BINS = BinnedDriftTest.BINS;
        static final Parameter<Double> THRESHOLD = Levels.thresholdParameter(0.2, "drift when PSI exceeds it");

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "population stability index on reference-quantile bins",
                    BINS, THRESHOLD);
        }

        @Override
        public DriftTest create(Settings settings) {
            return PopulationStabilityIndex.create(settings.get(BINS), settings.get(THRESHOLD));
        }
    }
}
