package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Runs a unit of work in one transaction on a connection from the data source, retrying it with bounded,
 * jittered exponential backoff when the failure is transient: serialization failure (40001), deadlock (40P01),
 * a lost or refused connection (class 08), or the server shutting down or starting up (57P01, 57P02, 57P03).
 * Data errors (classes 22 and 23) and everything else fail at once. Every retried unit must be idempotent: the
 * stores' writes are {@code INSERT ... ON CONFLICT DO NOTHING} in a transaction, so a unit whose commit was lost
 * can run again without storing anything twice.
 */
final class Transactions {
    private final DataSource dataSource;
    private final JdbcStoreConfig config;
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    /** A unit of work on a connection whose transaction the caller commits. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    Transactions(DataSource dataSource, JdbcStoreConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** @return attempts repeated after a transient failure, since this object was made */
    long retries() {
        return retries.get();
    }

    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("22") || state.startsWith("23")) {
                    return false;
                }
                if (state.equals("40001") || state.equals("40P01") || state.startsWith("08")
                        || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param what what the work does, for the message of a final failure
     * @param work the unit of work
     * @return its result, after the commit
     * @throws StoreException when the work fails for good or after the last attempt
     */
    <T> T inTransaction(String what, Work<T> work) {
        return run(what, true, true, work);
    }

    /**
     * As {@link #inTransaction}, for work that must not run twice (publishing a model version): it is retried
     * only when it certainly did not commit, and a connection lost during the commit itself is reported as an
     * unknown outcome.
     */
    <T> T inTransactionOnce(String what, Work<T> work) {
        return run(what, true, false, work);
    }

    /** As {@link #inTransaction} but in autocommit mode, for single read-only statements. */
    <T> T autocommit(String what, Work<T> work) {
        return run(what, false, true, work);
    }

    private <T> T run(String what, boolean transaction, boolean idempotent, Work<T> work) {
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                if (autoCommit == transaction) {
                    c.setAutoCommit(!transaction);
                }
                try {
                    T result = work.run(c);
                    if (transaction) {
                        try {
                            c.commit();
                        } catch (SQLException e) {
                            if (!idempotent && isTransient(e)
                                    && (e.getSQLState() == null || !e.getSQLState().startsWith("40"))) {
                                throw new StoreException(what + ": the connection failed during COMMIT, so it is "
                                        + "unknown whether the change was stored; check before repeating it", e);
                            }
                            throw e;
                        }
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    if (transaction) {
                        rollbackQuietly(c, e);
                    }
                    throw e;
                } finally {
                    if (!c.isClosed() && c.getAutoCommit() != autoCommit) {
                        resetQuietly(c, autoCommit);
                    }
                }
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw new StoreException(what + " failed (SQLState " + e.getSQLState() + "): " + e.getMessage(),
                            e);
                }
                if (attempt >= config.maxAttempts()) {
                    throw new StoreException(what + " failed after " + attempt + " attempts; last error (SQLState "
                            + e.getSQLState() + "): " + e.getMessage(), e);
                }
                retries.incrementAndGet();
                sleep(what, ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                backoff = Math.min(Math.max(1, backoff * 2), config.maxBackoff().toMillis());
            }
        }
    }

    private static void sleep(String what, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + " was interrupted while waiting to retry", e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void resetQuietly(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it on close
        }
    }
}
