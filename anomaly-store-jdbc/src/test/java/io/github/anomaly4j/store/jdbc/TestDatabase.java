package io.github.anomaly4j.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The PostgreSQL the *IT tests use: the server named by {@code ANOMALY4J_TEST_JDBC_URL} (a full JDBC URL with user
 * and password; that is how TimescaleDB is tested), or else one embedded PostgreSQL started once per JVM. Each
 * test gets its own table prefix in the schema {@code anomaly4j_it_<pid>}, dropped when the JVM ends.
 */
final class TestDatabase {
    static final String URL_VARIABLE = "ANOMALY4J_TEST_JDBC_URL";
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static TestDatabase instance;

    private final EmbeddedPostgres embedded;
    private final UrlDataSource direct;
    private final TestPool pool;
    private final String schema = "anomaly4j_it_" + ProcessHandle.current().pid();

    private TestDatabase() throws IOException, SQLException {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            embedded = null;
            direct = new UrlDataSource(url, "anomaly4j-it");
        } else {
            embedded = EmbeddedPostgres.builder().start();
            direct = new UrlDataSource(embedded.getJdbcUrl("postgres", "postgres"), "anomaly4j-it");
        }
        pool = new TestPool(direct, 16);
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "anomaly4j-it-cleanup"));
    }

    static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                instance = new TestDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("could not reach the test database: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    boolean embedded() {
        return embedded != null;
    }

    /** A pooled data source, as a host application would pass. */
    DataSource pool() {
        return pool;
    }

    /** A data source that opens a new connection per call. */
    UrlDataSource direct() {
        return direct;
    }

    String schema() {
        return schema;
    }

    /** @return a configuration builder for a fresh, unused table prefix in the test schema */
    JdbcStoreConfig.Builder freshConfig() {
        return JdbcStoreConfig.builder().schema(schema).tablePrefix("t" + PREFIXES.incrementAndGet() + "_");
    }

    private void cleanUp() {
        pool.closeAll();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
            return;
        }
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException ignored) {
            // best effort on a shared server
        }
    }
}
