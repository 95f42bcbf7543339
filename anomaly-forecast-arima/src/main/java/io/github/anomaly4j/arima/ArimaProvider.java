package io.github.anomaly4j.arima;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registers the {@code arima} forecaster ({@link ArimaForecaster}) through the SPI. */
@AutoService(ForecasterProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic ForecasterProvider<S> exactly
public final class ArimaProvider implements ForecasterProvider<ArimaState> {

    /** Used by {@link java.util.ServiceLoader}. */
    public ArimaProvider() {
    }

    @Override
    public String id() {
        return ArimaModel.TYPE;
    }

    @Override
    public String description() {
        return "ARIMA/SARIMA by exact maximum likelihood, with automatic order selection (auto-ARIMA) and "
                + "prediction intervals";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return ArimaSettings.FORECASTER;
    }

    @Override
    public Forecaster create(Settings settings) {
        return ArimaForecaster.fromSettings(settings);
    }

    @Override
    public Class<ArimaState> stateType() {
        return ArimaState.class;
    }

    @Override
    public ArimaModel restore(ArimaState state) {
        return ArimaModel.fromState(state);
    }
}
