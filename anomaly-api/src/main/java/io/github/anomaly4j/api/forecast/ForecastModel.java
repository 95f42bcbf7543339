package io.github.anomaly4j.api.forecast;

/** A fitted forecasting model: immutable and safe to share between threads. */
public interface ForecastModel {

    /** @return the plugin id of the forecaster that made it */
    String type();

    /**
     * Forecasts the next {@code horizon} values after the end of the training data.
     *
     * @param horizon number of steps, at least 1
     * @param level the coverage of the prediction interval, in (0, 1), e.g. 0.95
     * @return means and interval bounds
     */
    Forecast forecast(int horizon, double level);

    /** @return the model's state record, for the model codec */
    Record state();
}
