package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;

/**
 * First Wasserstein (earth mover's) distance between the empirical distributions, {@code integral |F_a - F_b|}, in
 * the data's own units, as scipy's {@code wasserstein_distance}. Because that unit depends on the feature, the
 * drift decision is scale-free: drift when the distance divided by the reference's standard deviation exceeds the
 * threshold (default 0.1, a tenth of a standard deviation). A constant reference (standard deviation 0) drifts as
 * soon as the distance is positive. No p-value.
 */
public final class WassersteinDistance implements DriftTest {
    /** The plugin id. */
    public static final String ID = "wasserstein";

    private final double threshold;

    private WassersteinDistance(double threshold) {
        this.threshold = Levels.checkThreshold(threshold);
    }

    /** @return the distance with a drift threshold of 0.1 reference standard deviations */
    public static WassersteinDistance create() {
        return new WassersteinDistance(0.1);
    }

    /**
     * @param threshold drift when distance / reference standard deviation exceeds it, positive
     * @return the test
     */
    public static WassersteinDistance create(double threshold) {
        return new WassersteinDistance(threshold);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DriftResult test(double[] reference, double[] current) {
        double[] a = Samples.sortedCopy("reference", reference);
        double[] b = Samples.sortedCopy("current", current);
        double w = distanceOfSorted(a, b);
        double sd = Samples.standardDeviation(a);
        boolean drift = sd > 0 ? w / sd > threshold : w > 0;
        return new DriftResult(ID, w, Double.NaN, drift, threshold, a.length, b.length);
    }

    /** The distance between two sorted samples: a merge over the pooled values, summing |F_a - F_b| * gap. */
    static double distanceOfSorted(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int i = 0;
        int j = 0;
        double sum = 0;
        double previous = Math.min(a[0], b[0]);
        while (i < n1 || j < n2) {
            double x = (j >= n2 || (i < n1 && a[i] <= b[j])) ? a[i] : b[j];
            // CDFs just below x (counts of values < x) weight the gap [previous, x)
            sum += Math.abs((double) i / n1 - (double) j / n2) * (x - previous);
            previous = x;
            if (j >= n2 || (i < n1 && a[i] <= b[j])) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "wasserstein(threshold=" + threshold + " sd)";
    }

    /** Registers the test as {@value WassersteinDistance#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Double> THRESHOLD = Levels.thresholdParameter(0.1,
                "drift when the distance exceeds this many reference standard deviations");

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "Wasserstein-1 (earth mover's) distance between the empirical distributions",
                    THRESHOLD);
        }

        @Override
        public DriftTest create(Settings settings) {
            return WassersteinDistance.create(settings.get(THRESHOLD));
        }
    }
}
