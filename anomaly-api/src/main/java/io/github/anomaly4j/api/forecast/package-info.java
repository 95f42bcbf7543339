/**
 * Forecasting contracts: a {@link io.github.anomaly4j.api.forecast.Forecaster} fits a
 * {@link io.github.anomaly4j.api.forecast.ForecastModel}, which produces
 * {@link io.github.anomaly4j.api.forecast.Forecast}s with prediction intervals.
 */
package io.github.anomaly4j.api.forecast;
