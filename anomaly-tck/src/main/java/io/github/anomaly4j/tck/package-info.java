/**
 * Compatibility kits for detector plugins: a plugin's test extends
 * {@link io.github.anomaly4j.tck.DetectorCompatibilityKit}, names its provider and detector, and inherits every
 * check of the detector contracts.
 */
package io.github.anomaly4j.tck;
