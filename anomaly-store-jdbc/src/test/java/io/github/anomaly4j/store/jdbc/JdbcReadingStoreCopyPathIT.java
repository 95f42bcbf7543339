package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.tck.store.ReadingStoreCompatibilityKit;

/** The reading store kit on PostgreSQL with every batch, even of one reading, through binary COPY. */
class JdbcReadingStoreCopyPathIT extends ReadingStoreCompatibilityKit {
    @Override
    protected ReadingStore newStore() {
        TestDatabase db = TestDatabase.get();
        return new JdbcReadingStore(db.pool(), db.freshConfig().copyThreshold(1).build());
    }
}
