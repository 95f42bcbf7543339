package io.github.anomaly4j.benchmarks;

import com.amazon.randomcutforest.RandomCutForest;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.eval.RankingMetrics;
import io.github.anomaly4j.iforest.IsolationForest;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming isolation forest against Amazon's Random Cut Forest 4.4.0 (benchmark scope only), both with 100 trees
 * and sample size 256, one thread, each reading scored and then learned ("update and score").
 *
 * <p>The stream ({@link #stream}): 8 features, in segments of 10,000 readings; each segment has its own mean
 * (uniform in [-3, 3] per feature) and spread (0.5 to 2); 1% of readings are anomalies, a normal reading moved by
 * 6 segment standard deviations along one random feature. Throughput is readings per second
 * ({@code @OperationsPerInvocation} = {@value #CHUNK}), on a detector warmed up on 20,000 readings.
 *
 * <p>{@link #main} prints the prequential ROC AUC of both (our three configurations, see {@link #config}) on the
 * same 100,000 readings (each scored before it is learned; the first 2,000 readings, the warm-up, are left out),
 * with the wall-clock rate of that single pass; {@code --window W --update-every K --extension-level E [--trees T]
 * [--sample-size S] [--stream-scoring depth|insertion] [--split-features uniform|range]} runs one other
 * configuration instead:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.StreamingBenchmark}.
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class StreamingBenchmark {
    static final int DIMENSION = 8;
    static final int READINGS = 100_000;
    static final int SEGMENT = 10_000;
    static final int CHUNK = 1_000;
    static final int WARM_UP = 20_000;
    static final int SKIP = 2_000;
    static final long SEED = 42L;
    /** The streaming forest's settings in the benchmark: see the class comment. */
    static final int WINDOW = 1024;
    static final int UPDATE_EVERY = 10;
    static final int EXTENSION_LEVEL = 0;

    /**
     * {@code classic}: the detector's defaults (window 1024, a tree replaced every 10 readings, classic splits);
     * {@code extended}: window 256, a tree replaced every 3 readings, fully extended splits (extension level 7);
     * {@code insertion}: classic splits scored as if inserted ({@code streamScoring = insertion}), 30 trees, sample
     * size 128, window 128, a tree replaced every 6 readings.
     */
    @Param({"classic", "extended", "insertion"})
    public String config;

    double[][] readings;
    float[][] floatReadings;
    StreamingDetector anomaly4j;
    RandomCutForest rcf;
    int next;
    long timestamp;

    /** Generates the stream and warms both detectors up on its first readings. */
    @Setup
    public void setUp() {
        Stream s = stream(READINGS, SEED);
        readings = s.values;
        floatReadings = toFloat(readings);
        anomaly4j = switch (config) {
            case "classic" -> newAnomaly4j();
            case "extended" -> newExtended();
            case "insertion" -> newInsertion();
            default -> throw new IllegalArgumentException("unknown config " + config);
        };
        rcf = newRcf();
        for (next = 0; next < WARM_UP; next++) {
            anomaly4j.update(++timestamp, readings[next]);
            rcf.getAnomalyScore(floatReadings[next]);
            rcf.update(floatReadings[next]);
        }
    }

    static StreamingDetector newAnomaly4j() {
        return newAnomaly4j(WINDOW, UPDATE_EVERY, EXTENSION_LEVEL);
    }

    static StreamingDetector newExtended() {
        return newAnomaly4j(256, 3, DIMENSION - 1);
    }

    static StreamingDetector newInsertion() {
        return newAnomaly4j(128, 6, 0, 30, 128, IsolationForest.INSERTION);
    }

    static StreamingDetector newAnomaly4j(int window, int updateEvery, int extensionLevel) {
        return newAnomaly4j(window, updateEvery, extensionLevel, 100, 256);
    }

    static StreamingDetector newAnomaly4j(int window, int updateEvery, int extensionLevel, int trees,
            int sampleSize) {
        return newAnomaly4j(window, updateEvery, extensionLevel, trees, sampleSize, IsolationForest.DEPTH);
    }

    static StreamingDetector newAnomaly4j(int window, int updateEvery, int extensionLevel, int trees,
            int sampleSize, String streamScoring) {
        return newAnomaly4j(window, updateEvery, extensionLevel, trees, sampleSize, streamScoring,
                IsolationForest.UNIFORM);
    }

    static StreamingDetector newAnomaly4j(int window, int updateEvery, int extensionLevel, int trees,
            int sampleSize, String streamScoring, String splitFeatures) {
        return IsolationForest.builder().trees(trees).sampleSize(sampleSize).seed(SEED).window(window)
                .updateEvery(updateEvery).extensionLevel(extensionLevel).streamScoring(streamScoring)
                .splitFeatures(splitFeatures).build().newStreamingDetector(DIMENSION);
    }

    static RandomCutForest newRcf() {
        return RandomCutForest.builder().dimensions(DIMENSION).numberOfTrees(100).sampleSize(256)
                .randomSeed(SEED).parallelExecutionEnabled(false).build();
    }

    /** @return the sum of the scores */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(CHUNK)
    public double updateAndScoreAnomaly4j() {
        double sum = 0.0;
        for (int k = 0; k < CHUNK; k++) {
            sum += anomaly4j.update(++timestamp, readings[next]);
            next = next + 1 == READINGS ? 0 : next + 1;
        }
        return sum;
    }

    /** @return the sum of the scores */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(CHUNK)
    public double updateAndScoreRcf() {
        double sum = 0.0;
        for (int k = 0; k < CHUNK; k++) {
            float[] x = floatReadings[next];
            sum += rcf.getAnomalyScore(x);
            rcf.update(x);
            next = next + 1 == READINGS ? 0 : next + 1;
        }
        return sum;
    }

    /** A labelled stream. */
    record Stream(double[][] values, boolean[] labels) {
    }

    static Stream stream(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][DIMENSION];
        boolean[] y = new boolean[n];
        double[] mean = new double[DIMENSION];
        double[] spread = new double[DIMENSION];
        for (int i = 0; i < n; i++) {
            if (i % SEGMENT == 0) {
                for (int j = 0; j < DIMENSION; j++) {
                    mean[j] = random.nextDouble(-3.0, 3.0);
                    spread[j] = random.nextDouble(0.5, 2.0);
                }
            }
            for (int j = 0; j < DIMENSION; j++) {
                x[i][j] = mean[j] + spread[j] * random.nextGaussian();
            }
            if (random.nextDouble() < 0.01) {
                int j = random.nextInt(DIMENSION);
                x[i][j] += (random.nextBoolean() ? 6.0 : -6.0) * spread[j];
                y[i] = true;
            }
        }
        return new Stream(x, y);
    }

    static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }

    /** @return each reading's score before it is learned, timestamps 1, 2, ... */
    static double[] prequential(StreamingDetector detector, double[][] x) {
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = detector.update(i + 1L, x[i]);
        }
        return scores;
    }

    /** @return Random Cut Forest's score of each reading before it is learned */
    static double[] prequential(RandomCutForest forest, float[][] x) {
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = forest.getAnomalyScore(x[i]);
            forest.update(x[i]);
        }
        return scores;
    }

    /**
     * Prints the prequential ROC AUC of both detectors on the benchmark's stream, and the wall time of each pass.
     *
     * @param args {@code [--readings N] [--seed S]}
     */
    public static void main(String[] args) {
        CommandLine.run(args, a -> {
            CommandLine cli = CommandLine.parse(a, java.util.Set.of("readings", "seed", "window", "update-every",
                    "extension-level", "trees", "sample-size", "skip-rcf", "stream-scoring",
                    "split-features"),
                    "usage: StreamingBenchmark [--readings 100000] [--seed 42] [--window 1024] [--update-every 10] "
                    + "[--extension-level 0] [--trees 100] [--sample-size 256] [--stream-scoring depth|insertion] "
                    + "[--split-features uniform|range] [--skip-rcf true]");
            int n = Integer.parseInt(cli.optional("readings", String.valueOf(READINGS)));
            long seed = Long.parseLong(cli.optional("seed", String.valueOf(SEED)));
            Stream s = stream(n, seed);
            float[][] f = toFloat(s.values);
            boolean[] labels = Arrays.copyOfRange(s.labels, SKIP, n);
            boolean skipRcf = Boolean.parseBoolean(cli.optional("skip-rcf", "false"));
            System.out.println("detector\tprequential_auc\treadings_per_s_wall");
            StreamingDetector[] ours = cli.optional("window", null) != null ? new StreamingDetector[] {newAnomaly4j(
                    Integer.parseInt(cli.optional("window", String.valueOf(WINDOW))),
                    Integer.parseInt(cli.optional("update-every", String.valueOf(UPDATE_EVERY))),
                    Integer.parseInt(cli.optional("extension-level", String.valueOf(EXTENSION_LEVEL))),
                    Integer.parseInt(cli.optional("trees", "100")),
                    Integer.parseInt(cli.optional("sample-size", "256")),
                    cli.optional("stream-scoring", IsolationForest.DEPTH),
                    cli.optional("split-features", IsolationForest.UNIFORM))}
                    : new StreamingDetector[] {newAnomaly4j(), newExtended(), newInsertion()};
            String[] names = ours.length == 1 ? new String[] {"anomaly4j-streaming-iforest"}
                    : new String[] {"anomaly4j-streaming-iforest(classic)",
                        "anomaly4j-streaming-iforest(extended)", "anomaly4j-streaming-iforest(insertion)"};
            for (int k = 0; k < ours.length; k++) {
                long t0 = System.nanoTime();
                double[] scores = prequential(ours[k], s.values);
                long t1 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%s\t%.4f\t%.0f%n", names[k],
                        RankingMetrics.rocAuc(labels, Arrays.copyOfRange(scores, SKIP, n)), n / ((t1 - t0) / 1e9));
            }
            if (skipRcf) {
                return;
            }
            long t0 = System.nanoTime();
            double[] rcfScores = prequential(newRcf(), f);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "rcf-4.4.0\t%.4f\t%.0f%n",
                    RankingMetrics.rocAuc(labels, Arrays.copyOfRange(rcfScores, SKIP, n)), n / ((t1 - t0) / 1e9));
        });
    }
}
