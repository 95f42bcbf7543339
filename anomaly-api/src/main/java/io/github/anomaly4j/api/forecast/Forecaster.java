package io.github.anomaly4j.api.forecast;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.spi.Spec;

/** An unfitted forecasting method and its settings; {@link #fit} learns an immutable {@link ForecastModel}. */
public interface Forecaster {

    /** @return the plugin id, e.g. {@code "arima"} */
    String id();

    /** @return the full settings, defaults included */
    Spec spec();

    /**
     * Fits a model to one column of a series.
     *
     * @param series regularly spaced readings; the column must be free of NaN unless the plugin documents
     *     otherwise
     * @param column the column to forecast
     * @return the fitted model
     * @throws IllegalArgumentException when the series is too short (the message names the minimum length),
     *     or holds NaN or an infinity
     */
    ForecastModel fit(TimeSeries series, String column);

    /**
     * Fits a model to a single-column series.
     *
     * @param series a series with exactly one column
     * @return the fitted model
     */
    default ForecastModel fit(TimeSeries series) {
        if (series.width() != 1) {
            throw new IllegalArgumentException("the series has " + series.width() + " columns "
                    + series.columnNames() + "; name the one to forecast with fit(series, column)");
        }
        return fit(series, series.columnNames().get(0));
    }
}
