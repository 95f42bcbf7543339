package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.core.detect.MadDetector;
import io.github.anomaly4j.core.detect.ZScoreDetector;
import io.github.anomaly4j.core.testplugin.DifferenceTransform;
import io.github.anomaly4j.spi.Spec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_700_000_000_000L;

    /** A noisy daily sine with one spike at index {@code spikeAt} (or none when negative). */
    static TimeSeries sensor(int n, long seed, int spikeAt) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] ts = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * MINUTE;
            v[i] = 20 + 5 * Math.sin(2 * Math.PI * i / 1440.0) + r.nextGaussian() * 0.5;
        }
        if (spikeAt >= 0) {
            v[spikeAt] += 15;
        }
        return TimeSeries.of(ts, "temperature", v);
    }

    @Test
    void aSpikeIsFlaggedAndOrdinaryReadingsMostlyAreNot() {
        Pipeline p = Anomaly.pipeline().features(new DifferenceTransform(1.0))
                .detector(MadDetector.builder().build()).threshold(Thresholds.quantile(0.999))
                .fit(sensor(5000, 1, -1));
        TimeSeries live = sensor(2000, 2, 1000);
        List<Detection> ds = p.detect(live);
        assertThat(ds.get(1000).anomalous()).isTrue();
        assertThat(ds.get(1000).calibratedScore()).isEqualTo(1.0);
        assertThat(ds.get(1000).attribution()).hasValueSatisfying(a -> assertThat(a.top())
                .isEqualTo("temperature_diff"));
        long flagged = ds.stream().filter(Detection::anomalous).count();
        assertThat(flagged).isBetween(1L, 12L); // the spike, the step back down, and ~0.1% false alarms
        assertThat(ds.get(0).warmingUp()).isTrue();
        assertThat(ds.get(1).warmingUp()).isFalse();
    }

    @Test
    void processingOneByOneEqualsDetectingTheWholeSeries() {
        Pipeline p = Anomaly.pipeline().features(new DifferenceTransform(2.0)).rawValues(true)
                .detector(ZScoreDetector.builder().build()).fit(sensor(3000, 3, -1));
        TimeSeries live = sensor(500, 4, 250);
        List<Detection> batch = p.detect(live);
        Pipeline serving = p.fresh();
        for (int i = 0; i < live.size(); i++) {
            assertThat(serving.process(live.timestamp(i), live.value(i, 0))).isEqualTo(batch.get(i));
        }
        assertThat(p.featureNames()).containsExactly("temperature", "temperature_diff");
    }

    @Test
    void detectDoesNotDisturbTheLiveStream() {
        Pipeline p = Anomaly.pipeline().features(new DifferenceTransform(1.0)).detector(ZScoreDetector.builder()
                .build()).fit(sensor(1000, 5, -1));
        Detection first = p.process(T0, 20.0);
        p.detect(sensor(100, 6, -1));
        Detection second = p.process(T0 + MINUTE, 23.0);
        assertThat(first.warmingUp()).isTrue();
        assertThat(second.warmingUp()).isFalse();
        assertThat(second.score()).isGreaterThan(0);
    }

    @Test
    void badReadingsAreRefusedAndLoseNothing() {
        Pipeline p = Anomaly.pipeline().features(new DifferenceTransform(1.0)).detector(ZScoreDetector.builder()
                .build()).fit(sensor(1000, 7, -1));
        Pipeline twin = p.fresh();
        p.process(T0, 20.0);
        twin.process(T0, 20.0);
        assertThatThrownBy(() -> p.process(T0, 21.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> p.process(T0 - 1, 21.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("earlier");
        assertThatThrownBy(() -> p.process(T0 + 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'temperature'");
        assertThatThrownBy(() -> p.process(T0 + 1, 1.0, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects 1");
        assertThat(p.process(T0 + MINUTE, 22.0)).isEqualTo(twin.process(T0 + MINUTE, 22.0));
    }

    @Test
    void trainingDataAreCheckedWithClearMessages() {
        assertThatThrownBy(() -> Anomaly.pipeline().fit(sensor(10, 1, -1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no detector");
        double[] v = {1, 2, Double.NaN, 4};
        TimeSeries withNaN = TimeSeries.of(new long[] {1, 2, 3, 4}, "x", v);
        assertThatThrownBy(() -> Anomaly.pipeline().detector(ZScoreDetector.builder().build()).fit(withNaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2")
                .hasMessageContaining("'x'");
        TimeSeries onePoint = TimeSeries.of(new long[] {1}, "x", new double[] {1});
        assertThatThrownBy(() -> Anomaly.pipeline().features(new DifferenceTransform(1.0))
                .detector(ZScoreDetector.builder().build()).fit(onePoint))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to warm up");
        assertThat(Anomaly.pipeline().detector(ZScoreDetector.builder().build()).fit(onePoint).process(5, 1.0)
                .score()).isZero();
    }

    @Test
    void settingsAreGivenOnce() {
        PipelineBuilder b = Anomaly.pipeline().detector(ZScoreDetector.builder().build());
        assertThatThrownBy(() -> b.detector(MadDetector.builder().build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zscore");
    }

    @Test
    void aValidationSeriesSetsTheThresholdAndProvenanceSaysSo() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        Pipeline p = Anomaly.pipeline().detector(Anomaly.detector("zscore")).threshold(Thresholds.quantile(0.5))
                .clock(clock).fit(sensor(1000, 8, -1), sensor(300, 9, -1));
        assertThat(p.provenance().created()).isEqualTo(clock.instant());
        assertThat(p.provenance().trainingData()).containsEntry("readings", "1000")
                .containsEntry("thresholdScores", "validation(300)");
        assertThat(p.provenance().parameters()).containsEntry("detector", "zscore")
                .containsEntry("detector.window", "100").containsEntry("threshold", "quantile(0.5)");
        // half of the validation readings lie above a median threshold
        long above = p.detect(sensor(300, 9, -1)).stream().filter(Detection::anomalous).count();
        assertThat(above).isBetween(145L, 150L);
    }

    @Test
    void aSavedPipelineLoadsBackAndDetectsIdentically() {
        Pipeline p = Anomaly.pipeline().features(Anomaly.feature(Spec.of("test-difference").with("factor", 3.0)))
                .detector(MadDetector.builder().build()).threshold(Thresholds.quantile(0.99))
                .fit(sensor(2000, 10, -1));
        byte[] file = Anomaly.codec().encode(p);
        Pipeline back = Anomaly.codec().decodePipeline(file);
        TimeSeries live = sensor(400, 11, 200);
        assertThat(back.detect(live)).isEqualTo(p.detect(live));
        assertThat(back.threshold()).isEqualTo(p.threshold());
        assertThat(back.provenance()).isEqualTo(p.provenance());
        assertThat(back.featureNames()).isEqualTo(p.featureNames());
        assertThat(Anomaly.codec().inspect(file).kind()).isEqualTo("pipeline");
    }

    @Test
    void aSavedPipelineWithAnExtremeValueTailLoadsBackWithTheSameCalibration() {
        Pipeline p = Anomaly.pipeline().detector(MadDetector.builder().build()).extremeValueCalibration(0.9)
                .fit(sensor(2000, 12, -1), sensor(1500, 13, -1));
        Pipeline back = Anomaly.codec().decodePipeline(Anomaly.codec().encode(p));
        assertThat(back.calibration().hasTail()).isTrue();
        assertThat(back.calibration().tailBase()).isEqualTo(p.calibration().tailBase());
        TimeSeries live = sensor(400, 14, 200);
        assertThat(back.detect(live)).isEqualTo(p.detect(live));
    }

    @Test
    void withThresholdRechoosesTheCutOffOnRecentScoresAndKeepsTheRest() {
        Pipeline p = Anomaly.pipeline().detector(ZScoreDetector.builder().build())
                .threshold(Thresholds.quantile(0.99)).fit(sensor(2000, 5, -1));
        double[] recent = new double[101];
        for (int i = 0; i < recent.length; i++) {
            recent[i] = i / 10.0;
        }
        Pipeline q = p.withThreshold(Thresholds.quantile(0.9), recent);
        assertThat(q.threshold()).isEqualTo(9.0);
        assertThat(q.thresholdRule()).isEqualTo("quantile(0.9) on 101 recent scores");
        assertThat(q.model()).isSameAs(p.model());
        assertThat(q.provenance()).isEqualTo(p.provenance());
        assertThat(p.threshold()).isNotEqualTo(9.0);
        assertThatThrownBy(() -> p.withThreshold(Thresholds.quantile(0.9), new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> p.withThreshold(Thresholds.quantile(0.9), new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
