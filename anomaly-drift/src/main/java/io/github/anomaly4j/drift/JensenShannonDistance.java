package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;

/**
 * Jensen-Shannon distance (the square root of the divergence, natural log, so in [0, sqrt(ln 2)]) between the bin
 * shares of the two samples on bins cut at the reference's quantiles ({@link ReferenceBins}), as scipy's
 * {@code jensenshannon}. Drift when the distance exceeds the threshold (default 0.1). No p-value.
 */
public final class JensenShannonDistance extends BinnedDriftTest {
    /** The plugin id. */
    public static final String ID = "js";

    private JensenShannonDistance(int bins, double threshold) {
        super(bins, threshold);
    }

    /** @return the distance on deciles with threshold 0.1 */
    public static JensenShannonDistance create() {
        return new JensenShannonDistance(10, 0.1);
    }

    /**
     * @param bins number of reference-quantile bins, 2..1000
     * @param threshold drift when the distance exceeds it, positive
     * @return the test
     */
    public static JensenShannonDistance create(int bins, double threshold) {
        return new JensenShannonDistance(bins, threshold);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    double statistic(long[] referenceCounts, int referenceSize, long[] currentCounts, int currentSize) {
        return distance(referenceCounts, currentCounts);
    }

    /** The distance between two count vectors, each normalised to shares. */
    static double distance(long[] p, long[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2.0;
            left += relativeEntropy(pi, m);
            right += relativeEntropy(qi, m);
        }
        double js = (left + right) / 2.0;
        return Math.sqrt(Math.max(js, 0.0));
    }

    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0.0 : x * Math.log(x / y);
    }

    /** Registers the test as {@value JensenShannonDistance#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Integer> BINS = BinnedDriftTest.BINS;
        static final Parameter<Double> THRESHOLD = Levels.thresholdParameter(0.1,
                "drift when the distance exceeds it");

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "Jensen-Shannon distance between reference-quantile bin shares (natural log)",
                    BINS, THRESHOLD);
        }

        @Override
        public DriftTest create(Settings settings) {
            return JensenShannonDistance.create(settings.get(BINS), settings.get(THRESHOLD));
        }
    }
}
