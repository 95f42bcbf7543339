/**
 * ARIMA/SARIMA by exact maximum likelihood, automatic order selection, forecasts with intervals and forecast-residual
 * anomaly detection.
 */
module io.github.anomaly4j.arima {
    requires transitive io.github.anomaly4j.api;
    requires static com.google.auto.service;
    requires commons.math3;

    exports io.github.anomaly4j.arima;

    provides io.github.anomaly4j.spi.ForecasterProvider with io.github.anomaly4j.arima.ArimaProvider;
    provides io.github.anomaly4j.spi.DetectorProvider with io.github.anomaly4j.arima.ArimaResidualProvider;
}
