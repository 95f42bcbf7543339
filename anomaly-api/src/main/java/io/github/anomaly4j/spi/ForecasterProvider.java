package io.github.anomaly4j.spi;

import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.api.forecast.Forecaster;

/**
 * Provides a forecaster plugin.
 *
 * @param <S> the record type of its fitted model's state
 */
public interface ForecasterProvider<S extends Record> extends PluginProvider {

    /**
     * @param settings validated settings
     * @return a forecaster with those settings
     */
    Forecaster create(Settings settings);

    /** @return the record type of {@link ForecastModel#state()} */
    Class<S> stateType();

    /** @return the version of the state record's layout, at least 1 */
    default int stateVersion() {
        return 1;
    }

    /**
     * @param state the state record
     * @return the model it describes
     */
    ForecastModel restore(S state);
}
