package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.IncompatibleModelException;
import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.core.store.FileModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over a real {@link FileModelStore}: publish, list, promote, roll back, load, refuse tampering. */
class ModelRegistryTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path directory;

    private static TimeSeries series(long seed, double level) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] ts = new long[2000];
        double[] v = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = T0 + 60_000L * i;
            v[i] = level + r.nextGaussian();
        }
        return TimeSeries.of(ts, "load", v);
    }

    private static Pipeline fit(long seed, double level) {
        return Anomaly.pipeline().detector(Anomaly.detector("zscore", Map.of("window", 50)))
                .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .fit(series(seed, level));
    }

    private static double scoreOf(Pipeline p, double value) {
        return p.fresh().process(T0 + 60_000L * 3000, value).score();
    }

    @Test
    void publishPromoteRollbackAndLoadThroughTheFileStore() {
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(directory));
        Pipeline first = fit(1, 10.0);
        Pipeline second = fit(2, 50.0);

        ModelVersion v1 = registry.publish("line-3", first);
        ModelVersion v2 = registry.publish("line-3", second, Map.of("reason", "drift"));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.active()).as("the first version becomes active").isTrue();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.active()).as("later versions wait for promotion").isFalse();
        assertThat(v2.provenance())
                .containsEntry("kind", "pipeline")
                .containsEntry("type", "pipeline")
                .containsEntry("extra.reason", "drift")
                .containsEntry("created", "2026-01-02T03:04:05Z")
                .containsEntry("library.version", Provenance.LIBRARY_VERSION)
                .containsEntry("training.readings", "2000");
        assertThat(registry.versions("line-3")).extracting(ModelVersion::version, ModelVersion::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true),
                        org.assertj.core.groups.Tuple.tuple(2, false));

        assertThat(scoreOf(registry.activePipeline("line-3"), 12.0)).isEqualTo(scoreOf(first, 12.0));

        registry.promote("line-3", 2);
        assertThat(scoreOf(registry.activePipeline("line-3"), 12.0)).isEqualTo(scoreOf(second, 12.0));
        assertThat(scoreOf(registry.pipeline("line-3", 1), 12.0)).isEqualTo(scoreOf(first, 12.0));

        ModelVersion back = registry.rollback("line-3");
        assertThat(back.version()).isEqualTo(1);
        assertThat(scoreOf(registry.activePipeline("line-3"), 12.0)).isEqualTo(scoreOf(first, 12.0));
        assertThatThrownBy(() -> registry.rollback("line-3")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no earlier active version");
    }

    @Test
    void aStoreReopenedLaterSeesTheSameActiveVersion() {
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(directory));
        registry.publish("m", fit(1, 10.0));
        registry.publish("m", fit(2, 20.0));
        registry.promote("m", 2);

        ModelRegistry reopened = ModelRegistry.of(FileModelStore.open(directory));
        assertThat(reopened.store().active("m")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(scoreOf(reopened.activePipeline("m"), 25.0)).isEqualTo(scoreOf(fit(2, 20.0), 25.0));
    }

    @Test
    void detectorModelsRoundTripAndKindsAreNotConfused() {
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(directory));
        double[][] rows = new double[500][2];
        SplittableRandom r = new SplittableRandom(3);
        for (double[] row : rows) {
            row[0] = r.nextGaussian();
            row[1] = 5 + 2 * r.nextGaussian();
        }
        AnomalyModel model = Anomaly.detector("mad").fit(Frame.ofRows(rows));
        Provenance provenance = Provenance.of(Instant.parse("2026-03-04T05:06:07Z"), Map.of("rows", "500"),
                Map.of("detector", "mad"));
        ModelVersion v = registry.publish("tabular", model, provenance);
        assertThat(v.provenance()).containsEntry("kind", "detector-model").containsEntry("type", "mad")
                .containsEntry("training.rows", "500");

        AnomalyModel loaded = registry.activeModel("tabular");
        double[] x = {3.5, -1.0};
        assertThat(loaded.score(x)).isEqualTo(model.score(x));

        assertThatThrownBy(() -> registry.activePipeline("tabular"))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("detector-model").hasMessageContaining("pipeline");
    }

    @Test
    void aTamperedVersionIsRefusedBeforeParsing() throws IOException {
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(directory));
        registry.publish("m", fit(1, 10.0));
        Path file = directory.resolve("m").resolve("v000001.model");
        byte[] bytes = Files.readAllBytes(file);
        int at = bytes.length / 2;
        bytes[at] = (byte) (bytes[at] ^ 0x01); // one bit, same size
        Files.write(file, bytes);

        assertThatThrownBy(() -> registry.activePipeline("m")).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void unknownNamesAndVersionsAreClearErrors() {
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(directory));
        registry.publish("known", fit(1, 10.0));
        assertThatThrownBy(() -> registry.activePipeline("unknown")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'unknown'").hasMessageContaining("known");
        assertThatThrownBy(() -> registry.pipeline("known", 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no version 7").hasMessageContaining("[1]");
        assertThatThrownBy(() -> registry.publish("../escape", fit(1, 10.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.versions("unknown")).isEqualTo(List.of());
    }
}
