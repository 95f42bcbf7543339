/**
 * The service provider interface: one provider interface per plugin kind
 * ({@link io.github.anomaly4j.spi.DetectorProvider}, {@link io.github.anomaly4j.spi.ForecasterProvider},
 * {@link io.github.anomaly4j.spi.FeatureTransformProvider}, {@link io.github.anomaly4j.spi.DriftTestProvider},
 * {@link io.github.anomaly4j.spi.StoreProvider}), plugins by name ({@link io.github.anomaly4j.spi.Spec}) and their
 * validated {@link io.github.anomaly4j.spi.Parameter}s. Plugins depend on this module only.
 */
package io.github.anomaly4j.spi;
