/**
 * Store contracts: {@link io.github.anomaly4j.api.store.ReadingStore},
 * {@link io.github.anomaly4j.api.store.DetectionStore} (idempotent writes, keyset pagination) and the versioned
 * {@link io.github.anomaly4j.api.store.ModelStore}.
 */
package io.github.anomaly4j.api.store;
