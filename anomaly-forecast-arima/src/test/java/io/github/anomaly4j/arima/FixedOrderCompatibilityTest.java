package io.github.anomaly4j.arima;

import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.tck.forecast.ForecasterCompatibilityKit;
import java.util.Optional;

/** A fixed-order seasonal ARIMA against the forecaster compatibility kit. */
class FixedOrderCompatibilityTest extends ForecasterCompatibilityKit {

    private static final ArimaOrder ORDER = ArimaOrder.of(1, 0, 1, 1, 1, 0, 12);

    @Override
    protected ForecasterProvider<?> provider() {
        return new ArimaProvider();
    }

    @Override
    protected Forecaster forecaster() {
        return ArimaForecaster.of(ORDER);
    }

    @Override
    protected int minimumLength() {
        return Arima.minimumLength(ORDER);
    }

    @Override
    protected Forecaster nonConvergingForecaster() {
        return ArimaForecaster.of(ORDER).withMaxIterations(1);
    }

    @Override
    protected Optional<String> convergenceProblem(ForecastModel model) {
        ArimaModel m = (ArimaModel) model;
        return m.converged() ? Optional.empty() : Optional.of(m.convergenceMessage());
    }
}
