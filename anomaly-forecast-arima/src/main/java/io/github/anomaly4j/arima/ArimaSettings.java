package io.github.anomaly4j.arima;

import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** The parameters the {@code arima} forecaster and the {@code arima-residual} detector share. */
final class ArimaSettings {

    static final Parameter<Boolean> AUTO = Parameter.bool("auto", true,
            "choose the orders with auto-ARIMA (Hyndman-Khandakar stepwise AICc); when false use p, d, q, ...");
    static final Parameter<Integer> PERIOD = Parameter.integer("period", 1, 1, 1000,
            "seasonal period in readings (1 = no seasonal part)");
    static final Parameter<Integer> P = Parameter.integer("p", 1, 0, 20, "AR order (when auto is false)");
    static final Parameter<Integer> D = Parameter.integer("d", 0, 0, 2, "differences (when auto is false)");
    static final Parameter<Integer> Q = Parameter.integer("q", 0, 0, 20, "MA order (when auto is false)");
    static final Parameter<Integer> SEASONAL_P = Parameter.integer("seasonalP", 0, 0, 5,
            "seasonal AR order (when auto is false)");
    static final Parameter<Integer> SEASONAL_D = Parameter.integer("seasonalD", 0, 0, 1,
            "seasonal differences (when auto is false)");
    static final Parameter<Integer> SEASONAL_Q = Parameter.integer("seasonalQ", 0, 0, 5,
            "seasonal MA order (when auto is false)");
    static final Parameter<Boolean> MEAN = Parameter.bool("mean", false,
            "estimate a mean (d + D = 0) or drift (d + D = 1) (when auto is false)");
    static final Parameter<Integer> MAX_ITERATIONS = Parameter.integer("maxIterations",
            Arima.DEFAULT_MAX_ITERATIONS, 1, 100_000, "BFGS iterations per estimation stage");

    static final List<Parameter<?>> FORECASTER = List.of(AUTO, PERIOD, P, D, Q, SEASONAL_P, SEASONAL_D, SEASONAL_Q,
            MEAN, MAX_ITERATIONS);

    private ArimaSettings() {
    }

    /** @return the order given explicitly, or null when auto is on */
    static ArimaOrder order(Settings s) {
        if (s.get(AUTO)) {
            return null;
        }
        int period = s.get(PERIOD);
        boolean seasonal = s.get(SEASONAL_P) + s.get(SEASONAL_D) + s.get(SEASONAL_Q) > 0;
        return new ArimaOrder(s.get(P), s.get(D), s.get(Q), s.get(SEASONAL_P), s.get(SEASONAL_D), s.get(SEASONAL_Q),
                seasonal ? period : 0, s.get(MEAN));
    }
}
