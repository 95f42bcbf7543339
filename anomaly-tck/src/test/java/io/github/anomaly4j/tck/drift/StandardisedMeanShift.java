package io.github.anomaly4j.tck.drift;

import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/**
 * A minimal drift test for the kit's own tests: the difference of means in reference standard deviations, drift
 * above a threshold. Optional flaws let the tests show that the kit catches them.
 */
class StandardisedMeanShift implements DriftTest {
    enum Flaw { NONE, ACCEPTS_NAN, SORTS_INPUT, WRONG_SIZE }

    static final Parameter<Double> THRESHOLD = Parameter.real("threshold", 0.5, 1e-9, 100, "drift above it");
    private final double threshold;
    private final Flaw flaw;

    StandardisedMeanShift(double threshold, Flaw flaw) {
        this.threshold = threshold;
        this.flaw = flaw;
    }

    @Override
    public String id() {
        return "meanshift";
    }

    @Override
    public DriftResult test(double[] reference, double[] current) {
        if (flaw != Flaw.ACCEPTS_NAN) {
            check("reference", reference);
            check("current", current);
        } else if (reference == null || current == null || reference.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("reference and current samples must not be empty");
        }
        if (flaw == Flaw.SORTS_INPUT) {
            java.util.Arrays.sort(reference);
        }
        double ma = mean(reference);
        double mb = mean(current);
        double sd = 0;
        for (double v : reference) {
            sd += (v - ma) * (v - ma);
        }
        sd = Math.sqrt(sd / reference.length);
        double diff = Math.abs(mb - ma);
        double statistic = sd > 0 ? diff / sd : (diff > 0 ? 1e9 : 0);
        if (Double.isNaN(statistic)) {
            statistic = 0;
        }
        int size = flaw == Flaw.WRONG_SIZE ? reference.length + 1 : reference.length;
        return new DriftResult(id(), statistic, Double.NaN, statistic > threshold, threshold, size, current.length);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static void check(String name, double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " sample must not be null or empty");
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " sample holds " + v);
            }
        }
    }

    /** Provides the test, with a flaw. */
    static final class Provider implements DriftTestProvider {
        private final Flaw flaw;

        Provider(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        public String id() {
            return "meanshift";
        }

        @Override
        public String description() {
            return "difference of means in reference standard deviations";
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of(THRESHOLD);
        }

        @Override
        public DriftTest create(Settings settings) {
            return new StandardisedMeanShift(settings.get(THRESHOLD), flaw);
        }
    }
}
