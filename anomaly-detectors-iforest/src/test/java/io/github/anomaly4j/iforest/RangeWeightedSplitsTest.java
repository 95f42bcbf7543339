package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.eval.RankingMetrics;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Range-weighted split features ({@code splitFeatures = range}), batch and streaming. */
class RangeWeightedSplitsTest {
    private static final int D = 8;

    /**
     * Feature 0 of the inliers is bimodal (clusters at -4 and +4, sd 1); 1% anomalies sit in the empty gap (sd 0.3):
     * inside every range, so only a cut that falls into the gap finds them.
     */
    private static double[][] gapStream(int n, long seed, boolean[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][D];
        for (int i = 0; i < n; i++) {
            boolean anomaly = random.nextDouble() < 0.01;
            labels[i] = anomaly;
            for (int j = 0; j < D; j++) {
                x[i][j] = random.nextGaussian();
            }
            x[i][0] = anomaly ? 0.3 * random.nextGaussian() : (random.nextBoolean() ? 4.0 : -4.0) + x[i][0];
        }
        return x;
    }

    private static double prequentialAuc(String splitFeatures, double[][] x, boolean[] labels) {
        StreamingDetector detector = IsolationForest.builder().seed(1).splitFeatures(splitFeatures)
                .streamScoring(IsolationForest.INSERTION).build().newStreamingDetector(D);
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = detector.update(i + 1L, x[i]);
        }
        return RankingMetrics.rocAuc(Arrays.copyOfRange(labels, 2_000, x.length),
                Arrays.copyOfRange(scores, 2_000, x.length));
    }

    @Test
    void rangeWeightedSplitsFindAnomaliesInAGapBetweenClusters() {
        boolean[] labels = new boolean[30_000];
        double[][] x = gapStream(30_000, 5, labels);
        double range = prequentialAuc(IsolationForest.RANGE, x, labels);
        double uniform = prequentialAuc(IsolationForest.UNIFORM, x, labels);
        // the wide bimodal feature is cut more often, so the gap is found at shallower depths
        assertThat(range - uniform).as("range-weighted %s against uniform %s", range, uniform).isGreaterThan(0.05);
    }

    private static Frame blobs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[3_000][4];
        for (double[] row : rows) {
            for (int j = 0; j < 4; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
        }
        return Frame.ofRows(rows);
    }

    @Test
    void batchFitIsTheSameOnAnyNumberOfThreadsAndDiffersFromUniform() {
        Frame training = blobs(2);
        AnomalyModel one = IsolationForest.builder().splitFeatures(IsolationForest.RANGE).seed(4).build()
                .fit(training);
        AnomalyModel four = IsolationForest.builder().splitFeatures(IsolationForest.RANGE).seed(4).threads(4).build()
                .fit(training);
        AnomalyModel uniform = IsolationForest.builder().seed(4).build().fit(training);
        SplittableRandom random = new SplittableRandom(8);
        int differ = 0;
        for (int i = 0; i < 1_000; i++) {
            double[] p = {random.nextGaussian() * 3, random.nextGaussian() * 3, random.nextGaussian() * 3,
                random.nextGaussian() * 3};
            assertThat(Double.doubleToRawLongBits(four.score(p))).isEqualTo(Double.doubleToRawLongBits(one.score(p)));
            if (uniform.score(p) != one.score(p)) {
                differ++;
            }
        }
        assertThat(differ).as("probes scored differently by range-weighted and uniform trees").isGreaterThan(900);
    }

    @Test
    void extremeRangesDoNotOverflowTheFeatureChoice() {
        double[][] rows = new double[200][3];
        SplittableRandom random = new SplittableRandom(6);
        for (double[] row : rows) {
            row[0] = random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
            row[1] = (2.0 * random.nextDouble() - 1.0) * 1e308;
            row[2] = random.nextGaussian();
        }
        AnomalyModel model = IsolationForest.builder().splitFeatures(IsolationForest.RANGE).trees(20).sampleSize(64)
                .seed(2).build().fit(Frame.ofRows(rows));
        for (double[] row : rows) {
            assertThat(model.score(row)).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void streamingSnapshotRestoreContinuesBitIdentically() {
        IsolationForest detector = IsolationForest.builder().trees(20).sampleSize(64).window(128).updateEvery(3)
                .seed(9).splitFeatures(IsolationForest.RANGE).streamScoring(IsolationForest.INSERTION).build();
        boolean[] labels = new boolean[3_000];
        double[][] x = gapStream(3_000, 3, labels);
        StreamingDetector a = detector.newStreamingDetector(D);
        for (int i = 0; i < 1_500; i++) {
            a.update(i + 1L, x[i]);
        }
        StreamingDetector b = detector.newStreamingDetector(D);
        b.restore(a.snapshot());
        for (int i = 1_500; i < 3_000; i++) {
            assertThat(Double.doubleToRawLongBits(b.update(i + 1L, x[i])))
                    .isEqualTo(Double.doubleToRawLongBits(a.update(i + 1L, x[i])));
        }
        StreamingDetector uniform = IsolationForest.builder().trees(20).sampleSize(64).window(128).updateEvery(3)
                .seed(9).streamScoring(IsolationForest.INSERTION).build().newStreamingDetector(D);
        assertThatThrownBy(() -> uniform.restore(a.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("splitFeatures uniform");
    }

    @Test
    void badOptionsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> IsolationForest.builder().splitFeatures("widest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("splitFeatures")
                .hasMessageContaining("[uniform, range]");
        assertThatThrownBy(() -> IsolationForest.builder().splitFeatures("range").splitFeatures("range"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("splitFeatures was already set");
        assertThatThrownBy(() -> IsolationForest.builder().splitFeatures("range").extensionLevel(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("splitFeatures 'range' needs classic splits (extensionLevel 0)");
        IsolationForest byName = (IsolationForest) Anomaly.detector("iforest", Map.of("splitFeatures", "range"));
        assertThat(byName.splitFeatures()).isEqualTo(IsolationForest.RANGE);
        assertThat(byName.spec().toString()).contains("splitFeatures");
    }
}
