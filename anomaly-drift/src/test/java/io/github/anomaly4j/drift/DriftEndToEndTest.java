package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.ModelRegistry;
import io.github.anomaly4j.core.Pipeline;
import io.github.anomaly4j.core.Thresholds;
import io.github.anomaly4j.core.store.FileModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream whose mean moves by one standard deviation half-way: the monitor finds the drift within
 * {@value #DETECTION_BOUND} readings of the change, and the pipeline is retrained on post-drift readings and
 * published as version 2, whose provenance names the drift event; or, in the second test, only recalibrated.
 */
class DriftEndToEndTest {
    static final long T0 = 1_767_225_600_000L;
    static final long MINUTE = 60_000L;
    static final int HALF = 2000;
    /** Readings after the change by which the drift must have been reported. */
    static final int DETECTION_BOUND = 150;

    @TempDir
    Path dir;

    static TimeSeries readings(long seed, int n, double mean, long start) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * MINUTE;
            v[i] = mean + r.nextGaussian();
        }
        return TimeSeries.of(t, "value", v);
    }

    /** 2,000 readings around 20, then 2,000 around 21. */
    static TimeSeries live() {
        TimeSeries before = readings(2, HALF, 20, T0);
        TimeSeries after = readings(3, HALF, 21, T0 + HALF * MINUTE);
        long[] t = new long[2 * HALF];
        double[] v = new double[2 * HALF];
        for (int i = 0; i < HALF; i++) {
            t[i] = before.timestamp(i);
            v[i] = before.value(i, 0);
            t[HALF + i] = after.timestamp(i);
            v[HALF + i] = after.value(i, 0);
        }
        return TimeSeries.of(t, "value", v);
    }

    static TimeSeries series(double[] values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = T0 + i * MINUTE;
        }
        return TimeSeries.of(t, "value", values);
    }

    static double flaggedShare(Pipeline p, TimeSeries s, int from) {
        List<Detection> ds = p.detect(s.slice(from, s.size()));
        return ds.stream().filter(Detection::anomalous).count() / (double) ds.size();
    }

    @Test
    void aShiftHalfWayIsFoundAndTheRetrainedPipelineIsPublishedWithTheDriftEventAsProvenance() {
        TimeSeries training = readings(1, 1000, 20, T0 - 1000 * MINUTE);
        TimeSeries live = live();
        List<DriftEvent> events = new ArrayList<>();

        // snippet:begin drift-retrain
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(dir));
        Pipeline pipeline = Anomaly.pipeline()
                .detector(Anomaly.detector("zscore"))
                .threshold(Thresholds.quantile(0.99))
                .fit(training);
        registry.publish("sensor-42", pipeline);
        double[] trainingScores = pipeline.detect(training).stream().mapToDouble(Detection::score).toArray();

        // on drift: wait for 500 post-drift readings, retrain on them, publish version 2 citing the drift event
        DriftReaction<Pipeline> reaction = DriftReaction.startingWith(pipeline)
                .retrain((cause, data) -> Anomaly.pipeline()
                        .detector(Anomaly.detector("zscore"))
                        .threshold(Thresholds.quantile(0.99))
                        .fit(series(data.get("value"))))
                .publish((retrained, provenance) -> registry.publish("sensor-42", retrained, provenance))
                .build();
        DriftMonitor monitor = Drift.monitor()
                .name("sensor-42")
                .features("value").score("score")
                .reference("value", training.column("value"))
                .reference("score", trainingScores)
                .tests(KolmogorovSmirnovTest.create(1e-4, KolmogorovSmirnovTest.Method.AUTO))
                .currentWindow(200).referenceWindow(500).checkEveryReadings(10)
                .listener(events::add)
                .build();
        reaction.attachTo(monitor);

        for (int i = 0; i < live.size(); i++) {
            double value = live.value(i, 0);
            Detection d = reaction.current().process(live.timestamp(i), value);
            monitor.update(new double[] {value}, d.score());
        }
        // snippet:end drift-retrain

        List<DriftEvent> drifts = events.stream().filter(DriftEvent::drift).toList();
        assertThat(drifts).as("exactly one drift, after the change").hasSize(1);
        DriftEvent drift = drifts.get(0);
        System.out.println("drift found at reading " + drift.reading() + " (the change is at reading " + (HALF + 1)
                + "): " + drift);
        assertThat(drift.reading()).isBetween((long) HALF + 1, (long) HALF + DETECTION_BOUND);
        assertThat(events.stream().filter(e -> e.reading() <= HALF)).isNotEmpty().noneMatch(DriftEvent::drift);

        List<ModelVersion> versions = registry.versions("sensor-42");
        assertThat(versions).hasSize(2);
        ModelVersion retrained = versions.get(1);
        assertThat(retrained.provenance()).containsEntry("extra.drift.event", drift.id())
                .containsEntry("extra.drift.event", "sensor-42-drift-" + (events.indexOf(drift) + 1))
                .containsEntry("extra.drift.reaction", "retrain")
                .containsEntry("extra.drift.reading", Long.toString(drift.reading()))
                .containsKey("extra.drift.value.ks");
        assertThat(reaction.published()).containsExactly(retrained);
        assertThat(reaction.lastReaction()).contains(drift);

        // the retrained version fits the new level: about 1% false alarms on it, where the old one raises many more
        Pipeline v2 = registry.pipeline("sensor-42", 2);
        assertThat(v2.threshold()).isEqualTo(reaction.current().threshold());
        double oldShare = flaggedShare(pipeline, live, HALF + 1000);
        double newShare = flaggedShare(v2, live, HALF + 1000);
        System.out.printf("flagged share of the last 1,000 readings: v1 %.3f, v2 %.3f%n", oldShare, newShare);
        assertThat(newShare).isLessThan(0.03);
        assertThat(oldShare).isGreaterThan(3 * newShare);
    }

    @Test
    void recalibrationRechoosesTheThresholdOnPostDriftScores() {
        TimeSeries training = readings(1, 1000, 20, T0 - 1000 * MINUTE);
        TimeSeries live = live();
        Pipeline pipeline = Anomaly.pipeline().detector(Anomaly.detector("zscore"))
                .threshold(Thresholds.quantile(0.99)).fit(training);
        DriftReaction<Pipeline> reaction = DriftReaction.startingWith(pipeline)
                .recalibrate("score", (p, scores) -> p.withThreshold(Thresholds.quantile(0.99), scores)).build();
        DriftMonitor monitor = Drift.monitor().name("recalibrate").score("score")
                .tests(KolmogorovSmirnovTest.create(1e-4, KolmogorovSmirnovTest.Method.AUTO))
                .reference("score", pipeline.detect(training).stream().mapToDouble(Detection::score).toArray())
                .currentWindow(200).referenceWindow(500).checkEveryReadings(10).build();
        reaction.attachTo(monitor);
        for (int i = 0; i < live.size(); i++) {
            Detection d = reaction.current().process(live.timestamp(i), live.value(i, 0));
            monitor.update(d.score());
        }
        assertThat(reaction.lastReaction()).isPresent();
        Pipeline recalibrated = reaction.current();
        assertThat(recalibrated.model()).isSameAs(pipeline.model());
        assertThat(recalibrated.threshold()).isGreaterThan(pipeline.threshold());
        assertThat(recalibrated.thresholdRule()).isEqualTo("quantile(0.99) on 500 recent scores");
        double before = flaggedShare(pipeline, live, HALF + 1000);
        double after = flaggedShare(recalibrated, live, HALF + 1000);
        System.out.printf("recalibration: flagged share of the last 1,000 readings %.3f -> %.3f%n", before, after);
        assertThat(after).isLessThan(0.03);
        assertThat(before).isGreaterThan(3 * after);
    }
}
