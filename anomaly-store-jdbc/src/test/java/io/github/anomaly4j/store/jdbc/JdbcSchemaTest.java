package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcSchemaTest {
    private static final JdbcStoreConfig CONFIG = JdbcStoreConfig.builder().schema("metrics").tablePrefix("a4j_")
            .build();

    @Test
    void storageModeKnowsTheColumnstoreNamesFrom218() {
        assertThat(new StorageMode(170000, "2.17.2", "x").columnstoreNames()).isFalse();
        assertThat(new StorageMode(170000, "2.18.0", "x").columnstoreNames()).isTrue();
        assertThat(new StorageMode(170000, "2.21.3", "x").columnstoreNames()).isTrue();
        assertThat(new StorageMode(170000, "3.0.0-dev", "x").columnstoreNames()).isTrue();
        assertThat(new StorageMode(170000, null, "x").timescale()).isFalse();
    }

    @Test
    void exportNeedsNoDatabaseAndNamesTheRightTimescaleCalls() {
        CountingDataSource db = new CountingDataSource();
        JdbcSchema schema = JdbcSchema.of(db, CONFIG);
        String plain = schema.exportSql(new StorageMode(170000, null, "test"));
        assertThat(plain).contains("CREATE TABLE \"metrics\".\"a4j_readings\"", "USING brin (ts_ms)",
                "INSERT INTO \"metrics\".\"a4j_schema_history\"").doesNotContain("timescaledb", "${");
        String current = schema.exportSql(new StorageMode(170000, "2.18.1", "test"));
        assertThat(current).contains("CREATE EXTENSION IF NOT EXISTS timescaledb", "create_hypertable",
                "add_columnstore_policy", "timescaledb.enable_columnstore", "add_retention_policy",
                "drop_after => 15552000000::bigint", "after => 604800000::bigint", "readings_1m", "readings_1h",
                "add_continuous_aggregate_policy").doesNotContain("add_compression_policy", "${");
        String old = schema.exportSql(new StorageMode(160000, "2.14.2", "test"));
        assertThat(old).contains("add_compression_policy", "timescaledb.compress_segmentby")
                .doesNotContain("add_columnstore_policy");
        assertThat(db.requests.get()).as("connections requested").isZero();
    }

    @Test
    void migrationsAreOrderedAndChecksummed() {
        JdbcSchema schema = JdbcSchema.of(new CountingDataSource(), CONFIG);
        List<JdbcSchema.Migration> all = schema.migrations(new StorageMode(170000, "2.18.0", "t"));
        assertThat(all).extracting(JdbcSchema.Migration::version).containsExactly("V1", "T1", "T2", "T3", "T4");
        assertThat(all).allSatisfy(m -> assertThat(m.checksum()).matches("[0-9a-f]{64}"));
        assertThat(schema.migrations(new StorageMode(170000, null, "t"))).extracting(JdbcSchema.Migration::version)
                .containsExactly("V1");
        JdbcSchema other = JdbcSchema.of(new CountingDataSource(), JdbcStoreConfig.builder().tablePrefix("b_").build());
        assertThat(other.migrations(new StorageMode(170000, null, "t")).get(0).checksum())
                .as("the checksum covers the SQL as rendered for the prefix")
                .isNotEqualTo(all.get(0).checksum());
    }

    @Test
    void scriptsSplitAtTopLevelSemicolonsOnly() {
        List<String> parts = SqlScript.split("-- a; comment\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS "
                + "$$ SELECT 1; $$;\nSELECT 'a;b';\nSELECT \"x;y\" FROM t; ");
        assertThat(parts).containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$",
                "SELECT 'a;b'", "SELECT \"x;y\" FROM t");
    }
}
