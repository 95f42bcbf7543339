package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.core.eval.RankingMetrics;
import io.github.anomaly4j.iforest.IsolationForest;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The streaming isolation forest's two scorings ({@code depth}, {@code insertion}) on stationary streams with other
 * kinds of anomaly than {@link StreamingBenchmark}'s single-feature moves, to see that insertion scoring is not
 * tuned to that one kind: prequential ROC AUC (first 2,000 readings left out) of 50,000 readings of 8 standard
 * normal features with 1% anomalies of three kinds:
 * <ul>
 *   <li>{@code uniform}: the anomaly is uniform in [-6, 6]^8 (as {@link IsolationForestBenchmark}'s outliers);</li>
 *   <li>{@code scaled}: every feature of the anomaly multiplied by 2.5 (moderately wide on all features at once);</li>
 *   <li>{@code between}: feature 0 of the inliers is bimodal (clusters at -4 and +4), the anomaly sits in the
 *       empty gap at 0 (sd 0.3): inside every range, a known weak spot of isolation methods.</li>
 * </ul>
 * Each with the detector's defaults (window 1024, updateEvery 10, 100 trees, sample size 256) and with the
 * benchmark's {@code insertion} settings (30 trees, sample size 128, window 128, updateEvery 6), each with both
 * stream scorings and both split-feature rules, and Random Cut Forest as in {@link StreamingBenchmark} for reference.
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.StreamingAnomalyKinds}
 */
public final class StreamingAnomalyKinds {
    static final int DIMENSION = 8;
    static final int SKIP = 2_000;
    /** Stream scoring and split features of each row. */
    static final String[][] WAYS = {{IsolationForest.DEPTH, IsolationForest.UNIFORM},
        {IsolationForest.INSERTION, IsolationForest.UNIFORM}, {IsolationForest.DEPTH, IsolationForest.RANGE},
        {IsolationForest.INSERTION, IsolationForest.RANGE}};

    private StreamingAnomalyKinds() {
    }

    /**
     * Prints one TSV row per kind, settings and scoring.
     *
     * @param args {@code [--readings 50000] [--seed 5]}
     */
    public static void main(String[] args) {
        CommandLine.run(args, a -> {
            CommandLine cli = CommandLine.parse(a, java.util.Set.of("readings", "seed"),
                    "usage: StreamingAnomalyKinds [--readings 50000] [--seed 5]");
            int n = Integer.parseInt(cli.optional("readings", "50000"));
            long seed = Long.parseLong(cli.optional("seed", "5"));
            System.out.println("kind\tsettings\tstreamScoring\tsplitFeatures\tprequential_auc");
            for (String kind : new String[] {"uniform", "scaled", "between"}) {
                boolean[] labels = new boolean[n];
                double[][] x = stream(kind, n, seed, labels);
                for (boolean tuned : new boolean[] {false, true}) {
                    for (String[] way : WAYS) {
                        String scoring = way[0];
                        IsolationForest.Builder b = IsolationForest.builder().seed(1).streamScoring(scoring)
                                .splitFeatures(way[1]);
                        if (tuned) {
                            b.trees(30).sampleSize(128).window(128).updateEvery(6);
                        }
                        double[] scores = StreamingBenchmark.prequential(b.build().newStreamingDetector(DIMENSION),
                                x);
                        System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.4f%n", kind,
                                tuned ? "30/128/128/6" : "defaults", scoring, way[1], RankingMetrics.rocAuc(
                                        Arrays.copyOfRange(labels, SKIP, n), Arrays.copyOfRange(scores, SKIP, n)));
                    }
                }
                double[] scores = StreamingBenchmark.prequential(StreamingBenchmark.newRcf(),
                        StreamingBenchmark.toFloat(x));
                System.out.printf(Locale.ROOT, "%s\trcf-4.4.0 (100 trees, sample 256)\t-\t-\t%.4f%n", kind,
                        RankingMetrics.rocAuc(Arrays.copyOfRange(labels, SKIP, n),
                                Arrays.copyOfRange(scores, SKIP, n)));
            }
        });
    }

    static double[][] stream(String kind, int n, long seed, boolean[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][DIMENSION];
        for (int i = 0; i < n; i++) {
            boolean anomaly = random.nextDouble() < 0.01;
            labels[i] = anomaly;
            for (int j = 0; j < DIMENSION; j++) {
                x[i][j] = random.nextGaussian();
            }
            if (kind.equals("uniform") && anomaly) {
                for (int j = 0; j < DIMENSION; j++) {
                    x[i][j] = random.nextDouble(-6.0, 6.0);
                }
            } else if (kind.equals("scaled") && anomaly) {
                for (int j = 0; j < DIMENSION; j++) {
                    x[i][j] *= 2.5;
                }
            } else if (kind.equals("between")) {
                x[i][0] = anomaly ? 0.3 * random.nextGaussian() : (random.nextBoolean() ? 4.0 : -4.0) + x[i][0];
            }
        }
        return x;
    }
}
