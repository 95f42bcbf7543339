package io.github.anomaly4j.store.jdbc;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.StoreContext;
import io.github.anomaly4j.spi.StoreProvider;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The store plugin {@code "postgresql"}: reading, detection and model stores on the {@link DataSource} in the
 * {@link StoreContext}. Schema and table prefix come from a {@link JdbcStoreConfig} in the context when one is
 * offered (identifiers are not plain spec values, so that a config file cannot smuggle SQL); the parameters below
 * override its other settings.
 */
@AutoService(StoreProvider.class)
public final class PostgresStoreProvider implements StoreProvider {
    /** The plugin id. */
    public static final String ID = "postgresql";

    static final Parameter<String> MIGRATION = Parameter.choice("migrationMode", "AUTO",
            List.of("AUTO", "VALIDATE", "NONE"), "apply missing migrations, only check them, or neither");
    static final Parameter<String> TIMESCALE = Parameter.choice("timescale", "AUTO", List.of("AUTO", "OFF", "REQUIRED"),
            "use TimescaleDB when installed and preloaded, never, or refuse to run without it");
    static final Parameter<Integer> CHUNK_HOURS = Parameter.integer("chunkIntervalHours", 24, 1, 24 * 366,
            "TimescaleDB chunk width in hours");
    static final Parameter<Integer> COMPRESS_DAYS = Parameter.integer("compressAfterDays", 7, 0, 36_500,
            "TimescaleDB columnstore/compression after this many days (0: off)");
    static final Parameter<Integer> RETENTION_DAYS = Parameter.integer("retentionDays", 180, 0, 36_500,
            "TimescaleDB drops chunks older than this many days (0: keep everything)");
    static final Parameter<Boolean> AGGREGATES = Parameter.bool("continuousAggregates", true,
            "TimescaleDB 1-minute and 1-hour continuous aggregates of readings");
    static final Parameter<Integer> COPY_THRESHOLD = Parameter.integer("copyThreshold", 2_000, 1, Integer.MAX_VALUE,
            "batches of at least this many readings are written with binary COPY");

    /** For {@link java.util.ServiceLoader}. */
    public PostgresStoreProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Readings, detections and model versions in PostgreSQL or TimescaleDB, with library-run migrations.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MIGRATION, TIMESCALE, CHUNK_HOURS, COMPRESS_DAYS, RETENTION_DAYS, AGGREGATES, COPY_THRESHOLD);
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.allOf(Kind.class);
    }

    @Override
    public ReadingStore createReadingStore(Settings settings, StoreContext context) {
        return new JdbcReadingStore(context.require(DataSource.class, ID), config(settings, context));
    }

    @Override
    public DetectionStore createDetectionStore(Settings settings, StoreContext context) {
        return new JdbcDetectionStore(context.require(DataSource.class, ID), config(settings, context));
    }

    @Override
    public ModelStore createModelStore(Settings settings, StoreContext context) {
        return new JdbcModelStore(context.require(DataSource.class, ID), config(settings, context));
    }

    static JdbcStoreConfig config(Settings settings, StoreContext context) {
        JdbcStoreConfig base = context.get(JdbcStoreConfig.class).orElseGet(JdbcStoreConfig::defaults);
        return JdbcStoreConfig.builder().schema(base.schema()).tablePrefix(base.tablePrefix())
                .retries(base.maxAttempts(), base.initialBackoff(), base.maxBackoff())
                .batchKeyTtl(base.batchKeyTtl())
                .migrationMode(JdbcStoreConfig.MigrationMode.valueOf(settings.get(MIGRATION)))
                .timescale(JdbcStoreConfig.TimescaleMode.valueOf(settings.get(TIMESCALE)))
                .chunkInterval(Duration.ofHours(settings.get(CHUNK_HOURS)))
                .compressAfter(Duration.ofDays(settings.get(COMPRESS_DAYS)))
                .retention(Duration.ofDays(settings.get(RETENTION_DAYS)))
                .continuousAggregates(settings.get(AGGREGATES))
                .copyThreshold(settings.get(COPY_THRESHOLD))
                .build();
    }
}
