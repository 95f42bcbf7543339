package io.github.anomaly4j.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests, standing in for the HikariCP a host would use: connections are reused,
 * and one that fails validation when handed back (its backend was terminated, the server restarted) is dropped.
 */
final class TestPool extends TestDataSource {
    private final DataSource target;
    private final LinkedBlockingDeque<Connection> idle;

    TestPool(DataSource target, int maxIdle) {
        this.target = target;
        this.idle = new LinkedBlockingDeque<>(maxIdle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = idle.pollFirst();
        while (real != null && real.isClosed()) {
            real = idle.pollFirst();
        }
        if (real == null) {
            real = target.getConnection();
        }
        Connection physical = real;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            release(physical);
                            return null;
                        }
                        case "unwrap" -> {
                            return ((Class<?>) args[0]).isInstance(physical) ? physical
                                    : physical.unwrap((Class<?>) args[0]);
                        }
                        case "isWrapperFor" -> {
                            return ((Class<?>) args[0]).isInstance(physical)
                                    || physical.isWrapperFor((Class<?>) args[0]);
                        }
                        default -> {
                            try {
                                return method.invoke(physical, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private void release(Connection physical) {
        try {
            if (!physical.isClosed() && physical.isValid(2)) {
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
                if (idle.offerFirst(physical)) {
                    return;
                }
            }
        } catch (SQLException ignored) {
            // broken: dropped below
        }
        try {
            physical.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    void closeAll() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the test pool has one user");
    }
}
