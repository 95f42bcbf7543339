package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.store.Reading;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class JdbcSchemaIT {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void validateRefusesAMissingSchemaWithAClearMessage() {
        JdbcStoreConfig config = db.freshConfig().migrationMode(JdbcStoreConfig.MigrationMode.VALIDATE).build();
        assertThatThrownBy(() -> new JdbcReadingStore(db.pool(), config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no anomaly4j schema")
                .hasMessageContaining(config.table("schema_history") + " is missing")
                .hasMessageContaining("exportSql").hasMessageContaining("MigrationMode.AUTO");
    }

    @Test
    void autoMigratesOnceThenValidatePasses() {
        JdbcStoreConfig.Builder builder = db.freshConfig();
        JdbcStoreConfig auto = builder.build();
        JdbcSchema schema = JdbcSchema.of(db.pool(), auto);
        StorageMode mode = schema.migrate();
        if (db.embedded()) {
            assertThat(mode.timescale()).as("embedded PostgreSQL has no TimescaleDB").isFalse();
            assertThat(mode.reason()).contains("not available");
        }
        assertThat(schema.history()).extracting(JdbcSchema.AppliedMigration::version)
                .containsExactlyElementsOf(schema.migrations(mode).stream().map(JdbcSchema.Migration::version)
                        .toList());
        assertThat(schema.history().get(0).checksum()).isEqualTo(schema.migrations(mode).get(0).checksum());
        assertThat(schema.migrate()).as("a second migrate finds nothing to do").isEqualTo(mode);
        assertThat(schema.history()).hasSize(schema.migrations(mode).size());
        JdbcStoreConfig validate = builder.migrationMode(JdbcStoreConfig.MigrationMode.VALIDATE).build();
        JdbcReadingStore store = new JdbcReadingStore(db.pool(), validate);
        assertThat(store.storageMode()).isEqualTo(mode);
    }

    @Test
    void validateRefusesAChangedMigrationAndAMissingColumn() throws SQLException {
        JdbcStoreConfig config = db.freshConfig().build();
        JdbcSchema schema = JdbcSchema.of(db.pool(), config);
        schema.migrate();
        execute("UPDATE " + config.table("schema_history") + " SET checksum = repeat('0', 64) WHERE version = 'V1'");
        assertThatThrownBy(schema::validate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migration V1").hasMessageContaining("checksum " + "0".repeat(64));
        assertThatThrownBy(schema::migrate).as("AUTO refuses too").isInstanceOf(IllegalStateException.class);

        JdbcStoreConfig other = db.freshConfig().build();
        JdbcSchema second = JdbcSchema.of(db.pool(), other);
        second.migrate();
        execute("DROP VIEW " + other.table("detections_time"));
        execute("ALTER TABLE " + other.table("detections") + " DROP COLUMN expected");
        assertThatThrownBy(second::validate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has drifted").hasMessageContaining(other.tableName("detections")
                        + ".expected is missing");
    }

    @Test
    void concurrentStartsApplyEachMigrationOnce() throws Exception {
        JdbcStoreConfig config = db.freshConfig().build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<StorageMode>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(CompletableFuture.supplyAsync(() -> JdbcSchema.of(db.direct(), config).migrate(), pool));
            }
            for (CompletableFuture<StorageMode> f : starts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.direct().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT version) FROM "
                        + config.table("schema_history"))) {
            rs.next();
            assertThat(rs.getLong(1)).as("history rows after 4 concurrent starts").isEqualTo(rs.getLong(2));
        }
    }

    @Test
    void theExportedSqlAppliedByHandPassesValidation() throws SQLException {
        JdbcStoreConfig config = db.freshConfig().migrationMode(JdbcStoreConfig.MigrationMode.VALIDATE).build();
        JdbcSchema schema = JdbcSchema.of(db.pool(), config);
        StorageMode mode = schema.detect();
        try (Connection c = db.direct().getConnection(); Statement s = c.createStatement()) {
            s.execute(schema.exportSql(mode));
        }
        assertThat(schema.validate()).isEqualTo(mode);
        JdbcReadingStore store = new JdbcReadingStore(db.pool(), config);
        assertThat(store.append(List.of(new Reading("s", 1, 2.0))).inserted()).isEqualTo(1);
    }

    @Test
    void anInjectedTableNameNeverReachesTheDatabase() throws SQLException {
        execute("CREATE TABLE IF NOT EXISTS " + db.schema() + ".y (id int)");
        assertThatThrownBy(() -> db.freshConfig().tablePrefix("x\"; drop table y;--"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused before any SQL");
        try (Connection c = db.direct().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('" + db.schema() + ".y') IS NOT NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("table y still exists").isTrue();
        }
    }

    @Test
    void requiredTimescaleIsRefusedWhereItIsMissing() {
        JdbcStoreConfig config = db.freshConfig().timescale(JdbcStoreConfig.TimescaleMode.REQUIRED).build();
        StorageMode plain = JdbcSchema.of(db.pool(), db.freshConfig().build()).detect();
        if (!plain.timescale()) {
            assertThatThrownBy(() -> new JdbcDetectionStore(db.pool(), config))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("TimescaleDB is REQUIRED");
        }
        JdbcStoreConfig off = db.freshConfig().timescale(JdbcStoreConfig.TimescaleMode.OFF).build();
        assertThat(JdbcSchema.of(db.pool(), off).detect().reason()).contains("switched off");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.direct().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
