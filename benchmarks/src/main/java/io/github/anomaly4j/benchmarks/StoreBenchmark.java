package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.store.jdbc.JdbcReadingStore;
import io.github.anomaly4j.store.jdbc.JdbcStoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Throughput of the two ingestion paths of {@link JdbcReadingStore} and latency of "the last 1,000 readings of one
 * series" on a large table, against an embedded PostgreSQL (default) or the server at {@code --jdbc-url}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.StoreBenchmark \
 *     [--rows 1000000] [--window-rows 10000000] [--series 100] [--copy-batch 50000] [--request-batch 10000] \
 *     [--queries 2000] [--jdbc-url jdbc:postgresql://host/db?user=u&amp;password=p]
 * </pre>
 *
 * <p>The embedded server is tuned for a benchmark, never for data you keep: {@code fsync=off},
 * {@code synchronous_commit=off}, {@code full_page_writes=off}, 1 GB shared buffers, 8 GB max WAL. One client
 * thread and one connection (reused, as a pool would), client and server on the same machine. The last line is
 * {@code fast_rows_per_s=... idempotent_rows_per_s=... window_p50_ms=... window_p99_ms=...}.
 */
public final class StoreBenchmark {
    private static final String USAGE = "usage: StoreBenchmark [--rows N] [--window-rows N] [--series N] "
            + "[--copy-batch N] [--request-batch N] [--queries N] [--jdbc-url URL]";
    private static final long T0 = 1_704_067_200_000L;

    private StoreBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args options, see the class comment
     */
    public static void main(String[] args) {
        CommandLine.run(args, StoreBenchmark::run);
    }

    private static void run(String[] args) {
        CommandLine cl = CommandLine.parse(args, java.util.Set.of("rows", "window-rows", "series", "copy-batch",
                "request-batch", "queries", "jdbc-url"), USAGE);
        int rows = positive(cl, "rows", "1000000");
        int windowRows = positive(cl, "window-rows", "10000000");
        int series = positive(cl, "series", "100");
        int copyBatch = positive(cl, "copy-batch", "50000");
        int requestBatch = positive(cl, "request-batch", "10000");
        int queries = positive(cl, "queries", "2000");
        String url = cl.optional("jdbc-url", null);
        EmbeddedPostgres embedded = null;
        try {
            if (url == null) {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("shared_buffers", "1GB")
                        .setServerConfig("max_wal_size", "8GB")
                        .setServerConfig("checkpoint_timeout", "30min")
                        .setServerConfig("work_mem", "64MB")
                        .setServerConfig("maintenance_work_mem", "512MB")
                        .start();
                url = embedded.getJdbcUrl("postgres", "postgres");
            }
            try (Connection connection = DriverManager.getConnection(url)) {
                measure(connection, rows, windowRows, series, copyBatch, requestBatch, queries, embedded != null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }
        }
    }

    private static void measure(Connection connection, int rows, int windowRows, int series, int copyBatch,
            int requestBatch, int queries, boolean embedded) throws SQLException {
        DataSource ds = new ReusedConnection(connection);
        cpu = new Cpu(connection);
        String schema = "anomaly4j_bench";
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                System.out.println("server: " + rs.getString(1) + (embedded ? " (embedded, fsync/synchronous_commit/"
                        + "full_page_writes off)" : ""));
            }
            try {
                System.out.println("load average at start (1, 5, 15 min; " + Runtime.getRuntime().availableProcessors()
                        + " CPUs): " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
            } catch (IOException e) {
                System.out.println("load average unknown");
            }
        }
        try {
            List<List<Reading>> data = readings(rows, series);

            JdbcReadingStore fast = new JdbcReadingStore(ds, JdbcStoreConfig.builder().schema(schema)
                    .tablePrefix("fast_").build());
            System.out.println("storage: " + fast.storageMode());
            double fastRate = ingest("fast path (binary COPY into staging, optimistic plain INSERT, ON CONFLICT "
                    + "fallback)", data, copyBatch, fast::appendViaCopy, rows);
            double fastDupRate = ingest("fast path, the same rows again (all duplicates: plain INSERT fails, "
                    + "ON CONFLICT runs)", data, copyBatch, fast::appendViaCopy, 0);

            JdbcReadingStore worst = new JdbcReadingStore(ds, JdbcStoreConfig.builder().schema(schema)
                    .tablePrefix("worst_").build());
            int batches = worst.appendViaUnnest(lastKeyOfEachBatch(data.get(0), copyBatch)).inserted() > 0
                    ? (rows + copyBatch - 1) / copyBatch : 0;
            double worstRate = ingest("fast path, worst case for the optimistic INSERT (one stored key per batch, "
                    + "last in key order)", data, copyBatch, worst::appendViaCopy, rows - batches);

            JdbcReadingStore plain = new JdbcReadingStore(ds, JdbcStoreConfig.builder().schema(schema)
                    .tablePrefix("plain_").optimisticCopy(false).build());
            double plainRate = ingest("fast path with optimisticCopy(false) (binary COPY into staging, INSERT ... "
                    + "ON CONFLICT DO NOTHING)", data, copyBatch, plain::appendViaCopy, rows);
            double plainDupRate = ingest("same, the same rows again (all duplicates)", data, copyBatch,
                    plain::appendViaCopy, 0);

            JdbcReadingStore perRequest = new JdbcReadingStore(ds, JdbcStoreConfig.builder().schema(schema)
                    .tablePrefix("req_").build());
            double requestRate = ingest("per-request path (unnest arrays, INSERT ... ON CONFLICT DO NOTHING)", data,
                    requestBatch, perRequest::appendViaUnnest, rows);

            JdbcStoreConfig windowConfig = JdbcStoreConfig.builder().schema(schema).tablePrefix("window_").build();
            JdbcReadingStore window = new JdbcReadingStore(ds, windowConfig);
            long loadStart = System.nanoTime();
            bulkLoad(connection, windowConfig.table("readings"), windowRows, series);
            System.out.printf(Locale.ROOT, "loaded %,d rows for the window query in %.1f s (raw COPY + ANALYZE)%n",
                    windowRows, (System.nanoTime() - loadStart) / 1e9);
            double[] latencies = windowLatencies(window, series, queries, windowRows / series);
            System.out.println();
            System.out.println("| measurement | value |");
            System.out.println("|---|---|");
            System.out.printf(Locale.ROOT, "| fast path, %,d rows in batches of %,d | %,.0f rows/s |%n", rows,
                    copyBatch, fastRate);
            System.out.printf(Locale.ROOT, "| fast path, the same %,d rows again (all duplicates) | %,.0f rows/s |%n",
                    rows, fastDupRate);
            System.out.printf(Locale.ROOT, "| fast path, one stored key per batch, last in key order (worst case) | "
                    + "%,.0f rows/s |%n", worstRate);
            System.out.printf(Locale.ROOT, "| fast path with optimisticCopy(false), new rows | %,.0f rows/s |%n",
                    plainRate);
            System.out.printf(Locale.ROOT, "| fast path with optimisticCopy(false), all duplicates | %,.0f rows/s |%n",
                    plainDupRate);
            System.out.printf(Locale.ROOT, "| per-request path, %,d rows in batches of %,d | %,.0f rows/s |%n", rows,
                    requestBatch, requestRate);
            System.out.printf(Locale.ROOT, "| last 1,000 readings of one of %d series, %,d rows stored, p50 | "
                    + "%.3f ms |%n", series, windowRows, latencies[0]);
            System.out.printf(Locale.ROOT, "| same, p99 (%,d queries) | %.3f ms |%n", queries, latencies[1]);
            System.out.printf(Locale.ROOT, "fast_rows_per_s=%.0f idempotent_rows_per_s=%.0f window_p50_ms=%.3f "
                    + "window_p99_ms=%.3f%n", fastRate, requestRate, latencies[0], latencies[1]);
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /**
     * Per batch, the reading the store inserts last (highest series id, then earliest time): stored beforehand,
     * it makes the optimistic plain {@code INSERT} do all its work before it fails.
     */
    private static List<Reading> lastKeyOfEachBatch(List<Reading> all, int batch) {
        List<Reading> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batch) {
            Reading last = null;
            for (Reading r : all.subList(from, Math.min(all.size(), from + batch))) {
                int c = last == null ? 1 : r.seriesId().compareTo(last.seriesId());
                if (c > 0 || c == 0 && r.timestamp() < last.timestamp()) {
                    last = r;
                }
            }
            out.add(last);
        }
        return out;
    }

    /** Readings of {@code series} sensors at one-second steps, interleaved by time as live ingestion sends them. */
    private static List<List<Reading>> readings(int rows, int series) {
        SplittableRandom random = new SplittableRandom(42);
        List<List<Reading>> out = new ArrayList<>();
        List<Reading> all = new ArrayList<>(rows);
        String[] ids = new String[series];
        for (int s = 0; s < series; s++) {
            ids[s] = String.format(Locale.ROOT, "sensor-%04d", s);
        }
        for (int i = 0; i < rows; i++) {
            all.add(new Reading(ids[i % series], T0 + (i / series) * 1000L, 20.0 + random.nextGaussian()));
        }
        out.add(all);
        return out;
    }

    private interface Append {
        IngestResult append(List<Reading> batch);
    }

    private static Cpu cpu;

    private static double ingest(String what, List<List<Reading>> data, int batch, Append append,
            long expectedNew) {
        List<Reading> all = data.get(0);
        double cpuStart = cpu.seconds();
        double backendStart = cpu.backendSeconds();
        long start = System.nanoTime();
        IngestResult total = new IngestResult(0, 0);
        for (int from = 0; from < all.size(); from += batch) {
            total = total.plus(append.append(all.subList(from, Math.min(all.size(), from + batch))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (total.inserted() != expectedNew || total.duplicates() != all.size() - expectedNew) {
            throw new IllegalStateException(what + ": expected " + expectedNew + " new of " + all.size() + ", got "
                    + total);
        }
        double rate = all.size() / seconds;
        double cpuSeconds = cpu.seconds() - cpuStart;
        double backendSeconds = cpu.backendSeconds() - backendStart;
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s = %,.0f rows/s; CPU %.2f s (server backend %.2f s, "
                + "JVM %.2f s) = %,.0f rows per CPU-second%n", what, all.size(), seconds, rate, cpuSeconds,
                backendSeconds, cpuSeconds - backendSeconds, all.size() / cpuSeconds);
        return rate;
    }

    /** Fills the table with raw text COPY (no duplicate handling: this is set-up, not a measurement). */
    private static void bulkLoad(Connection c, String table, int rows, int series) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int chunk = 500_000;
        StringBuilder sb = new StringBuilder(chunk * 36);
        SplittableRandom random = new SplittableRandom(7);
        for (int from = 0; from < rows; from += chunk) {
            sb.setLength(0);
            for (int i = from; i < Math.min(rows, from + chunk); i++) {
                sb.append("sensor-").append(String.format(Locale.ROOT, "%04d", i % series)).append('\t')
                        .append(T0 + (i / series) * 1000L).append('\t').append(20.0 + random.nextGaussian())
                        .append('\n');
            }
            byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                    + " (series_id, ts_ms, value) FROM STDIN");
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE " + table);
        }
    }

    private static double[] windowLatencies(JdbcReadingStore store, int series, int queries, int perSeries) {
        SplittableRandom random = new SplittableRandom(11);
        int expected = Math.min(1000, perSeries);
        for (int i = 0; i < Math.max(200, queries / 5); i++) { // warm-up: JIT, plan cache, buffers
            check(store.latest(String.format(Locale.ROOT, "sensor-%04d", random.nextInt(series)), 1000), expected);
        }
        double[] ms = new double[queries];
        double backendStart = cpu.backendSeconds();
        for (int i = 0; i < queries; i++) {
            String id = String.format(Locale.ROOT, "sensor-%04d", random.nextInt(series));
            long start = System.nanoTime();
            TimeSeries window = store.latest(id, 1000);
            ms[i] = (System.nanoTime() - start) / 1e6;
            check(window, expected);
        }
        double mean = Arrays.stream(ms).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "window query: mean %.3f ms wall, %.3f ms server backend CPU per query%n", mean,
                (cpu.backendSeconds() - backendStart) * 1000 / queries);
        Arrays.sort(ms);
        return new double[] {ms[(int) Math.ceil(0.50 * queries) - 1], ms[(int) Math.ceil(0.99 * queries) - 1]};
    }

    private static void check(TimeSeries window, int expected) {
        if (window.size() != expected) {
            throw new IllegalStateException("window query returned " + window.size() + " readings, expected "
                    + expected);
        }
    }

    /** CPU seconds of this JVM and of the server backend serving {@code connection} (same host only). */
    private static final class Cpu {
        private final long backend;

        Cpu(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
        }

        double seconds() {
            double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return jvm + backendSeconds();
        }

        /** utime + stime of the backend from /proc (clock ticks of 1/100 s); NaN when not on this host. */
        double backendSeconds() {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + backend + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
    }

    private static int positive(CommandLine cl, String name, String fallback) {
        String raw = cl.optional(name, fallback);
        try {
            int v = Integer.parseInt(raw);
            if (v < 1) {
                throw new CommandLine.UsageException("--" + name + " must be at least 1, got " + v + "\n" + USAGE);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--" + name + " must be a whole number, got '" + raw + "'\n" + USAGE);
        }
    }

    /** One connection handed out again and again (close is a no-op), as a pool of one would. */
    private static final class ReusedConnection implements DataSource {
        private final Connection connection;
        private final Connection proxy;

        ReusedConnection(Connection connection) {
            this.connection = connection;
            this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, method, a) -> {
                        if (method.getName().equals("close")) {
                            if (!connection.getAutoCommit()) {
                                connection.rollback();
                                connection.setAutoCommit(true);
                            }
                            return null;
                        }
                        if (method.getName().equals("unwrap")) {
                            return connection.unwrap((Class<?>) a[0]);
                        }
                        try {
                            return method.invoke(connection, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() {
            return proxy;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("one connection only");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
