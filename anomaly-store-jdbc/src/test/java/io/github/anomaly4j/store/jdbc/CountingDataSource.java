package io.github.anomaly4j.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** A data source for tests without a database: counts connection requests and fails them as scripted. */
final class CountingDataSource extends TestDataSource {
    final AtomicInteger requests = new AtomicInteger();
    private final Deque<SQLException> failures = new ArrayDeque<>();

    /** Fails the next request with this exception (in the order added), then "no database" for the rest. */
    CountingDataSource failNextWith(SQLException e) {
        failures.add(e);
        return this;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        requests.incrementAndGet();
        SQLException next = failures.poll();
        throw next != null ? next : new SQLException("no database in this test", "XX000");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }
}
