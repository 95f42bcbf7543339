package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.tck.store.ReadingStoreCompatibilityKit;

/** The reading store kit on PostgreSQL, small batches through the unnest path and large ones through COPY. */
class JdbcReadingStoreIT extends ReadingStoreCompatibilityKit {
    @Override
    protected ReadingStore newStore() {
        TestDatabase db = TestDatabase.get();
        return new JdbcReadingStore(db.pool(), db.freshConfig().build());
    }
}
