/**
 * ARIMA/SARIMA forecasting by exact maximum likelihood, automatic order selection and forecast-residual anomaly
 * detection.
 */
package io.github.anomaly4j.arima;
