package io.github.anomaly4j.store.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the JDBC stores keep their tables: schema, table prefix, what to do about migrations, whether to
 * use TimescaleDB and with which policies, and how hard to retry. Immutable; build one with {@link #builder()}.
 *
 * <p>The schema and the table prefix become SQL identifiers. Both must match {@value #IDENTIFIER_PATTERN}
 * (lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters); they
 * are checked when set, before any SQL runs, and always written double-quoted. Values never enter SQL text: they
 * travel as prepared-statement parameters.
 *
 * @param schema the schema holding the tables, e.g. {@code "public"}
 * @param tablePrefix prepended to every table name, e.g. {@code "anomaly_"} (may be empty)
 * @param migrationMode what the stores do about the schema when they open
 * @param timescale whether to use TimescaleDB
 * @param chunkInterval TimescaleDB chunk width of the hypertables
 * @param compressAfter age after which TimescaleDB chunks move to the columnstore (compression); zero disables
 * @param retention age after which TimescaleDB drops chunks of readings and detections; zero keeps everything
 * @param continuousAggregates whether to create the 1-minute and 1-hour continuous aggregates of readings
 * @param copyThreshold batches of at least this many readings take the binary {@code COPY} path in
 *     {@link JdbcReadingStore#append}; smaller ones the {@code unnest} path
 * @param maxAttempts attempts per operation, the first included, on transient failures
 * @param initialBackoff wait before the second attempt; doubled per attempt
 * @param maxBackoff longest wait between attempts
 * @param batchKeyTtl how long idempotency keys of whole batches are remembered
 * @param optimisticCopy whether the {@code COPY} path first tries a plain {@code INSERT} under a savepoint and
 *     falls back to {@code INSERT ... ON CONFLICT DO NOTHING} only when a key is already stored or repeats in the
 *     batch (faster for new data, slower for batches that are mostly duplicates; same results either way)
 */
public record JdbcStoreConfig(String schema, String tablePrefix, MigrationMode migrationMode,
        TimescaleMode timescale, Duration chunkInterval, Duration compressAfter, Duration retention,
        boolean continuousAggregates, int copyThreshold, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Duration batchKeyTtl, boolean optimisticCopy) {

    /** The pattern every schema name and table prefix must match (the prefix may also be empty). */
    public static final String IDENTIFIER_PATTERN = "^[a-z_][a-z0-9_]{0,62}$";
    private static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_PATTERN);
    /** Longest table name the prefix may produce; PostgreSQL truncates identifiers beyond 63 bytes. */
    private static final int LONGEST_TABLE_SUFFIX = "readings_1h".length() + 10;

    /** What the stores do about the schema when they open. */
    public enum MigrationMode {
        /** Apply missing migrations (under an advisory lock), then validate. The default. */
        AUTO,
        /** Apply nothing; refuse to open when a migration is missing or was changed. For DBA-managed schemas. */
        VALIDATE,
        /** Neither apply nor check: the host takes full responsibility for the schema. */
        NONE
    }

    /** Whether to use TimescaleDB. */
    public enum TimescaleMode {
        /** Use it when the extension is installed and preloaded; plain PostgreSQL otherwise. The default. */
        AUTO,
        /** Plain PostgreSQL tables even where TimescaleDB is available. */
        OFF,
        /** Refuse to open without TimescaleDB. */
        REQUIRED
    }

    /**
     * Validates.
     *
     * @param schema the schema holding the tables, matching {@value #IDENTIFIER_PATTERN}
     * @param tablePrefix prepended to every table name: empty or matching {@value #IDENTIFIER_PATTERN}, at most
     *     42 characters so that every table name fits in 63
     * @param migrationMode what the stores do about the schema when they open, not {@code null}
     * @param timescale whether to use TimescaleDB, not {@code null}
     * @param chunkInterval TimescaleDB chunk width, at least one minute
     * @param compressAfter age after which chunks are compressed, zero (off) or at least the chunk interval
     * @param retention age after which chunks are dropped, zero (off) or longer than {@code compressAfter}
     * @param continuousAggregates whether to create the 1-minute and 1-hour aggregates
     * @param copyThreshold batch size from which {@code append} uses {@code COPY}, at least 1
     * @param maxAttempts attempts per operation, 1 to 100
     * @param initialBackoff wait before the second attempt, 0 to 10 s
     * @param maxBackoff longest wait between attempts, from {@code initialBackoff} to 60 s
     * @param batchKeyTtl how long batch keys are remembered, at least one minute
     * @param optimisticCopy whether the {@code COPY} path tries a plain {@code INSERT} before {@code ON CONFLICT}
     * @throws IllegalArgumentException naming the setting, the allowed values and the value given
     */
    public JdbcStoreConfig {
        requireIdentifier("schema", schema);
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        if (!tablePrefix.isEmpty()) {
            requireIdentifier("tablePrefix", tablePrefix);
        }
        if (tablePrefix.length() + LONGEST_TABLE_SUFFIX > 63) {
            throw new IllegalArgumentException("tablePrefix must be at most " + (63 - LONGEST_TABLE_SUFFIX)
                    + " characters so that table names fit PostgreSQL's 63, got " + tablePrefix.length());
        }
        Objects.requireNonNull(migrationMode, "migrationMode");
        Objects.requireNonNull(timescale, "timescale");
        requireAtLeast("chunkInterval", chunkInterval, Duration.ofMinutes(1));
        requireNonNegative("compressAfter", compressAfter);
        requireNonNegative("retention", retention);
        if (!compressAfter.isZero() && compressAfter.compareTo(chunkInterval) < 0) {
            throw new IllegalArgumentException("compressAfter must be zero (off) or at least chunkInterval ("
                    + chunkInterval + "), got " + compressAfter);
        }
        if (!retention.isZero() && retention.compareTo(compressAfter) <= 0) {
            throw new IllegalArgumentException("retention must be zero (off) or longer than compressAfter ("
                    + compressAfter + "), got " + retention);
        }
        if (copyThreshold < 1) {
            throw new IllegalArgumentException("copyThreshold must be at least 1, got " + copyThreshold);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be in [1, 100], got " + maxAttempts);
        }
        requireNonNegative("initialBackoff", initialBackoff);
        if (initialBackoff.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("initialBackoff must be at most 10 s, got " + initialBackoff);
        }
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("maxBackoff must be in [initialBackoff (" + initialBackoff
                    + "), 60 s], got " + maxBackoff);
        }
        requireAtLeast("batchKeyTtl", batchKeyTtl, Duration.ofMinutes(1));
    }

    /** @return a builder holding the defaults: schema {@code public}, prefix {@code anomaly_}, AUTO, AUTO */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default configuration */
    public static JdbcStoreConfig defaults() {
        return builder().build();
    }

    /**
     * Checks a name that will become an SQL identifier.
     *
     * @param what the setting, for the message
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException when it does not match {@value #IDENTIFIER_PATTERN}
     */
    public static String requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match " + IDENTIFIER_PATTERN
                    + " (lower-case letters, digits and _, at most 63 characters), got "
                    + (name == null ? "null" : "'" + name + "'") + "; refused before any SQL was run");
        }
        return name;
    }

    /**
     * The quoted, schema-qualified name of one of the store's tables.
     *
     * @param table the table's own name, e.g. {@code "readings"}
     * @return e.g. {@code "public"."anomaly_readings"}
     */
    public String table(String table) {
        return quote(schema) + "." + quote(tablePrefix + requireIdentifier("table", table));
    }

    /**
     * @param table the table's own name
     * @return the unquoted name with the prefix, e.g. {@code anomaly_readings}
     */
    public String tableName(String table) {
        return tablePrefix + table;
    }

    static String quote(String identifier) {
        // the pattern admits no quote character; quoting keeps reserved words (user, order) usable
        return '"' + identifier + '"';
    }

    private static void requireAtLeast(String what, Duration d, Duration min) {
        Objects.requireNonNull(d, what);
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + d);
        }
    }

    private static void requireNonNegative(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
    }

    /** Builds a {@link JdbcStoreConfig}; each setter checks its value at once. */
    public static final class Builder {
        private String schema = "public";
        private String tablePrefix = "anomaly_";
        private MigrationMode migrationMode = MigrationMode.AUTO;
        private TimescaleMode timescale = TimescaleMode.AUTO;
        private Duration chunkInterval = Duration.ofDays(1);
        private Duration compressAfter = Duration.ofDays(7);
        private Duration retention = Duration.ofDays(180);
        private boolean continuousAggregates = true;
        private int copyThreshold = 2_000;
        private boolean optimisticCopy = true;
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(25);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration batchKeyTtl = Duration.ofDays(7);

        private Builder() {
        }

        /**
         * @param name the schema, matching {@value #IDENTIFIER_PATTERN}; it must exist unless migrations create it
         * @return this builder
         * @throws IllegalArgumentException when the name does not match, before any SQL runs
         */
        public Builder schema(String name) {
            this.schema = requireIdentifier("schema", name);
            return this;
        }

        /**
         * @param prefix prepended to every table name: empty or matching {@value #IDENTIFIER_PATTERN}
         * @return this builder
         * @throws IllegalArgumentException when the prefix does not match, before any SQL runs
         */
        public Builder tablePrefix(String prefix) {
            Objects.requireNonNull(prefix, "tablePrefix");
            this.tablePrefix = prefix.isEmpty() ? prefix : requireIdentifier("tablePrefix", prefix);
            return this;
        }

        /**
         * @param mode what to do about migrations when a store opens
         * @return this builder
         */
        public Builder migrationMode(MigrationMode mode) {
            this.migrationMode = Objects.requireNonNull(mode, "migrationMode");
            return this;
        }

        /**
         * @param mode whether to use TimescaleDB
         * @return this builder
         */
        public Builder timescale(TimescaleMode mode) {
            this.timescale = Objects.requireNonNull(mode, "timescale");
            return this;
        }

        /**
         * @param interval TimescaleDB chunk width (default 1 day)
         * @return this builder
         */
        public Builder chunkInterval(Duration interval) {
            this.chunkInterval = interval;
            return this;
        }

        /**
         * @param age compress (columnstore) chunks older than this (default 7 days; zero disables)
         * @return this builder
         */
        public Builder compressAfter(Duration age) {
            this.compressAfter = age;
            return this;
        }

        /**
         * @param age drop chunks older than this (default 180 days; zero keeps everything)
         * @return this builder
         */
        public Builder retention(Duration age) {
            this.retention = age;
            return this;
        }

        /**
         * @param enabled whether to create the 1-minute and 1-hour continuous aggregates (default true)
         * @return this builder
         */
        public Builder continuousAggregates(boolean enabled) {
            this.continuousAggregates = enabled;
            return this;
        }

        /**
         * @param rows batches of at least this many readings are written with binary {@code COPY} (default 2000)
         * @return this builder
         */
        public Builder copyThreshold(int rows) {
            this.copyThreshold = rows;
            return this;
        }

        /**
         * @param enabled whether the {@code COPY} path first tries a plain {@code INSERT} under a savepoint and
         *     runs {@code INSERT ... ON CONFLICT DO NOTHING} only when that meets a stored or repeated key (default
         *     {@code true}; turn off when most bulk batches are re-deliveries of stored data)
         * @return this builder
         */
        public Builder optimisticCopy(boolean enabled) {
            this.optimisticCopy = enabled;
            return this;
        }

        /**
         * @param attempts attempts per operation on transient failures, the first included (default 10)
         * @param initial wait before the second attempt (default 25 ms), doubled per attempt
         * @param max longest wait (default 2 s)
         * @return this builder
         */
        public Builder retries(int attempts, Duration initial, Duration max) {
            this.maxAttempts = attempts;
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * @param ttl how long idempotency keys of whole batches are remembered (default 7 days)
         * @return this builder
         */
        public Builder batchKeyTtl(Duration ttl) {
            this.batchKeyTtl = ttl;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException when the settings do not fit together
         */
        public JdbcStoreConfig build() {
            return new JdbcStoreConfig(schema, tablePrefix, migrationMode, timescale, chunkInterval, compressAfter,
                    retention, continuousAggregates, copyThreshold, maxAttempts, initialBackoff, maxBackoff,
                    batchKeyTtl, optimisticCopy);
        }
    }
}
