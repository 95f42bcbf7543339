/**
 * Feature engineering contracts: a {@link io.github.anomaly4j.api.feature.FeatureTransform} and the per-stream
 * {@link io.github.anomaly4j.api.feature.FeatureStream} that runs it, one reading at a time, in training and serving
 * alike.
 */
package io.github.anomaly4j.api.feature;
