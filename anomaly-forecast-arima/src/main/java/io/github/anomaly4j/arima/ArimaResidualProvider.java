package io.github.anomaly4j.arima;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.ArrayList;
import java.util.List;

/** Registers the {@code arima-residual} detector ({@link ArimaResidualDetector}) through the SPI. */
@AutoService(DetectorProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic DetectorProvider<S> exactly
public final class ArimaResidualProvider implements DetectorProvider<ArimaResidualState> {

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 256, 8, 100_000,
            "readings kept for (re)fitting the model");
    static final Parameter<Integer> REFIT_EVERY = Parameter.integer("refitEvery", 256, 1, 10_000_000,
            "readings between refits in streaming mode");
    static final Parameter<Integer> WARM_UP = Parameter.integer("warmUp", 64, 8, 100_000,
            "readings before the first fit in streaming mode (at most window)");

    private static final List<Parameter<?>> PARAMETERS;

    static {
        List<Parameter<?>> p = new ArrayList<>(ArimaSettings.FORECASTER);
        p.remove(ArimaSettings.MAX_ITERATIONS);
        p.add(WINDOW);
        p.add(REFIT_EVERY);
        p.add(WARM_UP);
        PARAMETERS = List.copyOf(p);
    }

    /** Used by {@link java.util.ServiceLoader}. */
    public ArimaResidualProvider() {
    }

    @Override
    public String id() {
        return ArimaResidualDetector.ID;
    }

    @Override
    public String description() {
        return "ARIMA forecast residuals: the tail probability of each reading under its one-step-ahead "
                + "prediction interval";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return PARAMETERS;
    }

    @Override
    public Detector create(Settings settings) {
        ArimaOrder order = ArimaSettings.order(settings);
        return new ArimaResidualDetector(order, order == null ? settings.get(ArimaSettings.PERIOD)
                : Math.max(1, order.effectivePeriod()), settings.get(WINDOW), settings.get(REFIT_EVERY),
                settings.get(WARM_UP));
    }

    @Override
    public Class<ArimaResidualState> stateType() {
        return ArimaResidualState.class;
    }

    @Override
    public AnomalyModel restore(ArimaResidualState state) {
        return new ArimaResidualDetector.Model(state);
    }
}
