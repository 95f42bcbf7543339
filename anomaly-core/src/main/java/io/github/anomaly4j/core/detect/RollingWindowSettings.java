package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.spi.Parameter;
import java.util.List;

/** The parameters the two built-in windowed detectors share. */
final class RollingWindowSettings {
    static final int MAX_WINDOW = 1_000_000;

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 100, 2, MAX_WINDOW,
            "readings in the rolling window of the streaming mode (the batch mode uses all training rows)");
    static final Parameter<Integer> WARM_UP = Parameter.integer("warmUp", 0, 0, MAX_WINDOW,
            "readings the streaming mode must see before it scores (scores are 0 until then), 2..window; "
                    + "0 means min(20, window)");

    static final List<Parameter<?>> PARAMETERS = List.of(WINDOW, WARM_UP);

    private RollingWindowSettings() {
    }

    /** Resolves the automatic warm-up (0) to min(20, window). */
    static int resolveWarmUp(int warmUp, int window) {
        return warmUp == 0 ? Math.min(20, window) : warmUp;
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
