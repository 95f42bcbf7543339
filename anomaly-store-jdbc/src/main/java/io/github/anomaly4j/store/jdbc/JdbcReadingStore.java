package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Readings in PostgreSQL (or a TimescaleDB hypertable), keyed by {@code (series_id, ts_ms)}.
 *
 * <p>Two write paths, both idempotent and both reporting new rows and duplicates:
 * <ul>
 *   <li><b>fast</b> ({@link #appendViaCopy}): binary {@code COPY} into a session-local staging table, then a
 *       plain {@code INSERT ... SELECT} under a savepoint, falling back to {@code INSERT ... SELECT ... ON CONFLICT
 *       DO NOTHING} when a key is already stored or repeats in the batch; for bulk loads;</li>
 *   <li><b>per request</b> ({@link #appendViaUnnest}): one statement with three array parameters,
 *       {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING}; for small batches.</li>
 * </ul>
 * {@link #append} picks by batch size ({@link JdbcStoreConfig#copyThreshold()}). Rows are inserted in key order
 * (so that concurrent writers take index locks in one order and do not deadlock), with ties in call order (so that
 * the first of repeated keys is the one stored). {@link #append(String, Collection)} adds an idempotency key for a
 * whole batch. Transient failures (lost connection, server restart, deadlock, serialization failure) are retried
 * with bounded backoff; data errors are not. Thread-safe.
 */
public final class JdbcReadingStore implements ReadingStore {
    private final JdbcStoreConfig config;
    private final Transactions tx;
    private final BatchKeys batchKeys;
    private final StorageMode mode;
    private static final String UNIQUE_VIOLATION = "23505";
    /** Longest run of COPY batches sent straight to ON CONFLICT after repeated fallbacks: 2^6 - 1. */
    private static final int MAX_SKIP_SHIFT = 6;
    private final AtomicLong optimisticFallbacks = new AtomicLong();
    /** Consecutive fallbacks; batches still to send straight to ON CONFLICT (a speed heuristic, never results). */
    private final AtomicInteger fallbackStreak = new AtomicInteger();
    private final AtomicInteger skipOptimistic = new AtomicInteger();
    private final String table;
    private final String stage;
    private final String insertUnnest;
    private final String insertFromStage;
    private final String plainInsertFromStage;

    /**
     * Opens the store, first migrating or validating the schema as {@link JdbcStoreConfig#migrationMode()} says.
     *
     * @param dataSource the database; a pooled one for anything but tests
     * @param config schema, prefix, policies and retries
     */
    public JdbcReadingStore(DataSource dataSource, JdbcStoreConfig config) {
        this(dataSource, config, JdbcSchema.of(dataSource, config).open());
    }

    JdbcReadingStore(DataSource dataSource, JdbcStoreConfig config, StorageMode mode) {
        this.config = Objects.requireNonNull(config, "config");
        this.tx = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), config);
        this.mode = mode;
        this.batchKeys = new BatchKeys(config, "readings");
        this.table = config.table("readings");
        this.stage = JdbcStoreConfig.quote("anomaly4j_stage_" + Long.toHexString(
                JdbcSchema.of(dataSource, config).lockKey()).substring(0, 8) + "_readings");
        this.insertUnnest = "INSERT INTO " + table + " (series_id, ts_ms, value) SELECT s, t, v FROM unnest(?::text[], "
                + "?::bigint[], ?::float8[]) WITH ORDINALITY AS u(s, t, v, o) ORDER BY s COLLATE \"C\", t DESC, o "
                + "ON CONFLICT DO NOTHING";
        this.insertFromStage = "INSERT INTO " + table + " (series_id, ts_ms, value) SELECT series_id, ts_ms, value "
                + "FROM pg_temp." + stage + " ORDER BY series_id, ts_ms DESC, o ON CONFLICT DO NOTHING";
        this.plainInsertFromStage = "INSERT INTO " + table + " (series_id, ts_ms, value) SELECT series_id, ts_ms, "
                + "value FROM pg_temp." + stage + " ORDER BY series_id, ts_ms DESC, o";
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
    public IngestResult append(Collection<Reading> readings) {
        List<Reading> list = checked(readings);
        if (list.isEmpty()) {
            return new IngestResult(0, 0);
        }
        return list.size() >= config.copyThreshold() ? appendViaCopy(list) : appendViaUnnest(list);
    }

    /**
     * Appends a batch at most once per key: a batch key seen before (within {@link JdbcStoreConfig#batchKeyTtl()})
     * stores nothing and reports every reading as a duplicate. The key and the readings commit together.
     *
     * @param batchKey the caller's id of this batch, 1 to 200 characters
     * @param readings the readings
     * @return new rows and duplicates; all duplicates for a batch key seen before
     */
    public IngestResult append(String batchKey, Collection<Reading> readings) {
        BatchKeys.requireKey(batchKey);
        List<Reading> list = checked(readings);
        boolean copy = list.size() >= config.copyThreshold();
        return tx.inTransaction("append of batch '" + batchKey + "' to " + table, c -> {
            if (!batchKeys.claim(c, batchKey)) {
                return new IngestResult(0, list.size());
            }
            long inserted = list.isEmpty() ? 0 : copy ? copyInsert(c, list) : unnestInsert(c, list);
            IngestResult r = new IngestResult(inserted, list.size() - inserted);
            batchKeys.record(c, batchKey, r);
            return r;
        });
    }

    /**
     * Forgets batch keys older than {@link JdbcStoreConfig#batchKeyTtl()}.
     *
     * @return how many were forgotten
     */
    public long purgeExpiredBatchKeys() {
        return tx.inTransaction("purge of batch keys of " + table, batchKeys::purge);
    }

    /**
     * The fast path: binary {@code COPY} into a staging table, then an optimistic plain {@code INSERT} under a
     * savepoint; if a staged key is already stored or repeats in the batch (unique_violation), the savepoint is
     * rolled back and {@code INSERT ... ON CONFLICT DO NOTHING} runs instead. The result is the same either way.
     * With {@link JdbcStoreConfig#optimisticCopy()} off, only the {@code ON CONFLICT} statement runs.
     *
     * @param readings the readings
     * @return new rows and duplicates
     */
    public IngestResult appendViaCopy(Collection<Reading> readings) {
        return ingest(readings, "COPY", this::copyInsert);
    }

    /**
     * The per-request path: one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING}.
     *
     * @param readings the readings
     * @return new rows and duplicates
     */
    public IngestResult appendViaUnnest(Collection<Reading> readings) {
        return ingest(readings, "insert", this::unnestInsert);
    }

    /** How a batch of checked readings goes in: returns the rows it inserted (duplicates are skipped). */
    private interface Insert {
        long into(Connection c, List<Reading> list) throws SQLException;
    }

    /** Checks the readings and inserts them in one transaction, named {@code what} in failures and retries. */
    private IngestResult ingest(Collection<Reading> readings, String what, Insert insert) {
        List<Reading> list = checked(readings);
        if (list.isEmpty()) {
            return new IngestResult(0, 0);
        }
        long inserted = tx.inTransaction(what + " of " + list.size() + " readings into " + table,
                c -> insert.into(c, list));
        return new IngestResult(inserted, list.size() - inserted);
    }

    private long unnestInsert(Connection c, List<Reading> list) throws SQLException {
        int n = list.size();
        String[] series = new String[n];
        long[] ts = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            Reading r = list.get(i);
            series[i] = r.seriesId();
            ts[i] = r.timestamp();
            values[i] = r.value();
        }
        try (PreparedStatement ps = c.prepareStatement(insertUnnest)) {
            ps.setArray(1, c.createArrayOf("text", series));
            ps.setObject(2, ts);
            ps.setObject(3, values);
            return ps.executeUpdate();
        }
    }

    private long copyInsert(Connection c, List<Reading> list) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (series_id text COLLATE \"C\", ts_ms bigint, "
                    + "value float8, o int) ON COMMIT DELETE ROWS");
        }
        BinaryCopy copy = new BinaryCopy(list.size() * 48 + 64);
        int i = 0;
        for (Reading r : list) {
            copy.row(4);
            copy.text(r.seriesId());
            copy.int8(r.timestamp());
            copy.float8(r.value());
            copy.int4(i++);
        }
        byte[] bytes = copy.finish();
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY pg_temp." + stage + " (series_id, ts_ms, value, o) FROM STDIN (FORMAT binary)");
        try {
            in.writeToCopy(bytes, 0, copy.length());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return insertFromStage(c);
    }

    /**
     * Moves the staged rows into the table. Optimistic first: a plain {@code INSERT} (no speculative insertion,
     * about 2.5 µs less server CPU per row) under a savepoint. If any staged key is already stored, or repeats
     * within the batch, it fails with unique_violation (23505); then the savepoint is rolled back, which undoes
     * every row of the attempt, and the {@code ON CONFLICT DO NOTHING} statement runs as before, so counts and
     * "first occurrence wins" are exactly those of the conflict-handling statement. This is a planned fallback
     * inside one attempt, not a retry: the 23505 never reaches {@link Transactions}, which still fails data
     * errors (classes 22 and 23) at once. Both statements insert in key order, so concurrent writers still take
     * index locks in one order.
     *
     * <p>After a fallback the next batch skips the optimistic attempt, and after k fallbacks in a row the next
     * 2^k - 1 batches do (at most 63): a stream of re-deliveries soon pays only for {@code ON CONFLICT}, while
     * one successful plain insert resets this. Which statement runs never changes what is stored or counted.
     */
    private long insertFromStage(Connection c) throws SQLException {
        if (!config.optimisticCopy() || skipOptimistic.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(insertFromStage);
            }
        }
        Savepoint sp = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            long n = s.executeUpdate(plainInsertFromStage);
            c.releaseSavepoint(sp);
            fallbackStreak.set(0);
            return n;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(sp);
            c.releaseSavepoint(sp);
            optimisticFallbacks.incrementAndGet();
            int k = Math.min(MAX_SKIP_SHIFT, fallbackStreak.incrementAndGet());
            skipOptimistic.set((1 << k) - 1);
        }
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(insertFromStage);
        }
    }

    /**
     * @return how many fast-path batches found a stored or repeated key and were inserted again with
     *     {@code ON CONFLICT DO NOTHING} (see {@link #appendViaCopy}); for metrics and tests
     */
    public long optimisticFallbacks() {
        return optimisticFallbacks.get();
    }

    @Override
    public TimeSeries range(String seriesId, long fromInclusive, long toExclusive) {
        Objects.requireNonNull(seriesId, "seriesId");
        if (toExclusive <= fromInclusive) {
            return TimeSeries.of(new long[0], new double[0]);
        }
        return tx.inTransaction("range of '" + seriesId + "' in " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ts_ms, value FROM " + table
                    + " WHERE series_id = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms")) {
                ps.setFetchSize(10_000);
                ps.setString(1, seriesId);
                ps.setLong(2, fromInclusive);
                ps.setLong(3, toExclusive);
                return read(ps, false);
            }
        });
    }

    @Override
    public TimeSeries latest(String seriesId, int count) {
        Objects.requireNonNull(seriesId, "seriesId");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        return tx.autocommit("latest " + count + " of '" + seriesId + "' in " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ts_ms, value FROM " + table
                    + " WHERE series_id = ? ORDER BY ts_ms DESC LIMIT ?")) {
                ps.setString(1, seriesId);
                ps.setInt(2, count);
                return read(ps, true);
            }
        });
    }

    private static TimeSeries read(PreparedStatement ps, boolean newestFirst) throws SQLException {
        long[] ts = new long[64];
        double[] vs = new double[64];
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    vs = Arrays.copyOf(vs, n * 2);
                }
                ts[n] = rs.getLong(1);
                vs[n] = rs.getDouble(2);
                n++;
            }
        }
        ts = Arrays.copyOf(ts, n);
        vs = Arrays.copyOf(vs, n);
        if (newestFirst) {
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                long t = ts[i];
                ts[i] = ts[j];
                ts[j] = t;
                double v = vs[i];
                vs[i] = vs[j];
                vs[j] = v;
            }
        }
        return TimeSeries.of(ts, vs);
    }

    @Override
    public List<String> seriesIds() {
        // a loose index scan: one index probe per series instead of reading every row
        return tx.autocommit("series ids of " + table, c -> {
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("WITH RECURSIVE ids(id) AS ("
                    + "(SELECT series_id FROM " + table + " ORDER BY series_id LIMIT 1) UNION ALL "
                    + "SELECT (SELECT series_id FROM " + table + " WHERE series_id > ids.id ORDER BY series_id "
                    + "LIMIT 1) FROM ids WHERE ids.id IS NOT NULL) SELECT id FROM ids WHERE id IS NOT NULL")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * Bucketed aggregates of the present (non-NaN) readings of one series: buckets are aligned to multiples of the
     * width since the epoch, the range is widened to whole buckets, and empty buckets are left out. Under
     * TimescaleDB with continuous aggregates, widths of one minute and one hour read them.
     *
     * @param seriesId the series
     * @param fromInclusive start, epoch milliseconds (rounded down to a bucket start)
     * @param toExclusive end, epoch milliseconds (rounded up to a bucket end)
     * @param width bucket width, at least one millisecond
     * @return the non-empty buckets, oldest first
     */
    public List<ReadingBucket> aggregate(String seriesId, long fromInclusive, long toExclusive, Duration width) {
        Objects.requireNonNull(seriesId, "seriesId");
        long w = Objects.requireNonNull(width, "width").toMillis();
        if (w < 1) {
            throw new IllegalArgumentException("width must be at least 1 ms, got " + width);
        }
        if (toExclusive <= fromInclusive) {
            return List.of();
        }
        long from = Math.floorDiv(fromInclusive, w) * w;
        long to = Math.floorDiv(toExclusive - 1, w) * w + w;
        String sql;
        if (mode.timescale() && config.continuousAggregates() && (w == 60_000L || w == 3_600_000L)) {
            sql = "SELECT bucket_ms, readings, min_value, max_value, mean_value FROM "
                    + config.table(w == 60_000L ? "readings_1m" : "readings_1h")
                    + " WHERE series_id = ? AND bucket_ms >= ? AND bucket_ms < ? ORDER BY bucket_ms";
        } else {
            sql = "SELECT b, count(*), min(value), max(value), avg(value) FROM (SELECT ts_ms - (((ts_ms % " + w
                    + ") + " + w + ") % " + w + ") AS b, value FROM " + table
                    + " WHERE series_id = ? AND ts_ms >= ? AND ts_ms < ? AND value <> 'NaN'::float8) x "
                    + "GROUP BY b ORDER BY b";
        }
        String query = sql;
        return tx.autocommit("aggregate of '" + seriesId + "' in " + table, c -> {
            List<ReadingBucket> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(query)) {
                ps.setString(1, seriesId);
                ps.setLong(2, from);
                ps.setLong(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReadingBucket(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5)));
                    }
                }
            }
            return out;
        });
    }

    private static List<Reading> checked(Collection<Reading> readings) {
        Objects.requireNonNull(readings, "readings");
        List<Reading> list = readings instanceof List<Reading> l ? l : new ArrayList<>(readings);
        for (Reading r : list) {
            Objects.requireNonNull(r, "a reading in the batch is null");
        }
        return list;
    }
}
