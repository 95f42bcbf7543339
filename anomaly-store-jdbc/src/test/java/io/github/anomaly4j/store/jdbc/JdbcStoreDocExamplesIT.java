package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.spi.Spec;
import io.github.anomaly4j.spi.StoreContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The examples of docs/jdbc-store.md, compiled and run against the test database. */
class JdbcStoreDocExamplesIT {
    private final DataSource dataSource = TestDatabase.get().pool();

    @AfterEach
    void dropTheExampleSchema() throws SQLException {
        try (Connection c = TestDatabase.get().direct().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS sensors CASCADE");
        }
    }

    @Test
    void openIngestQueryAndPublish() {
        // snippet:begin jdbc-open
        JdbcStoreConfig config = JdbcStoreConfig.builder()
                .schema("sensors")            // created by the migrations if missing
                .tablePrefix("anomaly_")      // tables sensors.anomaly_readings, ...
                .build();
        JdbcReadingStore readings = new JdbcReadingStore(dataSource, config);   // migrates (AUTO)
        JdbcDetectionStore detections = new JdbcDetectionStore(dataSource, config);
        JdbcModelStore models = new JdbcModelStore(dataSource, config);
        System.out.println(readings.storageMode()); // "plain PostgreSQL on server 170006: ..." or "TimescaleDB ..."
        // snippet:end jdbc-open

        // snippet:begin jdbc-ingest
        List<Reading> batch = List.of(
                new Reading("pump-1", 1_700_000_000_000L, 20.5),
                new Reading("pump-1", 1_700_000_060_000L, 20.7));
        IngestResult first = readings.append(batch);                // 2 inserted, 0 duplicates
        IngestResult again = readings.append(batch);                // 0 inserted, 2 duplicates
        IngestResult keyed = readings.append("delivery-17", batch); // a batch key: applied at most once
        TimeSeries window = readings.latest("pump-1", 1_000);       // oldest first, for forecasting
        List<ReadingBucket> perMinute = readings.aggregate("pump-1", 1_700_000_000_000L, 1_700_000_120_000L,
                Duration.ofMinutes(1));                              // count, min, max, mean per bucket
        // snippet:end jdbc-ingest
        assertThat(first).isEqualTo(new IngestResult(2, 0));
        assertThat(again).isEqualTo(new IngestResult(0, 2));
        assertThat(keyed).isEqualTo(new IngestResult(0, 2));
        assertThat(window.size()).isEqualTo(2);
        assertThat(perMinute).hasSize(2);

        // snippet:begin jdbc-models
        ModelVersion v1 = models.publish("pump-1", new byte[] {1, 2, 3}, Map.of("trainedOn", "2024-01"));
        ModelVersion v2 = models.publish("pump-1", new byte[] {4, 5, 6}, Map.of("trainedOn", "2024-02"));
        models.promote("pump-1", v2.version());        // v2 serves now
        models.rollback("pump-1");                     // back to v1
        byte[] bytes = models.load("pump-1", v1.version()); // SHA-256 checked before returning
        // snippet:end jdbc-models
        assertThat(models.active("pump-1").orElseThrow().version()).isEqualTo(1);
        assertThat(bytes).containsExactly(1, 2, 3);
        assertThat(detections.storageMode()).isEqualTo(readings.storageMode());
    }

    @Test
    void exportAndValidate() {
        new JdbcReadingStore(dataSource, JdbcStoreConfig.builder().schema("sensors").build());
        // snippet:begin jdbc-export
        JdbcSchema schema = JdbcSchema.of(dataSource, JdbcStoreConfig.builder().schema("sensors").build());
        String sql = schema.exportSql(schema.detect()); // hand this to the DBA: psql -v ON_ERROR_STOP=1 -f
        JdbcStoreConfig managed = JdbcStoreConfig.builder()
                .schema("sensors")
                .migrationMode(JdbcStoreConfig.MigrationMode.VALIDATE) // never changes the schema
                .build();
        JdbcReadingStore readings = new JdbcReadingStore(dataSource, managed); // refuses a missing or drifted one
        // snippet:end jdbc-export
        assertThat(sql).contains("CREATE TABLE \"sensors\".\"anomaly_readings\"");
        assertThat(readings.seriesIds()).isEmpty();
    }

    @Test
    void timescaleSettingsAndTheProvider() {
        // snippet:begin jdbc-timescale
        JdbcStoreConfig config = JdbcStoreConfig.builder()
                .schema("sensors")
                .timescale(JdbcStoreConfig.TimescaleMode.AUTO) // used when installed and preloaded
                .chunkInterval(Duration.ofDays(1))
                .compressAfter(Duration.ofDays(7))              // columnstore (compression before 2.18)
                .retention(Duration.ofDays(180))
                .continuousAggregates(true)                     // readings_1m and readings_1h
                .build();
        // snippet:end jdbc-timescale

        // snippet:begin jdbc-provider
        ReadingStore store = Anomaly.readingStore(Spec.of("postgresql").with("retentionDays", 90),
                StoreContext.of(dataSource, config));
        // snippet:end jdbc-provider
        assertThat(store).isInstanceOf(JdbcReadingStore.class);
        assertThat(((JdbcReadingStore) store).storageMode().timescale()).isEqualTo(
                JdbcSchema.of(dataSource, config).detect().timescale());
    }
}
