package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.PeaksOverThreshold;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per point of the statistical detectors added next to z-score and MAD (iqr, ewma, cusum, windowed-gaussian)
 * with their default settings (iqr with a window of 100): a fitted model scoring one reading, and the streaming
 * mode learning one reading; and of a SPOT threshold judging one score. Single-column data, standard normal from a
 * fixed seed, taken round-robin from a ring of {@value DetectorScoringBenchmark#RING} pre-generated readings.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be 0 B/op for {@code modelScore} and
 * {@code streamingUpdate}. {@code spotUpdate} allocates only when its peak store doubles (amortised, near 0).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StatisticalDetectorBenchmark {

    /** One detector: a fitted model, a warm streaming detector and the readings to feed them. */
    @State(Scope.Thread)
    public static class DetectorState {
        @Param({"iqr", "ewma", "cusum", "windowed-gaussian"})
        public String detector;

        AnomalyModel model;
        StreamingDetector stream;
        double[][] ring;
        int next;
        long timestamp;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(DetectorScoringBenchmark.SEED);
            Detector d = detector.equals("iqr") ? Anomaly.detector("iqr", java.util.Map.of("window", 100))
                    : Anomaly.detector(detector);
            model = d.fit(Frame.ofRows(rows(random, DetectorScoringBenchmark.TRAINING)));
            ring = rows(random, DetectorScoringBenchmark.RING);
            stream = d.newStreamingDetector(1);
            // past every warm-up and a full window of 6,400 (windowed-gaussian), so each update slides or waits
            for (double[] x : rows(random, 15_000)) {
                stream.update(++timestamp, x);
            }
        }

        double[] nextPoint() {
            double[] x = ring[next];
            next = (next + 1) & (DetectorScoringBenchmark.RING - 1);
            return x;
        }
    }

    /** A SPOT threshold calibrated on 10,000 |N(0, 1)| scores. */
    @State(Scope.Thread)
    public static class SpotState {
        PeaksOverThreshold.Stream spot;
        double[] scores;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(DetectorScoringBenchmark.SEED);
            double[] initial = new double[10_000];
            for (int i = 0; i < initial.length; i++) {
                initial[i] = Math.abs(random.nextGaussian());
            }
            spot = PeaksOverThreshold.builder().risk(1e-4).build().fit(initial);
            scores = new double[DetectorScoringBenchmark.RING];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = Math.abs(random.nextGaussian());
            }
        }
    }

    static double[][] rows(SplittableRandom random, int n) {
        double[][] rows = new double[n][1];
        for (int i = 0; i < n; i++) {
            rows[i][0] = 10.0 + random.nextGaussian();
        }
        return rows;
    }

    /**
     * @param s the detector state
     * @return the score of one reading under the fitted model
     */
    @Benchmark
    public double modelScore(DetectorState s) {
        return s.model.score(s.nextPoint());
    }

    /**
     * @param s the detector state
     * @return the streaming score of one reading, which the detector then learns
     */
    @Benchmark
    public double streamingUpdate(DetectorState s) {
        return s.stream.update(++s.timestamp, s.nextPoint());
    }

    /**
     * @param s the SPOT state
     * @return whether one score is an alarm (ordinary scores count; about 2% are peaks and refit the tail)
     */
    @Benchmark
    public boolean spotUpdate(SpotState s) {
        boolean alarm = s.spot.update(s.scores[s.next]);
        s.next = (s.next + 1) & (DetectorScoringBenchmark.RING - 1);
        return alarm;
    }
}
