package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.spi.Parameter;

/** The parameters the control-chart detectors (EWMA, CUSUM) share. */
final class ChartSettings {
    static final int MAX_BASELINE = 1_000_000;

    static final Parameter<Integer> BASELINE = Parameter.integer("baseline", 500, 2, MAX_BASELINE,
            "effective number of recent readings in the streaming in-control mean and variance (exponential "
                    + "weights with rate 2 / (baseline + 1), plain averages until that many are seen)");
    static final Parameter<Integer> WARM_UP = Parameter.integer("warmUp", 20, 2, MAX_BASELINE,
            "readings the streaming mode learns from before it scores (scores are 0 until then)");

    private ChartSettings() {
    }

    static void check(int baseline, int warmUp) {
        BASELINE.convert(baseline);
        WARM_UP.convert(warmUp);
    }
}
