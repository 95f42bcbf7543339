package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.iforest.IsolationForest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The isolation forest against Smile 3.1.1's ({@code smile.anomaly.IsolationForest}, GPL, benchmark scope only) on
 * the same data: 100,000 x 8 standard normal points of which 1% are uniform in [-6, 6]^8, 100 trees, sample size
 * 256, height limit 8, classic splits, one thread.
 *
 * <p>{@code score*}: throughput in points per second ({@code @OperationsPerInvocation} = the 100,000 points);
 * {@code scoreAnomaly4j} is {@code scoreBatch} over all points, {@code scoreOneByOneAnomaly4j} calls
 * {@code score(double[])} per point, {@code scoreSmile} calls Smile's {@code score(double[])} per point. Run with
 * {@code -prof gc}: the anomaly4j scorers must allocate 0 B/op. {@code fit*}: milliseconds per fit of the 100,000
 * points; Smile's subsample rate is 256/100,000, so both grow trees on 256 points.
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class IsolationForestBenchmark {
    static final int POINTS = 100_000;
    static final int DIMENSION = 8;
    static final int TREES = 100;
    static final int SAMPLE_SIZE = 256;
    static final long SEED = 42L;

    double[][] points;
    Frame frame;
    double[] scores;
    AnomalyModel model;
    smile.anomaly.IsolationForest smileForest;

    /** Generates the data and fits both forests once for the scoring benchmarks. */
    @Setup
    public void setUp() {
        points = gaussianWithOutliers(POINTS, DIMENSION, 0.01, SEED);
        frame = Frame.ofRows(points);
        scores = new double[POINTS];
        model = anomaly4j().fit(frame);
        smileForest = fitSmileForest();
    }

    static double[][] gaussianWithOutliers(int n, int d, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            boolean outlier = random.nextDouble() < share;
            for (int j = 0; j < d; j++) {
                row[j] = outlier ? random.nextDouble(-6.0, 6.0) : random.nextGaussian();
            }
        }
        return x;
    }

    static IsolationForest anomaly4j() {
        return IsolationForest.builder().trees(TREES).sampleSize(SAMPLE_SIZE).seed(SEED).threads(1).build();
    }

    smile.anomaly.IsolationForest fitSmileForest() {
        return smile.anomaly.IsolationForest.fit(points, TREES, 8, (double) SAMPLE_SIZE / POINTS, 0);
    }

    /** @return the sum of the scores, so nothing is dead code */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(POINTS)
    public double scoreAnomaly4j() {
        model.scoreBatch(points, scores);
        return scores[0] + scores[POINTS - 1];
    }

    /** @return the sum of the scores */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(POINTS)
    public double scoreOneByOneAnomaly4j() {
        double sum = 0.0;
        for (double[] x : points) {
            sum += model.score(x);
        }
        return sum;
    }

    /** @return the sum of the scores */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(POINTS)
    public double scoreSmile() {
        double sum = 0.0;
        for (double[] x : points) {
            sum += smileForest.score(x);
        }
        return sum;
    }

    /** @return the fitted model */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AnomalyModel fitAnomaly4j() {
        return anomaly4j().fit(frame);
    }

    /** @return the fitted forest */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public smile.anomaly.IsolationForest fitSmile() {
        return fitSmileForest();
    }
}
