package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bad, degenerate and extreme input: each has a defined behaviour, a clear error or a finite score. */
class IsolationForestBadInputTest {

    private static AnomalyModel fit(IsolationForest detector, double[][] rows) {
        return detector.fit(Frame.ofRows(rows));
    }

    private static IsolationForestState state(AnomalyModel model) {
        return (IsolationForestState) model.state();
    }

    private static IsolationForestState with(IsolationForestState s, int[] features, double[] thresholds,
            float[] normals, int[] leafSizes) {
        return new IsolationForestState(s.dimension(), s.trees(), s.sampleSize(), s.extensionLevel(), features,
                thresholds, normals, leafSizes);
    }

    // ------------------------------------------------------------------------------------------ fit

    @Test
    void emptyRaggedAndNonFiniteTrainingDataAreRefusedNamingTheProblem() {
        IsolationForest detector = IsolationForest.builder().trees(5).build();
        assertThatThrownBy(() -> detector.fit(Frame.ofColumns(java.util.List.of("a"), new double[][] {{}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> fit(detector, new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> fit(detector, new double[][] {{1, 2}, {3, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> fit(detector, new double[][] {{Double.NEGATIVE_INFINITY, 2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
    }

    @Test
    void degenerateTrainingDataGiveDefinedScores() {
        IsolationForest detector = IsolationForest.builder().trees(10).build();
        AnomalyModel one = fit(detector, new double[][] {{1.0, 2.0}});
        AnomalyModel twins = fit(detector, new double[][] {{1.0, 2.0}, {1.0, 2.0}});
        double[][] constant = new double[300][];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = new double[] {4.0, -0.0, i % 2 == 0 ? 0.0 : -0.0};
        }
        AnomalyModel flat = fit(detector, constant);
        // one row: psi = 1, every walk ends at depth 0 with c(1) = 0, so E[h] / c(psi) is 0 / 0: nothing can be
        // told apart, and every point, the row included, scores 0.5 (it used to score 2^0 = 1, most anomalous);
        // two equal rows: one leaf of two, c(2) / c(2), the average 0.5
        assertThat(state(one).sampleSize()).isOne();
        double[][] probes = {{1.0, 2.0}, {1e9, -1e9}};
        for (double[] x : probes) {
            assertThat(one.score(x)).isEqualTo(0.5);
            assertThat(twins.score(x)).isEqualTo(0.5);
        }
        double[] batch = new double[2];
        one.scoreBatch(probes, batch);
        assertThat(batch).containsExactly(0.5, 0.5);
        StreamingDetector lone = IsolationForest.builder().trees(10).sampleSize(1).window(4).updateEvery(1).build()
                .newStreamingDetector(2);
        for (int i = 0; i < 10; i++) {
            // the first reading is the warm-up (score 0); then every tree is a single leaf of one point
            assertThat(lone.update(1_000L * (i + 1), probes[i % 2])).as("reading %d", i).isEqualTo(i == 0 ? 0.0 : 0.5);
        }
        assertThat(flat.score(new double[] {4.0, 0.0, 0.0})).isEqualTo(0.5);
        assertThat(flat.score(new double[] {-1e300, 7.0, 1.0})).isEqualTo(0.5);
        // a constant column among varying ones is never split on; a column with one odd value at most once a tree
        double[][] mixed = IsolationForestTest.blobs(300, 0, 3, 8L);
        for (int i = 0; i < mixed.length; i++) {
            mixed[i][0] = 2.5;
            mixed[i][2] = i == 17 ? 1.0 : 0.0;
        }
        IsolationForestState s = state(fit(IsolationForest.builder().trees(30).build(), mixed));
        int[] features = s.features();
        double[] thresholds = s.thresholds();
        int[] oddSplits = new int[s.trees()];
        for (int n = 0; n < features.length; n++) {
            assertThat(features[n]).isNotEqualTo(0);
            if (features[n] == 2) {
                assertThat(++oddSplits[n / (features.length / s.trees())]).isOne();
                assertThat(thresholds[n]).isGreaterThanOrEqualTo(0.0).isLessThan(1.0); // the odd row alone goes right
            }
        }
    }

    @Test
    void extremeValuesGiveFiniteThresholdsInsideTheRangeAndNeverMinusZero() {
        double[] pool = {Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MIN_NORMAL, 0.0, -0.0, 1.0, -1.0, 2 * Double.MIN_VALUE};
        SplittableRandom random = new SplittableRandom(5);
        double[][] rows = new double[400][3];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = pool[random.nextInt(pool.length)];
            }
        }
        for (String rule : new String[] {IsolationForest.UNIFORM, IsolationForest.RANGE}) {
            AnomalyModel model = fit(IsolationForest.builder().trees(20).sampleSize(64).splitFeatures(rule).build(),
                    rows);
            IsolationForestState s = state(model);
            int[] f = s.features();
            double[] t = s.thresholds();
            for (int n = 0; n < f.length; n++) {
                if (f[n] >= 0) {
                    assertThat(Double.isFinite(t[n])).isTrue();
                    assertThat(Double.doubleToRawLongBits(t[n])).as("threshold %d", n)
                            .isNotEqualTo(Double.doubleToRawLongBits(-0.0));
                }
            }
            double[] out = new double[rows.length];
            model.scoreBatch(rows, out);
            for (int i = 0; i < rows.length; i++) {
                assertThat(out[i]).isEqualTo(model.score(rows[i])).isBetween(0.0, 1.0);
            }
            // streaming with insertion scoring checks every point reaches its slot and every split cuts
            StreamingDetector stream = IsolationForest.builder().trees(20).sampleSize(64).window(64).updateEvery(1)
                    .splitFeatures(rule).streamScoring(IsolationForest.INSERTION).build().newStreamingDetector(3);
            for (int i = 0; i < rows.length; i++) {
                assertThat(stream.update(i + 1, rows[i])).isBetween(0.0, 1.0);
                if (i % 37 == 0 && stream.isWarm()) {
                    stream.restore(stream.snapshot());
                }
            }
        }
        AnomalyModel extended = fit(IsolationForest.builder().trees(20).sampleSize(64).extensionLevel(2).build(),
                rows);
        for (double[] row : rows) {
            assertThat(extended.score(row)).isBetween(0.0, 1.0);
            double[] why = new double[3];
            extended.attribute(row, why);
            assertThat(Arrays.stream(why).allMatch(Double::isFinite)).isTrue();
        }
    }

    @Test
    void anExtendedFitWhoseNormalsCannotFitInAnArrayIsRefusedNamingTheArray() {
        double[][] rows = new double[256][1000];
        SplittableRandom random = new SplittableRandom(2);
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble();
            }
        }
        IsolationForest detector = IsolationForest.builder().trees(10_000).sampleSize(256).extensionLevel(1).build();
        assertThatThrownBy(() -> fit(detector, rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normals");
    }

    /**
     * A model's state holds at most 2^30 - 1 nodes (times the dimension when extended). 10,000 trees of up to
     * 65,536 points each pass their own range checks but make 1.3 billion nodes: the builder used to accept them,
     * and a fit grew the whole forest (some 20 GB) before its state refused it; a streaming detector ran but could
     * never be snapshotted.
     */
    @Test
    void settingsWhoseModelStateCannotExistAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> IsolationForest.builder().trees(10_000).sampleSize(65_536).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000 trees")
                .hasMessageContaining("sampleSize");
        assertThat(IsolationForest.builder().trees(8_192).sampleSize(65_536).build().trees()).isEqualTo(8_192);
        assertThat(IsolationForest.builder().trees(10_000).sampleSize(32_768).build().trees()).isEqualTo(10_000);
        // extended: the normals' 10,000 x 255 x 300 floats fit a Java array, but not a model's state (which counts
        // 511 nodes per tree x 300); refused when the dimension is known, before 3 GB of normals are allocated
        IsolationForest extended = IsolationForest.builder().trees(10_000).sampleSize(256).extensionLevel(1).build();
        assertThatThrownBy(() -> extended.newStreamingDetector(300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than a model's state holds");
        assertThatThrownBy(() -> extended.fit(Frame.ofRows(new double[256][300])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than a model's state holds");
    }

    // ------------------------------------------------------------------------------------------ score

    @Test
    void scoringRefusesBadVectorsAndBatches() {
        AnomalyModel model = fit(IsolationForest.builder().trees(10).build(), IsolationForestTest.blobs(200, 2, 3, 1L));
        assertThatThrownBy(() -> model.score(new double[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects 3");
        assertThatThrownBy(() -> model.score(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.score(new double[] {0, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1");
        assertThatThrownBy(() -> model.scoreBatch(new double[][] {{0, 0, 0}, null}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> model.scoreBatch(new double[][] {{0, 0, 0}, {0, 0, 0}}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 slots for 2 rows");
        double[] out = {7.0, 7.0};
        assertThatThrownBy(() -> model.scoreBatch(new double[][] {{0, 0, 0}, {0, Double.POSITIVE_INFINITY, 0}},
                out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThat(out).containsExactly(7.0, 7.0);
        model.scoreBatch(new double[0][], new double[0]);
        assertThatThrownBy(() -> model.attribute(new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out");
        assertThatThrownBy(() -> model.attribute(new double[4], new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------ state

    private static IsolationForestState classic() {
        return state(fit(IsolationForest.builder().trees(3).sampleSize(16).seed(4).build(),
                IsolationForestTest.blobs(100, 0, 2, 13L)));
    }

    @Test
    void shapeFieldsOutOfRangeAreRefused() {
        IsolationForestState s = classic();
        assertThatThrownBy(() -> new IsolationForestState(2, 0, 16, 0, new int[0], new double[0], new float[0],
                new int[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trees");
        assertThatThrownBy(() -> new IsolationForestState(2, 3, 16, 2, s.features(), s.thresholds(), s.normals(),
                s.leafSizes())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extensionLevel");
        assertThatThrownBy(() -> new IsolationForestState(2, Integer.MAX_VALUE, 65_536, 0, s.features(),
                s.thresholds(), s.normals(), s.leafSizes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trees");
        int[] sizes = s.leafSizes();
        int k = 0;
        while (sizes[k] == 0) {
            k++;
        }
        sizes[k] = -1;
        sizes[k + 1] += 1 + s.leafSizes()[k];
        assertThatThrownBy(() -> with(s, s.features(), s.thresholds(), s.normals(), sizes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leafSizes[" + k + "]");
    }

    @Test
    void aMinusZeroThresholdIsRefused() {
        IsolationForestState s = classic();
        double[] thresholds = s.thresholds();
        thresholds[0] = -0.0;
        assertThatThrownBy(() -> with(s, s.features(), thresholds, s.normals(), s.leafSizes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholds[0]");
    }

    @Test
    void aPassThroughWithASplitBelowIsRefused() {
        IsolationForestState s = classic();
        int[] features = s.features();
        assertThat(features[0]).isNotNegative();
        features[0] = -1; // the root passes every point left, but its children still split
        assertThatThrownBy(() -> with(s, features, s.thresholds(), s.normals(), s.leafSizes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass-through");
    }

    @Test
    void pointsFiledWhereNoWalkCanReachAreRefused() {
        // one tree of 4 points: root a pass-through, the leaf sizes 2 + 2 across its two sides
        int[] features = {-1, -1, -1};
        double[] thresholds = new double[3];
        int[] sizes = {2, 0, 2, 0};
        assertThatThrownBy(() -> new IsolationForestState(1, 1, 4, 0, features, thresholds, new float[0], sizes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leafSizes[2]");
    }

    @Test
    void aClassicSplitWithAnEmptySideOrASplitOfOnePointIsRefused() {
        // root splits feature 0 at 0.5, its left child passes through; the right side holds nothing
        int[] features = {0, -1, -1};
        double[] thresholds = {0.5, 0, 0};
        assertThatThrownBy(() -> new IsolationForestState(1, 1, 4, 0, features, thresholds, new float[0],
                new int[] {4, 0, 0, 0})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 0");
        assertThatThrownBy(() -> new IsolationForestState(1, 1, 1, 0, new int[] {0}, new double[] {0.5},
                new float[0], new int[] {1, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 0");
    }

    @Test
    void anExtendedSplitWithAZeroNormalIsRefused() {
        IsolationForestState s = state(fit(IsolationForest.builder().trees(3).sampleSize(16).extensionLevel(1)
                .build(), IsolationForestTest.blobs(100, 0, 2, 13L)));
        assertThat(s.features()[0]).isZero();
        float[] normals = s.normals();
        normals[0] = 0f;
        normals[1] = 0f;
        double[] thresholds = s.thresholds();
        thresholds[0] = -1.0; // every point goes right: restored, attribution was NaN (its credit / a zero norm)
        assertThatThrownBy(() -> with(s, s.features(), thresholds, normals, s.leafSizes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normals[0..1]");
    }

    /** A model file cut short, flipped, or tampered and re-hashed is refused by the codec, saying why. */
    @Test
    void truncatedOrTamperedModelFilesAreRefusedByTheCodec() throws Exception {
        AnomalyModel model = fit(IsolationForest.builder().trees(3).sampleSize(16).build(),
                IsolationForestTest.blobs(100, 0, 2, 13L));
        byte[] file = Anomaly.codec().encode(model);
        assertThatThrownBy(() -> Anomaly.codec().decodeAnomalyModel(Arrays.copyOf(file, file.length - 10)))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> Anomaly.codec().decodeAnomalyModel(Arrays.copyOf(file, 30)))
                .isInstanceOf(ModelFormatException.class);
        String text = new String(file, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String json = text.substring(newline + 1);
        String tampered = json.replaceFirst("\"features\":\\[-?\\d+", "\"features\":[-1");
        assertThat(tampered).isNotEqualTo(json);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(tampered.getBytes(StandardCharsets.UTF_8)));
        byte[] rehashed = ("#anomaly4j-model sha256:" + hash + "\n" + tampered).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Anomaly.codec().decodeAnomalyModel(rehashed))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("pass-through");
    }

    // ------------------------------------------------------------------------------------------ builder, spec

    @Test
    void specsOutOfRangeOrUnknownAreRefusedNamingTheParameter() {
        for (Map<String, Object> spec : java.util.List.<Map<String, Object>>of(Map.of("trees", 0),
                Map.of("trees", -1), Map.of("trees", 10_001), Map.of("sampleSize", 0), Map.of("sampleSize", 65_537),
                Map.of("window", 0), Map.of("window", (1 << 20) + 1), Map.of("updateEvery", 0),
                Map.of("updateEvery", (1 << 20) + 1), Map.of("extensionLevel", 65_535),
                Map.of("extensionLevel", -1), Map.of("threads", 0), Map.of("threads", 257),
                Map.of("streamScoring", "boxes"), Map.of("splitFeatures", "widest"), Map.of("tress", 5))) {
            String name = spec.keySet().iterator().next();
            assertThatThrownBy(() -> Anomaly.detector("iforest", spec)).as("%s", spec)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
        assertThatThrownBy(() -> Anomaly.detector("iforest", Map.of("sampleSize", 2048, "window", 1024)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> Anomaly.detector("iforest", Map.of("extensionLevel", 1, "streamScoring",
                "insertion"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extensionLevel");
        assertThat(IsolationForest.builder().sampleSize(1).trees(1).build().sampleSize()).isOne();
    }

    // ------------------------------------------------------------------------------------------ streaming

    @Test
    void aStreamRestoredMidwayContinuesBitIdentically() {
        for (IsolationForest detector : new IsolationForest[] {
            IsolationForest.builder().trees(20).sampleSize(32).window(64).updateEvery(3).seed(9).build(),
            IsolationForest.builder().trees(20).sampleSize(32).window(64).updateEvery(3).seed(9).extensionLevel(1)
                    .build(),
            IsolationForest.builder().trees(20).sampleSize(32).window(64).updateEvery(3).seed(9)
                    .splitFeatures(IsolationForest.RANGE).build()}) {
            double[][] readings = IsolationForestTest.blobs(600, 10, 2, 21L);
            StreamingDetector a = detector.newStreamingDetector(2);
            for (int i = 0; i < 250; i++) {
                a.update(i, readings[i]);
            }
            StreamingDetector b = detector.newStreamingDetector(2);
            b.update(-5, new double[] {1, 1});
            b.restore(a.snapshot());
            for (int i = 250; i < readings.length; i++) {
                assertThat(Double.doubleToRawLongBits(b.update(i, readings[i])))
                        .isEqualTo(Double.doubleToRawLongBits(a.update(i, readings[i])));
            }
            assertThat(b.snapshot()).isEqualTo(a.snapshot());
        }
    }

    @Test
    void aStreamingStateWithTreeCountersThatDoNotMatchItsReadingsIsRefused() {
        IsolationForest detector = IsolationForest.builder().trees(10).sampleSize(16).window(32).updateEvery(2)
                .build();
        StreamingDetector stream = detector.newStreamingDetector(2);
        double[][] readings = IsolationForestTest.blobs(100, 0, 2, 3L);
        for (int i = 0; i < readings.length; i++) {
            stream.update(i, readings[i]);
        }
        StreamingIsolationForestState s = (StreamingIsolationForestState) stream.snapshot();
        assertThat(s.grown()).isEqualTo(10 + (100 - 16) / 2);
        assertThatThrownBy(() -> new StreamingIsolationForestState(s.dimension(), s.trees(), s.sampleSize(),
                s.seed(), s.extensionLevel(), s.window(), s.updateEvery(), s.streamScoring(), s.splitFeatures(),
                s.seen(), s.lastTimestamp(), s.recent(), s.nextTree(), s.grown() + 1, s.forest(), s.treePoints()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grown");
        assertThatThrownBy(() -> new StreamingIsolationForestState(s.dimension(), s.trees(), s.sampleSize(),
                s.seed(), s.extensionLevel(), s.window(), s.updateEvery(), s.streamScoring(), s.splitFeatures(),
                s.seen(), s.lastTimestamp(), s.recent(), (s.nextTree() + 1) % 10, s.grown(), s.forest(),
                s.treePoints())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nextTree");
        assertThatThrownBy(() -> new StreamingIsolationForestState(2, 10, 16, s.seed(), 0, 32, 2, "depth",
                "uniform", 5, 4L, new double[10], 0, 3, null, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grown");
    }
}
