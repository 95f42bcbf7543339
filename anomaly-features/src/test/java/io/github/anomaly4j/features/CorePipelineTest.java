package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.ModelCodec;
import io.github.anomaly4j.core.ModelRegistry;
import io.github.anomaly4j.core.Pipeline;
import io.github.anomaly4j.core.Thresholds;
import io.github.anomaly4j.core.store.FileModelStore;
import io.github.anomaly4j.spi.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transforms inside the engine: found by name, fitted in a pipeline, saved with the model and reloaded. */
class CorePipelineTest {

    static TimeSeries hourly(int n, long seed, double level) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000_000L + i * 3_600_000L;
            v[i] = level + 10 * Math.sin(2 * Math.PI * i / 24.0) + rnd.nextGaussian();
        }
        return TimeSeries.of(t, v);
    }

    @Test
    void everyTransformIsAPluginTheEngineFindsByName() {
        for (String id : Features.ids()) {
            FeatureTransform byName = Anomaly.feature(Spec.of(id));
            assertThat(byName.id()).isEqualTo(id);
            assertThat(byName).isEqualTo(Features.builder(id).build());
        }
        assertThat(Anomaly.feature(Spec.of("rolling-mean").with("window", 60)))
                .isEqualTo(Features.rollingMean(60));
    }

    @Test
    void aSavedPipelineReloadsWithItsFittedScalersAndScoresTheSame(@TempDir Path directory) {
        TimeSeries history = hourly(2_000, 1, 100.0);
        // snippet:begin features-in-pipeline
        Pipeline pipeline = Anomaly.pipeline()
                .features(Features.rollingMean(24), Features.rollingStd(24), Features.diff(1, 24),
                        Features.robustScaler(), Features.dayCycle(ZoneId.of("Europe/Paris")))
                .detector(Anomaly.detector("zscore"))
                .threshold(Thresholds.quantile(0.995))
                .fit(history);
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(directory));
        registry.publish("sensor-42", pipeline);
        Pipeline reloaded = registry.activePipeline("sensor-42");   // scalers keep their fitted centre and scale
        // snippet:end features-in-pipeline

        assertThat(reloaded.featureNames()).containsExactly("value.rolling-mean(24)", "value.rolling-std(24)",
                "value.diff(1,24)", "value.robust-scaler", "day-cycle-sin(Europe/Paris)",
                "day-cycle-cos(Europe/Paris)");
        assertThat(reloaded.warmUp()).isEqualTo(24);

        // the file holds the scaler's fitted parameters: the median and IQR of the training values
        byte[] file = ModelCodec.defaultCodec().encode(pipeline);
        String json = new String(file, StandardCharsets.UTF_8);
        ScalerState fitted = (ScalerState) Features.robustScaler().fit(history).state();
        assertThat(fitted.center()[0]).isBetween(95.0, 105.0);
        assertThat(json).contains("\"robust-scaler\"").contains(Double.toString(fitted.center()[0]))
                .contains(Double.toString(fitted.scale()[0]));
        assertThat(ModelCodec.defaultCodec().encode(reloaded)).isEqualTo(file);

        // and scores new data identically, spike included
        TimeSeries live = hourly(500, 2, 100.0);
        double[] v = live.column(0);
        v[300] += 40;
        TimeSeries withSpike = TimeSeries.of(live.timestamps(), v);
        List<Detection> a = pipeline.detect(withSpike);
        List<Detection> b = reloaded.detect(withSpike);
        assertThat(b).isEqualTo(a);
        assertThat(a.get(300).anomalous()).isTrue();
        assertThat(a.subList(0, 24)).allMatch(Detection::warmingUp);
    }

    @Test
    void aScalerFittedOnOtherDataGivesOtherFeaturesAfterReload() {
        Pipeline low = Anomaly.pipeline().features(Features.standardScaler()).detector(Anomaly.detector("zscore"))
                .fit(hourly(500, 3, 0.0));
        Pipeline high = Anomaly.pipeline().features(Features.standardScaler()).detector(Anomaly.detector("zscore"))
                .fit(hourly(500, 3, 1_000.0));
        ModelCodec codec = ModelCodec.defaultCodec();
        String lowJson = new String(codec.encode(low), StandardCharsets.UTF_8);
        String highJson = new String(codec.encode(high), StandardCharsets.UTF_8);
        assertThat(lowJson).isNotEqualTo(highJson);
        // the same reading is ordinary for one and extreme for the other: the scaler travelled with each model
        long t = 1_800_000_000_000L;
        assertThat(codec.decodePipeline(codec.encode(low)).process(t, 1_000.0).anomalous()).isTrue();
        assertThat(codec.decodePipeline(codec.encode(high)).process(t, 1_000.0).anomalous()).isFalse();
    }

    @Test
    void aTamperedScalerInAFileIsRefusedWithAReason() {
        Pipeline p = Anomaly.pipeline().features(Features.minMaxScaler()).detector(Anomaly.detector("zscore"))
                .fit(hourly(300, 4, 5.0));
        String json = new String(ModelCodec.defaultCodec().encode(p), StandardCharsets.UTF_8);
        int at = json.indexOf("\"scale\":[");
        assertThat(at).isPositive();
        String tampered = json.substring(0, at) + "\"scale\":[-1.0]" + json.substring(json.indexOf(']', at) + 1);
        // re-sign the file so only the state check can catch it
        byte[] bytes = resign(tampered);
        assertThatThrownBy(() -> ModelCodec.defaultCodec().decodePipeline(bytes))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("scale");
    }

    /** Rewrites the checksum header ({@code #anomaly4j-model sha256:<hex>\n}) for an edited body. */
    private static byte[] resign(String file) {
        String body = file.substring(file.indexOf('\n') + 1);
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        return ("#anomaly4j-model sha256:" + ModelCodec.sha256Hex(json) + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEngineRefusesToMixFeatureNames() {
        assertThatThrownBy(() -> Anomaly.pipeline().features(Features.rollingMean(5), Features.rollingMean(5))
                .detector(Anomaly.detector("zscore")).fit(hourly(100, 5, 0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value.rolling-mean(5)");
    }
}
