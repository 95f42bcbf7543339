/**
 * Compatibility kits for store plugins: a store's test extends
 * {@link io.github.anomaly4j.tck.store.ReadingStoreCompatibilityKit},
 * {@link io.github.anomaly4j.tck.store.DetectionStoreCompatibilityKit} or
 * {@link io.github.anomaly4j.tck.store.ModelStoreCompatibilityKit}, says how to make a fresh empty store, and
 * inherits every check of the store contracts in {@code io.github.anomaly4j.api.store}.
 */
package io.github.anomaly4j.tck.store;
