package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import io.github.anomaly4j.spi.StoreContext;
import io.github.anomaly4j.spi.StoreProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the kits do not cover: aggregates, batch keys of detections, the SPI provider. */
class JdbcStoresFeaturesIT {
    private static final long T0 = 1_704_067_200_000L;
    private final TestDatabase db = TestDatabase.get();

    @Test
    void bucketedAggregatesLeaveOutMissingValuesAndEmptyBuckets() {
        JdbcReadingStore store = new JdbcReadingStore(db.pool(), db.freshConfig().build());
        List<Reading> readings = new ArrayList<>();
        for (int s = 0; s < 180; s++) { // minutes 0, 1, 2 at one reading per second; minute 4 has one
            readings.add(new Reading("pump", T0 + s * 1000L, s < 60 ? s : s < 120 ? 100.0 : Double.NaN));
        }
        readings.add(new Reading("pump", T0 + 4 * 60_000L + 5, 7.0));
        readings.add(new Reading("other", T0, 1e6));
        store.append(readings);
        List<ReadingBucket> buckets = store.aggregate("pump", T0 + 30_000, T0 + 5 * 60_000, Duration.ofMinutes(1));
        assertThat(buckets).containsExactly(new ReadingBucket(T0, 60, 0.0, 59.0, 29.5),
                new ReadingBucket(T0 + 60_000, 60, 100.0, 100.0, 100.0),
                new ReadingBucket(T0 + 4 * 60_000, 1, 7.0, 7.0, 7.0));
        assertThat(store.aggregate("pump", T0, T0 + 3_600_000, Duration.ofHours(1)))
                .containsExactly(new ReadingBucket(T0, 121, 0.0, 100.0, (1770.0 + 6000.0 + 7.0) / 121));
        assertThat(store.aggregate("pump", T0, T0, Duration.ofMinutes(1))).isEmpty();
        assertThatThrownBy(() -> store.aggregate("pump", T0, T0 + 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detectionBatchesWithAKeyApplyOnce() {
        JdbcDetectionStore store = new JdbcDetectionStore(db.pool(), db.freshConfig().build());
        List<DetectionRecord> batch = List.of(new DetectionRecord("s", "mad", Detection.of(T0, 1.0, 0.5, false, 2.0)),
                new DetectionRecord("s", "mad", Detection.of(T0 + 1, 3.0, 0.9, true, 2.0)));
        assertThat(store.append("k1", batch)).isEqualTo(new IngestResult(2, 0));
        assertThat(store.append("k1", batch)).isEqualTo(new IngestResult(0, 2));
        assertThat(store.append("k2", batch)).as("another key, same rows").isEqualTo(new IngestResult(0, 2));
        assertThat(store.purgeExpiredBatchKeys()).as("nothing is older than the TTL").isZero();
    }

    @Test
    void expiredBatchKeysCountAsNewAndArePurged() throws Exception {
        JdbcStoreConfig config = db.freshConfig().batchKeyTtl(Duration.ofDays(1)).build();
        JdbcReadingStore store = new JdbcReadingStore(db.pool(), config);
        List<Reading> first = List.of(new Reading("s", T0, 1.0));
        List<Reading> second = List.of(new Reading("s", T0 + 1, 2.0));
        assertThat(store.append("old", first)).isEqualTo(new IngestResult(1, 0));
        assertThat(store.append("older", first)).isEqualTo(new IngestResult(0, 1));
        try (java.sql.Connection c = db.direct().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("UPDATE " + config.table("ingest_batches") + " SET received_at = now() - interval '2 days'");
        }
        assertThat(store.append("old", second)).as("a key past its TTL is new again")
                .isEqualTo(new IngestResult(1, 0));
        assertThat(store.purgeExpiredBatchKeys()).as("keys purged: 'older' (the renewed 'old' stays)").isEqualTo(1);
        assertThat(store.append("old", second)).as("the renewed key is remembered").isEqualTo(new IngestResult(0, 1));
    }

    @Test
    void theProviderIsFoundByServiceLoaderAndBuildsAllThreeStores() {
        StoreProvider provider = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("postgresql")).findFirst().orElseThrow();
        assertThat(provider.kinds()).containsExactlyInAnyOrder(StoreProvider.Kind.values());
        Settings settings = Settings.resolve(Spec.of("postgresql").with("copyThreshold", 10)
                .with("timescale", "OFF"), provider.parameters());
        assertThatThrownBy(() -> provider.createReadingStore(settings, StoreContext.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("javax.sql.DataSource");
        StoreContext context = StoreContext.of(db.pool(), db.freshConfig().build());
        ReadingStore readings = provider.createReadingStore(settings, context);
        DetectionStore detections = provider.createDetectionStore(settings, context);
        ModelStore models = provider.createModelStore(settings, context);
        assertThat(readings.append(List.of(new Reading("a", 1, 1.0))).inserted()).isEqualTo(1);
        assertThat(detections.append(List.of(new DetectionRecord("a", "z", Detection.of(1, 1, 0.1, false, 2))))
                .inserted()).isEqualTo(1);
        assertThat(models.publish("m", new byte[] {1}, Map.of()).version()).isEqualTo(1);
        assertThat(((JdbcReadingStore) readings).storageMode().reason()).contains("switched off");
    }
}
