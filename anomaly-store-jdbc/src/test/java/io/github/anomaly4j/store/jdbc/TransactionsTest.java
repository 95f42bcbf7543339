package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private static final JdbcStoreConfig FIVE_QUICK_ATTEMPTS = JdbcStoreConfig.builder()
            .retries(5, Duration.ofMillis(1), Duration.ofMillis(2)).build();

    @Test
    void transientStatesAreRetriedAndDataErrorsAreNot() {
        for (String state : new String[] {"40001", "40P01", "08000", "08003", "08006", "08001", "57P01", "57P03"}) {
            assertThat(Transactions.isTransient(new SQLException("x", state))).as(state).isTrue();
        }
        for (String state : new String[] {"22001", "22P02", "23505", "23503", "42P01", "XX000", "53100"}) {
            assertThat(Transactions.isTransient(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(Transactions.isTransient(new SQLException("no state"))).isFalse();
        assertThat(Transactions.isTransient(new SQLException("wrapped", null, new SQLException("x", "08006"))))
                .as("a transient cause").isTrue();
    }

    @Test
    void aLostConnectionIsRetriedUpToTheLimitThenReported() {
        CountingDataSource db = new CountingDataSource();
        for (int i = 0; i < 10; i++) {
            db.failNextWith(new SQLException("connection refused", "08001"));
        }
        Transactions tx = new Transactions(db, FIVE_QUICK_ATTEMPTS);
        assertThatThrownBy(() -> tx.inTransaction("the work", c -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the work failed after 5 attempts").hasMessageContaining("08001");
        assertThat(db.requests.get()).as("connection attempts").isEqualTo(5);
        assertThat(tx.retries()).isEqualTo(4);
    }

    @Test
    void aDataErrorFailsAtOnce() {
        CountingDataSource db = new CountingDataSource().failNextWith(new SQLException("value too long", "22001"));
        Transactions tx = new Transactions(db, FIVE_QUICK_ATTEMPTS);
        assertThatThrownBy(() -> tx.inTransaction("the insert", c -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the insert failed (SQLState 22001)");
        assertThat(db.requests.get()).as("connection attempts").isEqualTo(1);
        assertThat(tx.retries()).isZero();
    }
}
