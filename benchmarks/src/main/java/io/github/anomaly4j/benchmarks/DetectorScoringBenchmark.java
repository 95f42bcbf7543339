package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.Pipeline;
import io.github.anomaly4j.core.Thresholds;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per point of the built-in z-score and MAD detectors: a fitted model scoring one vector or a batch, the
 * streaming mode learning one reading at a time, and a fitted pipeline turning a reading into a {@link Detection}.
 *
 * <p>Every benchmark reports nanoseconds per point. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be
 * 0 B/op for {@code batchModelScore}, {@code batchModelScoreBatch} and {@code streamingUpdate} (DESIGN.md: no
 * allocation per point); {@code pipelineProcess} allocates the {@link Detection} it returns.
 *
 * <p>Data are standard normal (with a per-column offset and spread) from a fixed {@link SplittableRandom} seed,
 * generated in {@code @Setup} so that no benchmark pays for random numbers. Points are taken round-robin from a
 * ring of {@value #RING} pre-generated vectors: more than one vector, so the JIT cannot fold the score into a
 * constant, and few enough that the ring stays in cache and the numbers measure arithmetic, not memory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DetectorScoringBenchmark {
    /** Pre-generated points per ring; a power of two so the next index is a mask. */
    static final int RING = 4096;
    /** Rows per {@code scoreBatch} call; must match {@code @OperationsPerInvocation}. */
    static final int BATCH = 1024;
    /** Training rows for the fitted models and the pipeline. */
    static final int TRAINING = 10_000;
    /** Rolling window of the streaming detectors. */
    static final int WINDOW = 100;
    static final long SEED = 42L;

    /** One detector and dimension: a fitted model, a warm streaming detector, and the points to feed them. */
    @State(Scope.Thread)
    public static class DetectorState {
        @Param({"zscore", "mad"})
        public String detector;

        @Param({"1", "8"})
        public int dimension;

        AnomalyModel model;
        StreamingDetector stream;
        double[][] ring;
        double[][] batch;
        double[] batchScores;
        int next;
        long timestamp;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(SEED);
            double[] offset = new double[dimension];
            double[] spread = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                offset[j] = 100.0 * j;
                spread[j] = 1.0 + j;
            }
            Detector d = Anomaly.detector(detector, Map.of("window", WINDOW));
            model = d.fit(Frame.ofRows(rows(random, TRAINING, offset, spread)));
            ring = rows(random, RING, offset, spread);
            batch = rows(random, BATCH, offset, spread);
            batchScores = new double[BATCH];

            // Fill the window and pass warm-up, so every measured update scores, learns and evicts.
            stream = d.newStreamingDetector(dimension);
            for (double[] x : rows(random, 2 * WINDOW, offset, spread)) {
                stream.update(++timestamp, x);
            }
            if (!stream.isWarm()) {
                throw new IllegalStateException(detector + " streaming detector is not warm after " + 2 * WINDOW
                        + " readings");
            }
        }

        double[] nextPoint() {
            double[] x = ring[next];
            next = (next + 1) & (RING - 1);
            return x;
        }
    }

    /** A pipeline fitted on {@value #TRAINING} single-column readings with the z-score detector. */
    @State(Scope.Thread)
    public static class PipelineState {
        Pipeline pipeline;
        double[][] ring;
        int next;
        long timestamp;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(SEED);
            long[] times = new long[TRAINING];
            double[] values = new double[TRAINING];
            for (int i = 0; i < TRAINING; i++) {
                times[i] = 1_000L * i;
                values[i] = 20.0 + 2.0 * gaussian(random);
            }
            pipeline = Anomaly.pipeline()
                    .detector(Anomaly.detector("zscore", Map.of("window", WINDOW)))
                    .threshold(Thresholds.quantile(0.999))
                    .fit(TimeSeries.of(times, values));
            ring = rows(random, RING, new double[] {20.0}, new double[] {2.0});
            timestamp = times[TRAINING - 1];
        }
    }

    /** (a) {@link AnomalyModel#score(double[])} on one point. */
    @Benchmark
    public double batchModelScore(DetectorState s) {
        return s.model.score(s.nextPoint());
    }

    /** (b) {@link AnomalyModel#scoreBatch(double[][], double[])} over {@value #BATCH} rows, reported per row. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchModelScoreBatch(DetectorState s, Blackhole blackhole) {
        s.model.scoreBatch(s.batch, s.batchScores);
        blackhole.consume(s.batchScores);
    }

    /** (c) {@link StreamingDetector#update(long, double[])}: score against the window of 100, then learn. */
    @Benchmark
    public double streamingUpdate(DetectorState s) {
        return s.stream.update(++s.timestamp, s.nextPoint());
    }

    /** (d) {@link Pipeline#process(long, double...)}: one raw value in, one {@link Detection} out. */
    @Benchmark
    public Detection pipelineProcess(PipelineState s) {
        double[] x = s.ring[s.next];
        s.next = (s.next + 1) & (RING - 1);
        return s.pipeline.process(++s.timestamp, x);
    }

    /** {@code n} rows of independent normal values, column j with mean {@code offset[j]} and sd {@code spread[j]}. */
    static double[][] rows(SplittableRandom random, int n, double[] offset, double[] spread) {
        double[][] rows = new double[n][offset.length];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = offset[j] + spread[j] * gaussian(random);
            }
        }
        return rows;
    }

    /** A standard normal draw (Box-Muller); SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1], so the log is finite
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
