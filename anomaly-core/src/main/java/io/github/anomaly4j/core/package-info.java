/**
 * The engine: the {@link io.github.anomaly4j.core.Anomaly} facade, the {@link io.github.anomaly4j.core.Plugins}
 * registry, fitted {@link io.github.anomaly4j.core.Pipeline}s, thresholds and calibration, the
 * {@link io.github.anomaly4j.core.ModelCodec} and the {@link io.github.anomaly4j.core.ModelRegistry}.
 */
package io.github.anomaly4j.core;
