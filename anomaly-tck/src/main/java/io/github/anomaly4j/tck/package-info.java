/**
 * Compatibility kits for detector plugins: a plugin's test extends
 * {@link io.github.anomaly4j.tck.DetectorCompatibilityKit}, names its provider and detector, and inherits every
 * check of the detector contracts. {@link io.github.anomaly4j.tck.AllocationCounter} counts the bytes a piece of
 * code allocates on the calling thread, for tests that a hot path allocates nothing.
 */
package io.github.anomaly4j.tck;
