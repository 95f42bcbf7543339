package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.core.detect.EwmaDetector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compiled examples of docs/detectors-and-thresholds.md, with checks of what they claim. */
class DetectorsAndThresholdsExamplesTest {

    /** Noisy daily cycle, one reading a minute; a spike of +8 where {@code spikes[i]}. */
    private static TimeSeries series(long seed, int n, long start, boolean[] spikes) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] ts = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + 60_000L * i;
            v[i] = 10 + Math.sin(2 * Math.PI * i / 1440) + 0.3 * r.nextGaussian()
                    + (spikes != null && spikes[i] ? 8 : 0);
        }
        return TimeSeries.of(ts, "value", v);
    }

    @Test
    void detectorsByNameOrBuilder() {
        // snippet:begin statistical-detectors
        Detector iqr = Anomaly.detector("iqr", Map.of("window", 200));
        Detector ewma = EwmaDetector.builder().lambda(0.1).baseline(1000).build();
        Detector cusum = Anomaly.detector(SpecSyntax.parse("cusum(allowance=0.5, decision=5)"));
        Detector gaussian = Anomaly.detector("windowed-gaussian"); // NAB's defaults: window 6400, step 100
        // snippet:end statistical-detectors
        assertThat(List.of(iqr.id(), ewma.id(), cusum.id(), gaussian.id()))
                .containsExactly("iqr", "ewma", "cusum", "windowed-gaussian");
    }

    @Test
    void thresholdRulesInPipelines() {
        TimeSeries training = series(1, 5000, 0, null);
        TimeSeries validation = series(2, 3000, 5000 * 60_000L, null);
        boolean[] validationLabels = new boolean[3000];
        for (int i = 100; i < 3000; i += 300) {
            validationLabels[i] = true;
        }
        TimeSeries labelledValidation = series(3, 3000, 5000 * 60_000L, validationLabels);
        // snippet:begin threshold-rules
        Pipeline byRate = Anomaly.pipeline().detector(Anomaly.detector("zscore"))
                .threshold(Thresholds.falseAlarmRate(0.001)).fit(training, validation);
        Pipeline conformal = Anomaly.pipeline().detector(Anomaly.detector("iqr"))
                .threshold(Thresholds.conformal(0.01)).fit(training, validation);
        Pipeline bestF1 = Anomaly.pipeline().detector(Anomaly.detector("mad"))
                .threshold(Thresholds.f1Optimal()).fit(training, labelledValidation, validationLabels);
        Pipeline evt = Anomaly.pipeline().detector(Anomaly.detector("windowed-gaussian"))
                .threshold(Thresholds.peaksOverThreshold(1e-3)).extremeValueCalibration(0.9)
                .fit(training, validation);
        // snippet:end threshold-rules
        TimeSeries live = series(4, 3000, 8000 * 60_000L, null);
        assertThat(alarmRate(byRate, live)).isLessThan(0.005);
        assertThat(alarmRate(conformal, live)).isLessThan(0.03);
        assertThat(alarmRate(evt, live)).isLessThan(0.01);
        // the F1-optimal cut-off separates the +8 spikes (about 27 standard deviations) from the noise
        List<Detection> d = bestF1.detect(labelledValidation);
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.get(i).anomalous()).as("reading %d", i).isEqualTo(validationLabels[i]);
        }
        assertThat(bestF1.thresholdRule()).isEqualTo("f1Optimal");
        assertThat(evt.calibration().hasTail()).isTrue();
        assertThat(evt.provenance().parameters()).containsEntry("calibration", "extremeValue(0.9)");
        Pipeline back = Anomaly.codec().decodePipeline(Anomaly.codec().encode(evt));
        assertThat(back.calibration().calibrate(1.0)).isEqualTo(evt.calibration().calibrate(1.0));
        assertThat(back.calibration().tailScale()).isEqualTo(evt.calibration().tailScale());
    }

    private static double alarmRate(Pipeline p, TimeSeries s) {
        return p.detect(s).stream().filter(Detection::anomalous).count() / (double) s.size();
    }

    @Test
    void labelRulesNeedLabels() {
        TimeSeries training = series(1, 500, 0, null);
        PipelineBuilder b = Anomaly.pipeline().detector(Anomaly.detector("mad")).threshold(Thresholds.f1Optimal());
        assertThatThrownBy(() -> b.fit(training)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("f1Optimal needs labels");
        assertThatThrownBy(() -> Anomaly.pipeline().detector(Anomaly.detector("mad"))
                .fit(training, training, new boolean[3])).hasMessageContaining("3 labels for 500");
        assertThatThrownBy(() -> Anomaly.pipeline().extremeValueCalibration(1.0)).hasMessageContaining("(0, 1)");
    }

    @Test
    void streamingPeaksOverThreshold() {
        SplittableRandom r = new SplittableRandom(7);
        double[] initialScores = new double[5000];
        for (int i = 0; i < initialScores.length; i++) {
            initialScores[i] = Math.abs(r.nextGaussian());
        }
        double[] liveScores = new double[5000];
        for (int i = 0; i < liveScores.length; i++) {
            liveScores[i] = Math.abs(r.nextGaussian()) + i * 1e-3 + (i == 4000 ? 10 : 0); // drift, one spike
        }
        int alarms = 0;
        // snippet:begin spot
        PeaksOverThreshold.Stream spot = PeaksOverThreshold.builder().risk(1e-3).depth(100).build()
                .fit(initialScores);
        for (double score : liveScores) {
            if (spot.update(score)) { // adapts its cut-off (spot.threshold()) to the tail and the drift
                alarms++;
            }
        }
        // snippet:end spot
        assertThat(alarms).isBetween(1, 20);
    }

    @Test
    void calibrations() {
        SplittableRandom r = new SplittableRandom(6);
        double[] calibrationScores = new double[2000];
        for (int i = 0; i < calibrationScores.length; i++) {
            calibrationScores[i] = Math.abs(r.nextGaussian());
        }
        double score = 3.5;
        // snippet:begin calibrations
        ConformalCalibration conformal = ConformalCalibration.fit(calibrationScores);
        double p = conformal.pValue(score); // (1 + #{calibration >= score}) / (n + 1)
        EmpiricalCalibration extreme = EmpiricalCalibration.fitWithTail(calibrationScores, 0.9);
        double grade = extreme.calibrate(score); // in [0, 1], still rising beyond the largest calibration score
        // snippet:end calibrations
        assertThat(p).isLessThan(0.003);
        assertThat(grade).isGreaterThan(0.995).isLessThan(1.0); // exact: 1 - 2 Q(3.5) = 0.99953
    }
}
