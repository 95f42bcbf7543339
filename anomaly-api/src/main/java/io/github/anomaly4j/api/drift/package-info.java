/**
 * Drift detection contracts: a {@link io.github.anomaly4j.api.drift.DriftTest} compares two samples and returns a
 * {@link io.github.anomaly4j.api.drift.DriftResult}.
 */
package io.github.anomaly4j.api.drift;
