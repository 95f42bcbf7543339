/**
 * The compatibility kit for forecaster plugins: a plugin's test extends
 * {@link io.github.anomaly4j.tck.forecast.ForecasterCompatibilityKit}, names its provider and forecaster, and
 * inherits every check of the forecasting contracts.
 */
package io.github.anomaly4j.tck.forecast;
