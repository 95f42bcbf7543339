package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.ModelCodec;
import io.github.anomaly4j.core.eval.RankingMetrics;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsolationForestTest {

    /** Three Gaussian blobs in 6 dimensions, with {@code outliers} uniform points in a box around them first. */
    static double[][] blobs(int rows, int outliers, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][d];
        for (int i = 0; i < rows; i++) {
            if (i < outliers) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = random.nextDouble(-12.0, 12.0);
                }
            } else {
                int blob = random.nextInt(3);
                for (int j = 0; j < d; j++) {
                    x[i][j] = 4.0 * (blob - 1) * (j % 2 == 0 ? 1 : -1) + random.nextGaussian();
                }
            }
        }
        return x;
    }

    static boolean[] labels(int rows, int outliers) {
        boolean[] y = new boolean[rows];
        Arrays.fill(y, 0, outliers, true);
        return y;
    }

    static double[] scores(AnomalyModel model, double[][] xs) {
        double[] out = new double[xs.length];
        model.scoreBatch(xs, out);
        return out;
    }

    @Test
    void plantedOutliersInGaussianBlobsRankFirst() {
        double[][] x = blobs(5_000, 50, 6, 1L);
        boolean[] y = labels(5_000, 50);
        double auc = RankingMetrics.rocAuc(y, scores(IsolationForest.builder().seed(3).build()
                .fit(Frame.ofRows(x)), x));
        double extendedAuc = RankingMetrics.rocAuc(y, scores(IsolationForest.builder().seed(3).extensionLevel(5)
                .build().fit(Frame.ofRows(x)), x));
        assertThat(auc).as("ROC AUC of the classic forest").isGreaterThanOrEqualTo(0.95);
        assertThat(extendedAuc).as("ROC AUC of the fully extended forest").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void rankingIsInvariantToIncreasingAffineMaps() {
        double[][] x = blobs(3_000, 30, 4, 2L);
        double[][] probes = blobs(2_000, 100, 4, 3L);
        double[] base = scores(IsolationForest.builder().seed(9).build().fit(Frame.ofRows(x)), probes);
        for (double[] ab : new double[][] {{2.0, 0.0}, {0.001, 1e3}, {37.5, -12.25}}) {
            double[] mapped = scores(IsolationForest.builder().seed(9).build().fit(Frame.ofRows(affine(x, ab))),
                    affine(probes, ab));
            assertThat(ranks(mapped)).as("ranks after x -> %s x + %s", ab[0], ab[1]).isEqualTo(ranks(base));
        }
    }

    private static double[][] affine(double[][] x, double[] ab) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int j = 0; j < y[i].length; j++) {
                y[i][j] = ab[0] * y[i][j] + ab[1];
            }
        }
        return y;
    }

    /** @return each score's rank (ties by index), for ranking-invariance checks */
    static int[] ranks(double[] s) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[a], s[b]) : Integer.compare(a, b));
        int[] rank = new int[s.length];
        for (int r = 0; r < s.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    @Test
    void fitsOnSeveralThreadsBitIdenticallyToOne() {
        double[][] x = blobs(20_000, 200, 8, 4L);
        Frame frame = Frame.ofRows(x);
        for (int level : new int[] {0, 3}) {
            AnomalyModel one = IsolationForest.builder().seed(5).extensionLevel(level).build().fit(frame);
            AnomalyModel four = IsolationForest.builder().seed(5).extensionLevel(level).threads(4).build()
                    .fit(frame);
            assertThat(four.state()).as("state fitted on 4 threads, extension level %d", level)
                    .isEqualTo(one.state());
            assertThat(bits(scores(four, x))).isEqualTo(bits(scores(one, x)));
        }
    }

    /**
     * The batch walk (tree-major, level by level over a block of points) and the one-point walk (trees side by
     * side) are separate code: they must give the same bits on forests of every shape, including sample sizes that
     * are not powers of two, tree counts that are not multiples of four, batches that are not multiples of the
     * block, coarse values (ties, pass-through nodes) and probes equal to split values.
     */
    @Test
    void batchAndOnePointScoringAgreeBitForBitOnRandomForests() {
        SplittableRandom random = new SplittableRandom(11L);
        int[][] shapes = {{1, 2, 2}, {2, 1, 1}, {3, 3, 2}, {4, 5, 3}, {17, 7, 3}, {100, 5, 8}, {256, 100, 8},
            {1000, 9, 20}, {64, 4, 5}};
        for (int[] shape : shapes) {
            int psi = shape[0];
            int trees = shape[1];
            int d = shape[2];
            int rows = Math.max(psi, 300);
            boolean coarse = random.nextBoolean();
            double[][] x = new double[rows][d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    row[j] = coarse ? random.nextInt(4) : random.nextGaussian() * (j + 1);
                }
            }
            AnomalyModel model = IsolationForest.builder().trees(trees).sampleSize(psi).seed(random.nextLong())
                    .build().fit(Frame.ofRows(x));
            for (int n : new int[] {1, 127, 128, 129, 1000}) {
                double[][] probes = new double[n][d];
                for (double[] probe : probes) {
                    for (int j = 0; j < d; j++) {
                        probe[j] = random.nextInt(3) == 0 ? x[random.nextInt(rows)][j]
                                : random.nextGaussian() * 3 * (j + 1);
                    }
                }
                double[] one = new double[n];
                for (int i = 0; i < n; i++) {
                    one[i] = model.score(probes[i]);
                }
                assertThat(bits(scores(model, probes)))
                        .as("psi %d, %d trees, %d features, batch of %d", psi, trees, d, n).isEqualTo(bits(one));
            }
        }
    }

    @Test
    void codecRoundTripScoresBitIdenticallyOnTenThousandProbes() {
        double[][] x = blobs(10_000, 100, 8, 6L);
        double[][] probes = blobs(10_000, 500, 8, 7L);
        ModelCodec codec = ModelCodec.defaultCodec();
        for (int level : new int[] {0, 2}) {
            AnomalyModel model = IsolationForest.builder().seed(8).extensionLevel(level).build().fit(Frame.ofRows(x));
            byte[] file = codec.encode(model);
            AnomalyModel back = codec.decodeAnomalyModel(file);
            double[] expected = new double[probes.length];
            double[] actual = new double[probes.length];
            for (int i = 0; i < probes.length; i++) {
                expected[i] = model.score(probes[i]);
                actual[i] = back.score(probes[i]);
            }
            assertThat(bits(actual)).as("scores after the codec, extension level %d", level)
                    .isEqualTo(bits(expected));
            assertThat(bits(scores(back, probes))).isEqualTo(bits(expected));
            System.out.printf("iforest model file, 100 trees, psi 256, 8 features, extension level %d: %d bytes%n",
                    level, file.length);
            if (level == 0) {
                assertThat(file.length).as("model file size").isLessThan(600_000);
            }
        }
    }

    @Test
    void attributionPointsAtTheDisplacedFeature() {
        // independent standard normal features, so that no other feature is tied to the displaced one
        SplittableRandom random = new SplittableRandom(10L);
        double[][] x = new double[4_000][6];
        for (double[] row : x) {
            Arrays.setAll(row, j -> random.nextGaussian());
        }
        AnomalyModel model = IsolationForest.builder().seed(11).build().fit(Frame.ofRows(x));
        AnomalyModel extended = IsolationForest.builder().seed(11).extensionLevel(1).build().fit(Frame.ofRows(x));
        double[] out = new double[6];
        for (int j = 0; j < 6; j++) {
            double[] p = x[100 + j].clone();
            p[j] = 6.0;
            for (AnomalyModel m : new AnomalyModel[] {model, extended}) {
                m.attribute(p, out);
                int top = 0;
                for (int k = 1; k < 6; k++) {
                    top = out[k] > out[top] ? k : top;
                }
                assertThat(top).as("top feature of a point displaced along %d: %s", j, Arrays.toString(out))
                        .isEqualTo(j);
                double second = 0.0;
                for (int k = 0; k < 6; k++) {
                    second = k != j ? Math.max(second, out[k]) : second;
                }
                assertThat(out[j]).as("the displaced feature against the next: %s", Arrays.toString(out))
                        .isGreaterThan(2.0 * second);
            }
        }
    }

    @Test
    void aPipelineDetectionSaysWhichFeatureMadeThePointAnomalous() {
        SplittableRandom random = new SplittableRandom(14L);
        int n = 3_000;
        long[] timestamps = new long[n];
        double[][] columns = new double[3][n];
        for (int i = 0; i < n; i++) {
            timestamps[i] = 1_700_000_000_000L + 60_000L * i;
            for (int j = 0; j < 3; j++) {
                columns[j][i] = random.nextGaussian();
            }
        }
        io.github.anomaly4j.core.Pipeline pipeline = Anomaly.pipeline()
                .detector(IsolationForest.builder().seed(15).build())
                .threshold(io.github.anomaly4j.core.Thresholds.fixed(0.55))
                .fit(io.github.anomaly4j.api.data.TimeSeries.of(timestamps,
                        java.util.List.of("pressure", "temperature", "vibration"), columns));
        io.github.anomaly4j.api.detect.Detection d = pipeline.process(timestamps[n - 1] + 60_000L, 0.1, -0.2, 9.0);
        assertThat(d.anomalous()).as("%s", d).isTrue();
        assertThat(d.attribution()).as("attribution of %s", d).isPresent();
        assertThat(d.attribution().orElseThrow().top()).isEqualTo("vibration");
    }

    @Test
    void scoresFollowThePaper() {
        // c(256) = 2 (ln 255 + Euler's gamma) - 2 * 255 / 256, the value numpy gives for scikit-learn's formula
        // two points far apart: every tree isolates each at depth 1, so h = 1 and s = 2^(-1/c(2)) = 0.5
        AnomalyModel model = IsolationForest.builder().trees(10).build().fit(Frame.ofRows(new double[][] {{0}, {1}}));
        assertThat(model.score(new double[] {0})).isEqualTo(0.5);
        assertThat(model.score(new double[] {7})).isEqualTo(0.5);
        // a constant column: every tree is one leaf of 256 points, h = c(256), s = 0.5
        double[][] constant = new double[1000][];
        Arrays.setAll(constant, i -> new double[] {3.0});
        AnomalyModel flat = IsolationForest.builder().build().fit(Frame.ofRows(constant));
        assertThat(flat.score(new double[] {3.0})).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PathLength.c(256)).isCloseTo(10.244770920119917, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void detectorIsReachableByNameWithItsSettings() {
        Detector byName = Anomaly.detector("iforest", Map.of("trees", 7, "sampleSize", 32, "seed", 3L));
        assertThat(byName).isInstanceOf(IsolationForest.class);
        assertThat(((IsolationForest) byName).trees()).isEqualTo(7);
        double[][] x = blobs(500, 5, 3, 12L);
        AnomalyModel a = byName.fit(Frame.ofRows(x));
        AnomalyModel b = IsolationForest.builder().trees(7).sampleSize(32).seed(3).build().fit(Frame.ofRows(x));
        assertThat(a.state()).isEqualTo(b.state());
    }

    @Test
    void builderRefusesBadAndRepeatedOptions() {
        assertThatThrownBy(() -> IsolationForest.builder().trees(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trees");
        assertThatThrownBy(() -> IsolationForest.builder().sampleSize(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleSize");
        assertThatThrownBy(() -> IsolationForest.builder().seed(1).seed(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> IsolationForest.builder().sampleSize(512).window(300).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void restoreRefusesTamperedState() {
        IsolationForestState s = (IsolationForestState) IsolationForest.builder().trees(3).sampleSize(16).build()
                .fit(Frame.ofRows(blobs(100, 0, 2, 13L))).state();
        int[] features = s.features();
        features[0] = 2;
        assertThatThrownBy(() -> new IsolationForestState(2, 3, 16, 0, features, s.thresholds(), s.normals(),
                s.leafSizes())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features[0]");
        double[] thresholds = s.thresholds();
        thresholds[1] = Double.NaN;
        assertThatThrownBy(() -> new IsolationForestState(2, 3, 16, 0, s.features(), thresholds, s.normals(),
                s.leafSizes())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholds[1]");
        int[] sizes = s.leafSizes();
        sizes[0] += 1;
        assertThatThrownBy(() -> new IsolationForestState(2, 3, 16, 0, s.features(), s.thresholds(), s.normals(),
                sizes)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tree 0");
        assertThatThrownBy(() -> new IsolationForestState(2, 3, 16, 0, s.features(), Arrays.copyOf(
                s.thresholds(), 5), s.normals(), s.leafSizes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds must have");
    }

    @Test
    void splitValueStaysInsideTheInterval() {
        assertThat(TreeGrower.split(0.1, Math.nextUp(0.1), 0.9999999)).isEqualTo(0.1);
        assertThat(TreeGrower.split(-1e308, 1e308, 0.99)).isBetween(-1e308, 1e308);
        assertThat(Double.doubleToRawLongBits(TreeGrower.split(-1.0, 1.0, 0.5))).isEqualTo(0L);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double min = random.nextGaussian() * 1e3;
            double max = min + Math.abs(random.nextGaussian()) * Math.ulp(min) * random.nextInt(1, 4);
            if (max > min) {
                double t = TreeGrower.split(min, max, random.nextDouble());
                assertThat(t >= min && t < max).as("split of [%s, %s): %s", min, max, t).isTrue();
            }
        }
    }

    static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
