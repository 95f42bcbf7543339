package io.github.anomaly4j.arima;

import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.tck.forecast.ForecasterCompatibilityKit;
import java.util.Optional;

/**
 * The {@code arima} forecaster (non-seasonal auto-ARIMA, 120 readings, to keep the kit quick;
 * FixedOrderCompatibilityTest covers a seasonal model) against the forecaster compatibility kit.
 */
class ArimaCompatibilityTest extends ForecasterCompatibilityKit {

    @Override
    protected ForecasterProvider<?> provider() {
        return new ArimaProvider();
    }

    @Override
    protected Forecaster forecaster() {
        return ArimaForecaster.auto(1);
    }

    @Override
    protected int period() {
        return 1;
    }

    @Override
    protected int trainingLength() {
        return 120;
    }

    @Override
    protected int minimumLength() {
        return 3;
    }

    @Override
    protected Forecaster nonConvergingForecaster() {
        return ArimaForecaster.of(ArimaOrder.of(2, 0, 2).withMean(true)).withMaxIterations(1);
    }

    @Override
    protected Optional<String> convergenceProblem(ForecastModel model) {
        ArimaModel m = (ArimaModel) model;
        return m.converged() ? Optional.empty() : Optional.of(m.convergenceMessage());
    }
}
