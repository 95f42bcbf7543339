package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.tck.store.ModelStoreCompatibilityKit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.IdentityHashMap;
import java.util.Map;

/** The model store kit on PostgreSQL, with the tamper check: one bit of the stored bytea flipped by SQL. */
class JdbcModelStoreIT extends ModelStoreCompatibilityKit {
    private final Map<ModelStore, JdbcStoreConfig> configs = new IdentityHashMap<>();

    @Override
    protected ModelStore newStore() {
        TestDatabase db = TestDatabase.get();
        JdbcStoreConfig config = db.freshConfig().build();
        ModelStore store = new JdbcModelStore(db.pool(), config);
        configs.put(store, config);
        return store;
    }

    @Override
    protected void corrupt(ModelStore store, String name, int version) throws Exception {
        JdbcStoreConfig config = configs.get(store);
        try (Connection c = TestDatabase.get().pool().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE " + config.table("model_versions") + " SET content = set_byte(content, length(content) / 2, "
                        + "get_byte(content, length(content) / 2) # 1) WHERE name = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no row for " + name + " version " + version);
            }
        }
    }
}
