package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbcStoreConfigTest {

    @Test
    void anInjectionInTheTablePrefixIsRefusedBeforeAnySqlRuns() {
        CountingDataSource database = new CountingDataSource();
        assertThatThrownBy(() -> new JdbcReadingStore(database, JdbcStoreConfig.builder()
                .tablePrefix("x\"; drop table y;--").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix must match ^[a-z_][a-z0-9_]{0,62}$")
                .hasMessageContaining("'x\"; drop table y;--'")
                .hasMessageContaining("refused before any SQL was run");
        assertThatThrownBy(() -> JdbcStoreConfig.builder().schema("x\"; drop table y;--"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema must match");
        JdbcStoreConfig good = JdbcStoreConfig.defaults();
        assertThatThrownBy(() -> new JdbcStoreConfig("x\"; drop table y;--", "", good.migrationMode(),
                good.timescale(), good.chunkInterval(), good.compressAfter(), good.retention(), true, 1, 1,
                Duration.ZERO, Duration.ZERO, Duration.ofDays(1), true))
                .as("the record's own constructor checks too").isInstanceOf(IllegalArgumentException.class);
        assertThat(database.requests.get()).as("connections requested").isZero();
    }

    @Test
    void identifiersOutsideThePatternAreRefused() {
        for (String bad : new String[] {"", "A", "1abc", "a-b", "a b", "ä", "x".repeat(64), "a;b", "a\"b"}) {
            assertThatThrownBy(() -> JdbcStoreConfig.requireIdentifier("schema", bad)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JdbcStoreConfig.requireIdentifier("schema", "_a1")).isEqualTo("_a1");
        assertThat(JdbcStoreConfig.requireIdentifier("schema", "x".repeat(63))).hasSize(63);
    }

    @Test
    void tableNamesAreQuotedAndQualified() {
        JdbcStoreConfig config = JdbcStoreConfig.builder().schema("user").tablePrefix("order_").build();
        assertThat(config.table("readings")).isEqualTo("\"user\".\"order_readings\"");
        assertThat(JdbcStoreConfig.builder().tablePrefix("").build().table("models"))
                .isEqualTo("\"public\".\"models\"");
        assertThatThrownBy(() -> JdbcStoreConfig.builder().tablePrefix("p".repeat(43)).build())
                .hasMessageContaining("at most 42 characters");
    }

    @Test
    void policiesAreCheckedAgainstEachOther() {
        assertThatThrownBy(() -> JdbcStoreConfig.builder().compressAfter(Duration.ofHours(1)).build())
                .hasMessageContaining("compressAfter must be zero (off) or at least chunkInterval");
        assertThatThrownBy(() -> JdbcStoreConfig.builder().retention(Duration.ofDays(7)).build())
                .hasMessageContaining("retention must be zero (off) or longer than compressAfter");
        assertThatThrownBy(() -> JdbcStoreConfig.builder().chunkInterval(Duration.ofSeconds(1)).build())
                .hasMessageContaining("chunkInterval must be at least");
        assertThatThrownBy(() -> JdbcStoreConfig.builder().retries(0, Duration.ZERO, Duration.ZERO).build())
                .hasMessageContaining("maxAttempts must be in [1, 100], got 0");
        assertThatThrownBy(() -> JdbcStoreConfig.builder().copyThreshold(0).build())
                .hasMessageContaining("copyThreshold must be at least 1");
        JdbcStoreConfig off = JdbcStoreConfig.builder().compressAfter(Duration.ZERO).retention(Duration.ZERO).build();
        assertThat(off.retention()).isZero();
    }
}
