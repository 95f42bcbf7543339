/**
 * Anomaly detection contracts: {@link io.github.anomaly4j.api.detect.Detector} fits an immutable
 * {@link io.github.anomaly4j.api.detect.AnomalyModel}; {@link io.github.anomaly4j.api.detect.StreamingDetector}
 * learns one reading at a time; {@link io.github.anomaly4j.api.detect.Threshold} and
 * {@link io.github.anomaly4j.api.detect.Calibration} turn scores into
 * {@link io.github.anomaly4j.api.detect.Detection}s.
 */
package io.github.anomaly4j.api.detect;
