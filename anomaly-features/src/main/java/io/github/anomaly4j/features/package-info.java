/**
 * Streaming feature transforms (rolling statistics, differences, lags, EWMA, autocorrelation, calendar features) and
 * fitted scalers, each a plugin.
 */
package io.github.anomaly4j.features;
