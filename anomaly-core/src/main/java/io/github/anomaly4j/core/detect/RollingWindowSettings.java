package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.spi.Parameter;
import java.util.List;

/** The parameters the two built-in windowed detectors share. */
final class RollingWindowSettings {
    static final int MAX_WINDOW = 1_000_000;

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 100, 2, MAX_WINDOW,
            "readings in the rolling window of the streaming mode (the batch mode uses all training rows)");
    static final Parameter<Integer> WARM_UP = Parameter.integer("warmUp", 20, 2, MAX_WINDOW,
            "readings the streaming mode must see before it scores (scores are 0 until then); at most window");

    static final List<Parameter<?>> PARAMETERS = List.of(WINDOW, WARM_UP);

    private RollingWindowSettings() {
    }

    static void check(int window, int warmUp) {
        if (window < 2 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be in 2.." + MAX_WINDOW + ", got " + window);
        }
        if (warmUp < 2 || warmUp > window) {
            throw new IllegalArgumentException("warmUp must be in 2..window (" + window + "), got " + warmUp);
        }
    }
}
