/**
 * The embedded stores: {@link io.github.anomaly4j.core.store.InMemoryReadingStore} and
 * {@link io.github.anomaly4j.core.store.InMemoryDetectionStore} for readings and detections, and
 * {@link io.github.anomaly4j.core.store.FileModelStore}, a versioned, checksummed model registry on a directory.
 * Registered as the store plugins {@code "memory"} and {@code "file"}.
 */
package io.github.anomaly4j.core.store;
