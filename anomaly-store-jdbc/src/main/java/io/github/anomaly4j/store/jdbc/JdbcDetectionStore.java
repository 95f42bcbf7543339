package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.detect.Attribution;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.DetectionQuery;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.IngestResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * Detections in PostgreSQL (or a TimescaleDB hypertable), keyed by {@code (series_id, detector, ts_ms)}.
 * Writes are one batched {@code INSERT ... ON CONFLICT DO NOTHING} per call, in key order (no deadlocks between
 * concurrent writers) with ties in call order (the first of repeated keys is stored), retried on transient
 * failures. Queries filter by series, detector, time range, minimum calibrated score and flag, ordered by
 * {@code (ts_ms, series_id, detector)} with keyset pagination over an index in that order. Thread-safe.
 */
public final class JdbcDetectionStore implements DetectionStore {
    private static final Comparator<Indexed> KEY_ORDER = Comparator
            .comparing((Indexed i) -> i.record().seriesId())
            .thenComparing(i -> i.record().detector())
            .thenComparing((Indexed i) -> i.record().timestamp(), Comparator.reverseOrder())
            .thenComparingInt(Indexed::index);
    private final Transactions tx;
    private final BatchKeys batchKeys;
    private final String table;
    private final StorageMode mode;

    private record Indexed(DetectionRecord record, int index) {
    }

    /**
     * Opens the store, first migrating or validating the schema as {@link JdbcStoreConfig#migrationMode()} says.
     *
     * @param dataSource the database; a pooled one for anything but tests
     * @param config schema, prefix, policies and retries
     */
    public JdbcDetectionStore(DataSource dataSource, JdbcStoreConfig config) {
        this(dataSource, config, JdbcSchema.of(dataSource, config).open());
    }

    JdbcDetectionStore(DataSource dataSource, JdbcStoreConfig config, StorageMode mode) {
        this.tx = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), config);
        this.batchKeys = new BatchKeys(config, "detections");
        this.table = config.table("detections");
        this.mode = mode;
    }

    /** @return plain PostgreSQL or TimescaleDB, as found when the store opened */
    public StorageMode storageMode() {
        return mode;
    }

    /**
     * @return how many times an operation of this store was attempted again after a transient failure (lost
     *     connection, server restart, deadlock, serialization failure); for metrics and tests
     */
    public long retriedAttempts() {
        return tx.retries();
    }

    @Override
    public IngestResult append(Collection<DetectionRecord> records) {
        List<Indexed> sorted = sorted(records);
        if (sorted.isEmpty()) {
            return new IngestResult(0, 0);
        }
        long inserted = tx.inTransaction("append of " + sorted.size() + " detections to " + table,
                c -> insert(c, sorted));
        return new IngestResult(inserted, sorted.size() - inserted);
    }

    /**
     * Appends a batch at most once per key: a batch key seen before (within the TTL) stores nothing and reports
     * every detection as a duplicate.
     *
     * @param batchKey the caller's id of this batch, 1 to 200 characters
     * @param records the detections
     * @return new rows and duplicates
     */
    public IngestResult append(String batchKey, Collection<DetectionRecord> records) {
        BatchKeys.requireKey(batchKey);
        List<Indexed> sorted = sorted(records);
        return tx.inTransaction("append of batch '" + batchKey + "' to " + table, c -> {
            if (!batchKeys.claim(c, batchKey)) {
                return new IngestResult(0, sorted.size());
            }
            long inserted = sorted.isEmpty() ? 0 : insert(c, sorted);
            IngestResult r = new IngestResult(inserted, sorted.size() - inserted);
            batchKeys.record(c, batchKey, r);
            return r;
        });
    }

    /**
     * Forgets batch keys older than the TTL.
     *
     * @return how many were forgotten
     */
    public long purgeExpiredBatchKeys() {
        return tx.inTransaction("purge of batch keys of " + table, batchKeys::purge);
    }

    private static List<Indexed> sorted(Collection<DetectionRecord> records) {
        Objects.requireNonNull(records, "records");
        List<Indexed> list = new ArrayList<>(records.size());
        int i = 0;
        for (DetectionRecord r : records) {
            list.add(new Indexed(Objects.requireNonNull(r, "a detection in the batch is null"), i++));
        }
        list.sort(KEY_ORDER);
        return list;
    }

    private long insert(Connection c, List<Indexed> sorted) throws SQLException {
        long inserted = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (series_id, detector, ts_ms, "
                + "score, calibrated_score, anomalous, threshold, warming_up, expected, attribution_features, "
                + "attribution_contributions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Indexed i : sorted) {
                DetectionRecord r = i.record();
                Detection d = r.detection();
                ps.setString(1, r.seriesId());
                ps.setString(2, r.detector());
                ps.setLong(3, d.timestamp());
                ps.setDouble(4, d.score());
                ps.setDouble(5, d.calibratedScore());
                ps.setBoolean(6, d.anomalous());
                ps.setDouble(7, d.threshold());
                ps.setBoolean(8, d.warmingUp());
                OptionalDouble expected = d.expected();
                if (expected.isPresent()) {
                    ps.setDouble(9, expected.getAsDouble());
                } else {
                    ps.setNull(9, Types.DOUBLE);
                }
                if (d.attribution().isPresent()) {
                    Attribution a = d.attribution().get();
                    ps.setArray(10, c.createArrayOf("text", a.features().toArray(new String[0])));
                    ps.setObject(11, a.contributions());
                } else {
                    ps.setNull(10, Types.ARRAY);
                    ps.setNull(11, Types.ARRAY);
                }
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                inserted += Math.max(0, count);
            }
        }
        return inserted;
    }

    @Override
    public List<DetectionRecord> query(DetectionQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT series_id, detector, ts_ms, score, calibrated_score, anomalous, "
                + "threshold, warming_up, expected, attribution_features, attribution_contributions FROM ")
                .append(table).append(" WHERE ts_ms >= ? AND ts_ms < ?");
        List<Object> params = new ArrayList<>(List.of(query.fromInclusive(), query.toExclusive()));
        if (query.seriesId() != null) {
            sql.append(" AND series_id = ?");
            params.add(query.seriesId());
        }
        if (query.detector() != null) {
            sql.append(" AND detector = ?");
            params.add(query.detector());
        }
        if (query.minScore() > 0) {
            sql.append(" AND calibrated_score >= ?");
            params.add(query.minScore());
        }
        if (query.anomalousOnly()) {
            sql.append(" AND anomalous");
        }
        if (query.afterSeriesId() != null) {
            sql.append(" AND (ts_ms, series_id, detector) > (?, ?, ?)");
            params.add(query.afterTimestamp());
            params.add(query.afterSeriesId());
            params.add(query.afterDetector());
        }
        sql.append(" ORDER BY ts_ms, series_id, detector LIMIT ?");
        params.add(query.limit());
        String text = sql.toString();
        return tx.autocommit("query of " + table, c -> {
            List<DetectionRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(text)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static DetectionRecord read(ResultSet rs) throws SQLException {
        long ts = rs.getLong(3);
        Detection d = rs.getBoolean(8) ? Detection.warmingUp(ts, rs.getDouble(7))
                : Detection.of(ts, rs.getDouble(4), rs.getDouble(5), rs.getBoolean(6), rs.getDouble(7));
        if (rs.getBoolean(8) && (rs.getDouble(4) != 0.0 || rs.getDouble(5) != 0.0 || rs.getBoolean(6))) {
            throw new IllegalStateException("a warming-up detection of '" + rs.getString(1) + "' at " + ts
                    + " has scores or a flag; the row was changed outside the store");
        }
        double expected = rs.getDouble(9);
        if (!rs.wasNull()) {
            d = d.withExpected(expected);
        }
        Array features = rs.getArray(10);
        if (features != null) {
            String[] names = (String[]) features.getArray();
            Double[] boxed = (Double[]) rs.getArray(11).getArray();
            double[] contributions = new double[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                contributions[i] = boxed[i];
            }
            d = d.withAttribution(new Attribution(List.of(names), contributions));
        }
        return new DetectionRecord(rs.getString(1), rs.getString(2), d);
    }
}
