package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The stores' schema and its migrations: versioned SQL files inside the jar ({@code V1} the plain PostgreSQL
 * tables, {@code T1}..{@code T4} the TimescaleDB steps), a history table recording each applied migration with the
 * SHA-256 of the SQL that ran, and a PostgreSQL advisory lock so that instances starting together apply each
 * migration once.
 *
 * <p>TimescaleDB is used when the extension is installed, or available <em>and</em> listed in
 * {@code shared_preload_libraries} (checked before {@code CREATE EXTENSION}, which fails fatally without the
 * preload); see {@link #detect()}. The mode in use is logged and returned.
 *
 * <pre>{@code
 * JdbcSchema schema = JdbcSchema.of(dataSource, JdbcStoreConfig.defaults());
 * StorageMode mode = schema.migrate();      // or schema.validate() for DBA-managed schemas
 * String sql = schema.exportSql(mode);      // what a DBA would apply by hand
 * }</pre>
 */
public final class JdbcSchema {
    private static final System.Logger LOG = System.getLogger(JdbcSchema.class.getName());
    private static final String RESOURCES = "/io/github/anomaly4j/store/jdbc/migrations/";
    private static final String HISTORY = "schema_history";

    /** Tables and their columns, as V1 creates them; VALIDATE checks they are there. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "readings", List.of("series_id", "ts_ms", "value"),
            "detections", List.of("series_id", "detector", "ts_ms", "score", "calibrated_score", "anomalous",
                    "threshold", "warming_up", "expected", "attribution_features", "attribution_contributions"),
            "models", List.of("name", "latest_version", "active_version"),
            "model_versions", List.of("name", "version", "sha256", "size_bytes", "content", "provenance",
                    "published_at", "published_by"),
            "model_promotions", List.of("id", "name", "from_version", "to_version", "promoted_at",
                    "rolled_back_at"),
            "ingest_batches", List.of("target", "batch_key", "inserted", "duplicates", "received_at"));

    private final DataSource dataSource;
    private final JdbcStoreConfig config;

    private JdbcSchema(DataSource dataSource, JdbcStoreConfig config) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param dataSource the database
     * @param config schema, prefix and policies
     * @return the schema manager (nothing runs until a method is called)
     */
    public static JdbcSchema of(DataSource dataSource, JdbcStoreConfig config) {
        return new JdbcSchema(dataSource, config);
    }

    /**
     * One migration as it would run on a database in a given mode.
     *
     * @param version {@code V1}, {@code T1}, ...
     * @param description what it does
     * @param sql the SQL, rendered for the configuration
     * @param checksum lower-case hex SHA-256 of {@code sql}
     */
    public record Migration(String version, String description, String sql, String checksum) {
        /**
         * Validates.
         *
         * @param version the version id, not {@code null}
         * @param description what it does, not {@code null}
         * @param sql the rendered SQL, not {@code null}
         * @param checksum SHA-256 of the SQL, not {@code null}
         */
        public Migration {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(checksum, "checksum");
        }

        /** @return whether it runs in one transaction (plain steps) or statement by statement (TimescaleDB) */
        public boolean transactional() {
            return version.startsWith("V");
        }
    }

    /**
     * A row of the history table.
     *
     * @param version the migration version
     * @param description what it did
     * @param checksum SHA-256 of the SQL that ran
     * @param appliedAt when
     */
    public record AppliedMigration(String version, String description, String checksum, Instant appliedAt) {
    }

    /**
     * The migrations for a mode, in the order they apply.
     *
     * @param mode plain PostgreSQL or TimescaleDB (of a version)
     * @return V1, then T1..T4 under TimescaleDB
     */
    public List<Migration> migrations(StorageMode mode) {
        List<Migration> list = new ArrayList<>();
        list.add(load("V1", "base_tables", "readings, detections, model versions and batch keys"));
        if (mode.timescale()) {
            list.add(load("T1", "hypertables", "hypertables partitioned by ts_ms, chunk " + config.chunkInterval()));
            if (!config.compressAfter().isZero()) {
                list.add(mode.columnstoreNames()
                        ? load("T2", "columnstore", "columnstore after " + config.compressAfter())
                        : load("T2", "compression", "compression after " + config.compressAfter()));
            }
            if (!config.retention().isZero()) {
                list.add(load("T3", "retention", "retention " + config.retention()));
            }
            if (config.continuousAggregates()) {
                list.add(load("T4", "continuous_aggregates", "1-minute and 1-hour continuous aggregates"));
            }
        }
        return list;
    }

    /**
     * The complete SQL a DBA applies by hand for a mode: the history table, each migration, and the history rows
     * that make {@link #validate()} (and {@link JdbcStoreConfig.MigrationMode#VALIDATE}) accept the result.
     *
     * @param mode plain PostgreSQL or TimescaleDB
     * @return SQL for {@code psql -v ON_ERROR_STOP=1 -f}
     */
    public String exportSql(StorageMode mode) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- anomaly4j schema for ").append(mode.timescale() ? "TimescaleDB " + mode.timescaleVersion()
                : "plain PostgreSQL").append(", schema ").append(config.schema()).append(", table prefix '")
                .append(config.tablePrefix()).append("'\n");
        sb.append("CREATE SCHEMA IF NOT EXISTS ").append(JdbcStoreConfig.quote(config.schema())).append(";\n");
        if (mode.timescale()) {
            sb.append("CREATE EXTENSION IF NOT EXISTS timescaledb;\n");
        }
        sb.append(historyDdl()).append(";\n\n");
        for (Migration m : migrations(mode)) {
            if (m.transactional()) {
                sb.append("BEGIN;\n");
            }
            sb.append(m.sql().strip()).append('\n');
            sb.append("INSERT INTO ").append(config.table(HISTORY))
                    .append(" (version, description, checksum) VALUES ('").append(m.version()).append("', '")
                    .append(m.description().replace("'", "''")).append("', '").append(m.checksum())
                    .append("');\n");
            if (m.transactional()) {
                sb.append("COMMIT;\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Finds out whether TimescaleDB can be used, without changing anything.
     *
     * @return the mode the stores would use
     * @throws StoreException when the database cannot be reached
     * @throws IllegalStateException when TimescaleDB is {@link JdbcStoreConfig.TimescaleMode#REQUIRED} but unusable
     */
    public StorageMode detect() {
        try (Connection c = dataSource.getConnection()) {
            return detect(c);
        } catch (SQLException e) {
            throw new StoreException("could not inspect the database: " + e.getMessage(), e);
        }
    }

    private StorageMode detect(Connection c) throws SQLException {
        int server;
        String installed = null;
        String available = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version_num')::int,"
                        + " (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'),"
                        + " (SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb')")) {
            rs.next();
            server = rs.getInt(1);
            installed = rs.getString(2);
            available = rs.getString(3);
        }
        StorageMode mode;
        if (config.timescale() == JdbcStoreConfig.TimescaleMode.OFF) {
            mode = new StorageMode(server, null, "TimescaleDB switched off in the configuration");
        } else if (installed != null) {
            mode = new StorageMode(server, installed, "the timescaledb extension is installed");
        } else if (available == null) {
            mode = new StorageMode(server, null, "the timescaledb extension is not available on this server");
        } else {
            String preload = preloadLibraries(c);
            if (preload == null) {
                mode = new StorageMode(server, null, "timescaledb " + available + " is available but "
                        + "shared_preload_libraries is not readable by this user, so it is not created");
            } else if (!preload.toLowerCase(java.util.Locale.ROOT).contains("timescaledb")) {
                mode = new StorageMode(server, null, "timescaledb " + available + " is available but not in "
                        + "shared_preload_libraries ('" + preload + "'), so CREATE EXTENSION would fail");
            } else {
                mode = new StorageMode(server, available, "timescaledb " + available
                        + " is available and preloaded; it will be created");
            }
        }
        if (config.timescale() == JdbcStoreConfig.TimescaleMode.REQUIRED && !mode.timescale()) {
            throw new IllegalStateException("TimescaleDB is REQUIRED by the configuration but cannot be used: "
                    + mode.reason());
        }
        return mode;
    }

    private static String preloadLibraries(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('shared_preload_libraries')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return null; // superuser-only on some servers
        } finally {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // the next statement reports a broken connection
            }
        }
    }

    /**
     * Opens the schema as the configuration's {@link JdbcStoreConfig.MigrationMode} says: AUTO migrates,
     * VALIDATE validates, NONE only detects the mode.
     *
     * @return the storage mode in use
     */
    public StorageMode open() {
        return switch (config.migrationMode()) {
            case AUTO -> migrate();
            case VALIDATE -> validate();
            case NONE -> detect();
        };
    }

    /**
     * Applies every missing migration under an advisory lock, then validates. Safe to call from many instances at
     * once: the second waits for the first and then finds nothing to do.
     *
     * @return the storage mode in use
     * @throws StoreException when a migration fails (the failing one is named) or the database is unreachable
     * @throws IllegalStateException when an applied migration's checksum differs from the jar's
     */
    public StorageMode migrate() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long lockKey = lockKey();
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                lock.execute();
            }
            try {
                StorageMode mode = detect(c);
                ensureHistory(c);
                if (mode.timescale()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
                    }
                }
                Map<String, AppliedMigration> applied = history(c);
                List<String> ran = new ArrayList<>();
                for (Migration m : migrations(mode)) {
                    AppliedMigration done = applied.get(m.version());
                    if (done != null) {
                        requireChecksum(m, done, mode);
                        continue;
                    }
                    apply(c, m);
                    ran.add(m.version());
                }
                LOG.log(Level.INFO, "anomaly4j store {0}.{1}*: {2}; migrations applied now: {3}", config.schema(),
                        config.tablePrefix(), mode, ran.isEmpty() ? "none" : ran);
                validate(c, mode);
                return mode;
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lockKey);
                    unlock.execute();
                } catch (SQLException e) {
                    // the session ends with the connection, and its lock with it
                    LOG.log(Level.DEBUG, "advisory unlock failed", e);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("migrating " + config.schema() + "." + config.tablePrefix() + "* failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks, without changing anything, that every migration of the detected mode was applied with the SQL this
     * jar would run and that every table has its columns.
     *
     * @return the storage mode in use
     * @throws IllegalStateException naming what is missing or changed, and how to fix it
     */
    public StorageMode validate() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            StorageMode mode = detect(c);
            if (mode.timescale() && installedTimescale(c) == null) {
                throw new IllegalStateException("schema " + config.schema() + " with table prefix '"
                        + config.tablePrefix() + "' is not ready: TimescaleDB is preloaded but the extension is "
                        + "not created; apply JdbcSchema.exportSql(...) or use MigrationMode.AUTO");
            }
            validate(c, mode);
            LOG.log(Level.INFO, "anomaly4j store {0}.{1}* validated: {2}", config.schema(), config.tablePrefix(),
                    mode);
            return mode;
        } catch (SQLException e) {
            throw new StoreException("validating " + config.schema() + "." + config.tablePrefix() + "* failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @return the applied migrations, oldest first; empty when there is no history table
     */
    public List<AppliedMigration> history() {
        try (Connection c = dataSource.getConnection()) {
            return List.copyOf(history(c).values());
        } catch (SQLException e) {
            throw new StoreException("reading the migration history failed: " + e.getMessage(), e);
        }
    }

    private void validate(Connection c, StorageMode mode) throws SQLException {
        String where = "schema " + config.schema() + " with table prefix '" + config.tablePrefix() + "'";
        Map<String, AppliedMigration> applied = history(c);
        if (applied.isEmpty() && !historyExists(c)) {
            throw new IllegalStateException(where + " has no anomaly4j schema (table " + config.table(HISTORY)
                    + " is missing); apply JdbcSchema.exportSql(...) as a DBA or use MigrationMode.AUTO");
        }
        List<String> missing = new ArrayList<>();
        for (Migration m : migrations(mode)) {
            AppliedMigration done = applied.get(m.version());
            if (done == null) {
                missing.add(m.version() + " (" + m.description() + ")");
            } else {
                requireChecksum(m, done, mode);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(where + " lacks migrations " + missing + " for " + mode
                    + "; apply JdbcSchema.exportSql(...) or use MigrationMode.AUTO");
        }
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name LIKE ? ESCAPE '!'")) {
            ps.setString(1, config.schema());
            ps.setString(2, config.tablePrefix().replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
            Set<String> present = columns.get(config.tableName(t.getKey()));
            if (present == null) {
                drift.add("table " + config.tableName(t.getKey()) + " is missing");
                continue;
            }
            for (String col : t.getValue()) {
                if (!present.contains(col)) {
                    drift.add("column " + config.tableName(t.getKey()) + "." + col + " is missing");
                }
            }
        }
        if (!drift.isEmpty()) {
            throw new IllegalStateException(where + " has drifted from its migrations: " + String.join("; ", drift)
                    + "; restore it or recreate the schema");
        }
    }

    private void requireChecksum(Migration m, AppliedMigration done, StorageMode mode) {
        if (done.checksum().equals(m.checksum())) {
            return;
        }
        if (m.version().equals("T2")) {
            // an upgrade across TimescaleDB 2.18 renames compression to columnstore; either SQL is fine
            StorageMode other = new StorageMode(mode.serverVersion(), mode.columnstoreNames() ? "2.17.0" : "2.18.0",
                    mode.reason());
            String otherSum = other.columnstoreNames() ? load("T2", "columnstore", "").checksum()
                    : load("T2", "compression", "").checksum();
            if (done.checksum().equals(otherSum)) {
                return;
            }
        }
        throw new IllegalStateException("migration " + m.version() + " of schema " + config.schema()
                + " with table prefix '" + config.tablePrefix() + "' was applied with checksum " + done.checksum()
                + " but this library's SQL has checksum " + m.checksum() + " (a changed file, or changed "
                + "TimescaleDB settings); compare with JdbcSchema.exportSql(...) and reconcile by hand");
    }

    private void apply(Connection c, Migration m) throws SQLException {
        long start = System.nanoTime();
        if (m.transactional()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(m.sql());
                record(c, m, start);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw new SQLException("migration " + m.version() + " (" + m.description() + ") failed: "
                        + e.getMessage(), e instanceof SQLException se ? se.getSQLState() : null, e);
            } finally {
                c.setAutoCommit(true);
            }
        } else {
            // TimescaleDB steps: one statement at a time outside a transaction block, each idempotent
            for (String statement : SqlScript.split(m.sql())) {
                try (Statement s = c.createStatement()) {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException("migration " + m.version() + " (" + m.description() + ") failed at: "
                            + statement + ": " + e.getMessage(), e.getSQLState(), e);
                }
            }
            record(c, m, start);
        }
        LOG.log(Level.INFO, "applied migration {0} ({1}) to {2}.{3}*", m.version(), m.description(),
                config.schema(), config.tablePrefix());
    }

    private void record(Connection c, Migration m, long startNanos) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + config.table(HISTORY)
                + " (version, description, checksum, execution_ms) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, m.version());
            ps.setString(2, m.description());
            ps.setString(3, m.checksum());
            ps.setLong(4, (System.nanoTime() - startNanos) / 1_000_000);
            ps.executeUpdate();
        }
    }

    private void ensureHistory(Connection c) throws SQLException {
        boolean schemaExists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, config.schema());
            try (ResultSet rs = ps.executeQuery()) {
                schemaExists = rs.next();
            }
        }
        try (Statement s = c.createStatement()) {
            if (!schemaExists) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + JdbcStoreConfig.quote(config.schema()));
            }
            s.execute(historyDdl());
        }
    }

    private String historyDdl() {
        return "CREATE TABLE IF NOT EXISTS " + config.table(HISTORY) + " (version text PRIMARY KEY, "
                + "description text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), "
                + "applied_by text NOT NULL DEFAULT current_user, execution_ms bigint)";
    }

    private boolean historyExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, config.table(HISTORY));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String installedTimescale(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Map<String, AppliedMigration> history(Connection c) throws SQLException {
        Map<String, AppliedMigration> map = new LinkedHashMap<>();
        if (!historyExists(c)) {
            return map;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, description, "
                + "checksum, applied_at FROM " + config.table(HISTORY) + " ORDER BY applied_at, version")) {
            while (rs.next()) {
                map.put(rs.getString(1), new AppliedMigration(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
            }
        }
        return map;
    }

    /** The advisory lock of this schema and prefix: the first 8 bytes of a SHA-256 of their names. */
    long lockKey() {
        byte[] digest = sha256Bytes("anomaly4j-migrations:" + config.schema() + ":" + config.tablePrefix());
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    private Migration load(String version, String name, String description) {
        String resource = RESOURCES + version + "__" + name + ".sql";
        String template;
        try (InputStream in = JdbcSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("schema", JdbcStoreConfig.quote(config.schema()));
        values.put("prefix", config.tablePrefix());
        values.put("chunk_ms", Long.toString(config.chunkInterval().toMillis()));
        values.put("compress_after_ms", Long.toString(config.compressAfter().toMillis()));
        values.put("compress_after", config.compressAfter().toString());
        values.put("retention_ms", Long.toString(config.retention().toMillis()));
        values.put("retention", config.retention().toString());
        values.put("refresh_1m_start_ms", Long.toString(refreshStart(Duration.ofDays(1)).toMillis()));
        values.put("refresh_1h_start_ms", Long.toString(refreshStart(Duration.ofDays(7)).toMillis()));
        String sql = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            sql = sql.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (sql.contains("${")) {
            throw new IllegalStateException("migration " + resource + " has an unknown placeholder: "
                    + sql.substring(sql.indexOf("${"), Math.min(sql.length(), sql.indexOf("${") + 30)));
        }
        return new Migration(version, name.replace('_', ' ') + (description.isEmpty() ? "" : ": " + description),
                sql, HexFormat.of().formatHex(sha256Bytes(sql)));
    }

    /** Refresh windows stay inside the retention period, so that a refresh never erases aggregates of dropped data. */
    private Duration refreshStart(Duration wanted) {
        if (config.retention().isZero() || wanted.compareTo(config.retention().dividedBy(2)) <= 0) {
            return wanted;
        }
        return config.retention().dividedBy(2);
    }

    private static byte[] sha256Bytes(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
