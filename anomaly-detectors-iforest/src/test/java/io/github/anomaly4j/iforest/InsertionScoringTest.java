package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.eval.RankingMetrics;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming forest's insertion scoring ({@code streamScoring = insertion}). */
class InsertionScoringTest {
    private static final int D = 8;

    private static IsolationForest.Builder recommended() {
        // the benchmark's "insertion" configuration (docs/isolation-forest.md, Streaming accuracy)
        return IsolationForest.builder().trees(30).sampleSize(128).window(128).updateEvery(6).seed(5);
    }

    /**
     * A drifting stream as the benchmark's: segments with their own mean and spread per feature; 1% of readings
     * moved by 6 segment standard deviations along one random feature.
     */
    private static double[][] stream(int n, int segment, long seed, boolean[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][D];
        double[] mean = new double[D];
        double[] spread = new double[D];
        for (int i = 0; i < n; i++) {
            if (i % segment == 0) {
                for (int j = 0; j < D; j++) {
                    mean[j] = random.nextDouble(-3.0, 3.0);
                    spread[j] = random.nextDouble(0.5, 2.0);
                }
            }
            for (int j = 0; j < D; j++) {
                x[i][j] = mean[j] + spread[j] * random.nextGaussian();
            }
            if (random.nextDouble() < 0.01) {
                int j = random.nextInt(D);
                x[i][j] += (random.nextBoolean() ? 6.0 : -6.0) * spread[j];
                labels[i] = true;
            }
        }
        return x;
    }

    private static double prequentialAuc(StreamingDetector detector, double[][] x, boolean[] labels, int skip) {
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = detector.update(i + 1L, x[i]);
        }
        return RankingMetrics.rocAuc(Arrays.copyOfRange(labels, skip, x.length),
                Arrays.copyOfRange(scores, skip, x.length));
    }

    @Test
    void plantedSingleFeatureShiftsInADriftingStreamAreFoundAndBetterThanByDepth() {
        int n = 30_000;
        boolean[] labels = new boolean[n];
        double[][] x = stream(n, 10_000, 11, labels);
        double insertion = prequentialAuc(recommended().streamScoring(IsolationForest.INSERTION).build()
                .newStreamingDetector(D), x, labels, 1_000);
        double depth = prequentialAuc(recommended().build().newStreamingDetector(D), x, labels, 1_000);
        assertThat(insertion).as("insertion scoring's prequential AUC (depth scoring: %s)", depth)
                .isGreaterThan(0.98);
        assertThat(insertion - depth).as("gain over depth scoring (%s vs %s)", insertion, depth)
                .isGreaterThan(0.05);
    }

    @Test
    void aReadingOutsideTheWindowAlongOneFeatureOutranksTheInliers() {
        int[] insertion = inliersBelowSixSigmaMoves(IsolationForest.INSERTION);
        int[] depth = inliersBelowSixSigmaMoves(IsolationForest.DEPTH);
        for (int j = 0; j < D; j++) {
            assertThat(insertion[j]).as("inliers of 500 below 6 along feature %d, insertion scoring", j)
                    .isGreaterThanOrEqualTo(495);
        }
        // depth scoring (measured: 24..399 of 500) misses what the trees were not grown to see
        assertThat(Arrays.stream(depth).min().getAsInt()).as("the same with depth scoring: %s",
                Arrays.toString(depth)).isLessThan(400);
    }

    /** For each feature j: how many of 500 standard normal inliers score below the point 6 e_j. */
    private static int[] inliersBelowSixSigmaMoves(String scoring) {
        StreamingDetector stream = recommended().streamScoring(scoring).build().newStreamingDetector(D);
        SplittableRandom random = new SplittableRandom(3);
        long t = 0;
        for (int i = 0; i < 2_000; i++) {
            double[] v = new double[D];
            for (int j = 0; j < D; j++) {
                v[j] = random.nextGaussian();
            }
            stream.update(++t, v);
        }
        Record saved = stream.snapshot();
        StreamingDetector probe = recommended().streamScoring(scoring).build().newStreamingDetector(D);
        double[] inliers = new double[500];
        for (int i = 0; i < inliers.length; i++) {
            double[] v = new double[D];
            for (int j = 0; j < D; j++) {
                v[j] = random.nextGaussian();
            }
            probe.restore(saved);
            inliers[i] = probe.update(t + 1, v);
        }
        int[] below = new int[D];
        for (int j = 0; j < D; j++) {
            double[] v = new double[D];
            v[j] = 6.0;
            probe.restore(saved);
            double s = probe.update(t + 1, v);
            below[j] = (int) Arrays.stream(inliers).filter(u -> u < s).count();
        }
        return below;
    }

    @Test
    void snapshotRestoreContinuesBitIdentically() {
        IsolationForest detector = recommended().streamScoring(IsolationForest.INSERTION).build();
        StreamingDetector a = detector.newStreamingDetector(D);
        boolean[] labels = new boolean[6_000];
        double[][] x = stream(6_000, 2_000, 7, labels);
        for (int i = 0; i < 3_000; i++) {
            a.update(i + 1L, x[i]);
        }
        StreamingIsolationForestState saved = (StreamingIsolationForestState) a.snapshot();
        assertThat(saved.treePoints()).hasSize(30 * 128 * D);
        StreamingDetector b = detector.newStreamingDetector(D);
        b.restore(saved);
        for (int i = 3_000; i < 6_000; i++) {
            double sa = a.update(i + 1L, x[i]);
            double sb = b.update(i + 1L, x[i]);
            assertThat(Double.doubleToRawLongBits(sb)).as("reading %d", i).isEqualTo(Double.doubleToRawLongBits(sa));
        }
        assertThat(b.snapshot()).isEqualTo(a.snapshot());
    }

    @Test
    void badOptionsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> IsolationForest.builder().streamScoring("box"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streamScoring")
                .hasMessageContaining("[depth, insertion]");
        assertThatThrownBy(() -> IsolationForest.builder().streamScoring("depth").streamScoring("insertion"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("streamScoring was already set");
        assertThatThrownBy(() -> IsolationForest.builder().streamScoring("insertion").extensionLevel(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamScoring 'insertion' needs classic splits (extensionLevel 0)");
        assertThatThrownBy(() -> Anomaly.detector("iforest", Map.of("streamScoring", "Insertion")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streamScoring");
        IsolationForest byName = (IsolationForest) Anomaly.detector("iforest", Map.of("streamScoring", "insertion"));
        assertThat(byName.streamScoring()).isEqualTo(IsolationForest.INSERTION);
        assertThat(byName.spec().toString()).contains("streamScoring");
    }

    @Test
    void restoreRefusesASnapshotOfTheOtherScoring() {
        StreamingDetector depth = recommended().build().newStreamingDetector(2);
        StreamingDetector insertion = recommended().streamScoring(IsolationForest.INSERTION).build()
                .newStreamingDetector(2);
        assertThatThrownBy(() -> insertion.restore(depth.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other settings").hasMessageContaining("streamScoring insertion");
    }

    @Test
    void tamperedTreePointsAreRefused() {
        StreamingDetector stream = recommended().streamScoring(IsolationForest.INSERTION).build()
                .newStreamingDetector(2);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            stream.update(i + 1L, new double[] {random.nextGaussian(), random.nextGaussian()});
        }
        StreamingIsolationForestState s = (StreamingIsolationForestState) stream.snapshot();
        double[] points = s.treePoints();
        assertThatThrownBy(() -> withPoints(s, Arrays.copyOf(points, points.length - 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("treePoints must hold 7680");
        double[] nan = points.clone();
        nan[17] = Double.NaN;
        assertThatThrownBy(() -> withPoints(s, nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treePoints[17] must be finite");
        // swap the first and the last point of tree 0: they sit in the leftmost and the rightmost leaf
        double[] swapped = points.clone();
        int last = (128 - 1) * 2;
        for (int j = 0; j < 2; j++) {
            double v = swapped[j];
            swapped[j] = swapped[last + j];
            swapped[last + j] = v;
        }
        assertThatThrownBy(() -> withPoints(s, swapped)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treePoints do not match the trees");
        assertThatThrownBy(() -> state(s, "depth", "uniform", points)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treePoints must hold 0");
        assertThatThrownBy(() -> state(s, "boxes", "uniform", points)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamScoring must be one of");
        assertThatThrownBy(() -> state(s, "insertion", "widest", points)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("splitFeatures must be one of");
        assertThat(withPoints(s, points)).isEqualTo(s);
    }

    private static StreamingIsolationForestState withPoints(StreamingIsolationForestState s, double[] points) {
        return state(s, s.streamScoring(), s.splitFeatures(), points);
    }

    private static StreamingIsolationForestState state(StreamingIsolationForestState s, String streamScoring,
            String splitFeatures, double[] points) {
        return new StreamingIsolationForestState(s.dimension(), s.trees(), s.sampleSize(), s.seed(),
                s.extensionLevel(), s.window(), s.updateEvery(), streamScoring, splitFeatures, s.seen(),
                s.lastTimestamp(), s.recent(), s.nextTree(), s.grown(), s.forest(), points);
    }

    @Test
    void tinySamplesConstantStreamsAndExtremeValuesGiveScoresInRange() {
        for (int psi : new int[] {1, 2, 3}) {
            StreamingDetector stream = IsolationForest.builder().trees(5).sampleSize(psi).window(4).updateEvery(1)
                    .streamScoring(IsolationForest.INSERTION).build().newStreamingDetector(2);
            double[][] readings = {{1, 1}, {1, 1}, {1, 1}, {2, 1}, {1e300, -1e300}, {-1e300, 1e300}, {1, 1},
                {0, 0}, {Double.MAX_VALUE, -Double.MAX_VALUE}, {5, 5}};
            for (int i = 0; i < readings.length; i++) {
                double s = stream.update(i + 1L, readings[i]);
                assertThat(s).as("psi %d, reading %d", psi, i).isBetween(0.0, 1.0);
                if (stream.isWarm() && i >= psi) {
                    assertThat(s).as("psi %d, reading %d", psi, i).isPositive();
                }
            }
        }
    }
}
