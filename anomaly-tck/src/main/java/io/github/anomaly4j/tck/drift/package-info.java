/**
 * The compatibility kit for drift test plugins: a drift test's test class extends
 * {@link io.github.anomaly4j.tck.drift.DriftTestCompatibilityKit}, names its provider and says which symmetry the
 * test has, and inherits every check of the {@link io.github.anomaly4j.api.drift.DriftTest} contract.
 */
package io.github.anomaly4j.tck.drift;
