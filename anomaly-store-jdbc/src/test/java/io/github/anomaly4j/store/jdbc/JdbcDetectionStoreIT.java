package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.tck.store.DetectionStoreCompatibilityKit;

/** The detection store kit on PostgreSQL. */
class JdbcDetectionStoreIT extends DetectionStoreCompatibilityKit {
    @Override
    protected DetectionStore newStore() {
        TestDatabase db = TestDatabase.get();
        return new JdbcDetectionStore(db.pool(), db.freshConfig().build());
    }
}
