package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.store.IngestResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Idempotency keys of whole batches: a row per key, inserted in the batch's own transaction. A second transaction
 * with the same key waits on the first's row lock and then finds the key taken, so a batch applies once even when
 * two deliveries race.
 */
final class BatchKeys {
    private final JdbcStoreConfig config;
    private final String target;
    private final String table;

    BatchKeys(JdbcStoreConfig config, String target) {
        this.config = config;
        this.target = target;
        this.table = config.table("ingest_batches");
    }

    static void requireKey(String batchKey) {
        Objects.requireNonNull(batchKey, "batchKey");
        if (batchKey.isEmpty() || batchKey.length() > 200) {
            throw new IllegalArgumentException("batchKey must be 1 to 200 characters, got " + batchKey.length());
        }
    }

    /** @return whether the key was new (and is now taken by this transaction) */
    boolean claim(Connection c, String batchKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (target, batch_key, inserted, duplicates) VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING")) {
            ps.setString(1, target);
            ps.setString(2, batchKey);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        // taken: but an expired key counts as new (the purge may simply not have run yet)
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET received_at = now() WHERE target = ?"
                + " AND batch_key = ? AND received_at < now() - make_interval(secs => ?)")) {
            ps.setString(1, target);
            ps.setString(2, batchKey);
            ps.setDouble(3, config.batchKeyTtl().toMillis() / 1000.0);
            return ps.executeUpdate() == 1;
        }
    }

    void record(Connection c, String batchKey, IngestResult result) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET inserted = ?, duplicates = ? "
                + "WHERE target = ? AND batch_key = ?")) {
            ps.setLong(1, result.inserted());
            ps.setLong(2, result.duplicates());
            ps.setString(3, target);
            ps.setString(4, batchKey);
            ps.executeUpdate();
        }
    }

    long purge(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE target = ? AND received_at < "
                + "now() - make_interval(secs => ?)")) {
            ps.setString(1, target);
            ps.setDouble(2, config.batchKeyTtl().toMillis() / 1000.0);
            return ps.executeUpdate();
        }
    }
}
