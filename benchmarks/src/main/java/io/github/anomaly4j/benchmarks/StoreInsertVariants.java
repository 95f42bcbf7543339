package io.github.anomaly4j.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Where the server's time goes when readings are inserted: the same rows through {@code unnest} into a bare
 * table with different indexes and conflict handling, measured as CPU of the server backend per row (from
 * {@code /proc}, so the server must run on this host; embedded by default).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.StoreInsertVariants [--rows 300000]
 * </pre>
 */
public final class StoreInsertVariants {
    private static final String USAGE = "usage: StoreInsertVariants [--rows N] [--repeat N]";
    private static final String TEXT_ARRAYS =
            "unnest(?::text[], ?::bigint[], ?::float8[]) WITH ORDINALITY u(s, x, v, o)";
    private static final String[][] VARIANTS = {
        {"no index, plain INSERT", "SELECT 1", "INSERT INTO t SELECT s, x, v FROM " + TEXT_ARRAYS},
        {"unique (series_id, ts_ms DESC), plain INSERT", "CREATE UNIQUE INDEX ON t (series_id, ts_ms DESC)",
            "INSERT INTO t SELECT s, x, v FROM " + TEXT_ARRAYS},
        {"unique + BRIN, ON CONFLICT DO NOTHING", "CREATE UNIQUE INDEX ON t (series_id, ts_ms DESC); "
            + "CREATE INDEX ON t USING brin (ts_ms)", "INSERT INTO t SELECT s, x, v FROM " + TEXT_ARRAYS
            + " ON CONFLICT DO NOTHING"},
        {"unique + BRIN, key order, ON CONFLICT (the store)", "CREATE UNIQUE INDEX ON t (series_id, ts_ms DESC); "
            + "CREATE INDEX ON t USING brin (ts_ms)", "INSERT INTO t SELECT s, x, v FROM " + TEXT_ARRAYS
            + " ORDER BY s COLLATE \"C\", x DESC, o ON CONFLICT DO NOTHING"},
        {"unique + BRIN, key order, NOT EXISTS anti-join", "CREATE UNIQUE INDEX ON t (series_id, ts_ms DESC); "
            + "CREATE INDEX ON t USING brin (ts_ms)", "INSERT INTO t SELECT DISTINCT ON (s COLLATE \"C\", x) s, x, v "
            + "FROM " + TEXT_ARRAYS + " WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.series_id = u.s AND t.ts_ms = u.x) "
            + "ORDER BY s COLLATE \"C\", x DESC, o"},
        {"int series key, unique, ON CONFLICT", "ALTER TABLE t ALTER series_id TYPE int USING 0; "
            + "CREATE UNIQUE INDEX ON t (series_id, ts_ms DESC)", "INSERT INTO t SELECT substr(s, 8)::int, x, v FROM "
            + TEXT_ARRAYS + " ON CONFLICT DO NOTHING"},
    };

    private StoreInsertVariants() {
    }

    /**
     * Runs every variant.
     *
     * @param args {@code --rows N} (default 300,000) and {@code --repeat N} (default 2)
     */
    public static void main(String[] args) {
        CommandLine.run(args, StoreInsertVariants::run);
    }

    private static void run(String[] args) {
        CommandLine cl = CommandLine.parse(args, Set.of("rows", "repeat"), USAGE);
        int rows = Integer.parseInt(cl.optional("rows", "300000"));
        int repeat = Integer.parseInt(cl.optional("repeat", "2"));
        int batch = 10_000;
        if (rows < batch || rows % batch != 0) {
            throw new CommandLine.UsageException("--rows must be a positive multiple of " + batch + "\n" + USAGE);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "8GB").start();
                Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
            long pid;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getLong(1);
            }
            System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
            String[] ids = new String[rows];
            long[] ts = new long[rows];
            double[] vs = new double[rows];
            for (int i = 0; i < rows; i++) {
                ids[i] = String.format(Locale.ROOT, "sensor-%04d", i % 100);
                ts[i] = 1_704_067_200_000L + (i / 100) * 1000L;
                vs[i] = i * 0.1;
            }
            System.out.println("| variant | server CPU per row |");
            System.out.println("|---|---|");
            for (int r = 0; r < repeat; r++) {
                for (String[] v : VARIANTS) {
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE IF EXISTS t; CREATE TABLE t (series_id text COLLATE \"C\" NOT NULL, "
                                + "ts_ms bigint NOT NULL, value float8 NOT NULL); " + v[1]);
                    }
                    double before = cpuSeconds(pid);
                    try (PreparedStatement ps = c.prepareStatement(v[2])) {
                        for (int f = 0; f < rows; f += batch) {
                            ps.setArray(1, c.createArrayOf("text", Arrays.copyOfRange(ids, f, f + batch)));
                            ps.setObject(2, Arrays.copyOfRange(ts, f, f + batch));
                            ps.setObject(3, Arrays.copyOfRange(vs, f, f + batch));
                            ps.executeUpdate();
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %s | %.2f µs |%n", v[0],
                            (cpuSeconds(pid) - before) * 1e6 / rows);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
}
