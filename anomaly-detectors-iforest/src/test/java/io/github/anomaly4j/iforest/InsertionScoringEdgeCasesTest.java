package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.tck.AllocationCounter;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Edge cases of insertion scoring found in review: extreme magnitudes and tampered snapshots. */
class InsertionScoringEdgeCasesTest {

    private static StreamingDetector insertion(int dimension) {
        return IsolationForest.builder().trees(20).sampleSize(64).window(64).updateEvery(4).seed(3)
                .splitFeatures(IsolationForest.RANGE).streamScoring(IsolationForest.INSERTION).build()
                .newStreamingDetector(dimension);
    }

    /**
     * The cut probability {@code p = sum e_j / sum (r_j + e_j)} is a ratio, so scaling every reading by a power of
     * two (exact in binary floating point) must not change it; near {@code Double.MAX_VALUE} the sums overflow to
     * infinity, which used to turn {@code p} into {@code finite / Infinity = 0}: a reading far outside every box
     * scored like an inlier.
     */
    @Test
    void scoresDoNotChangeWhenEveryReadingIsScaledUpToNearTheLargestDouble() {
        double scale = 0x1p1023; // features in [-1, 1) become ranges up to 2^1024 = Infinity
        StreamingDetector small = insertion(2);
        StreamingDetector big = insertion(2);
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 300; i++) {
            double[] v = {random.nextDouble(-1.0, 1.0), random.nextDouble(-1.0, 1.0)};
            small.update(i + 1L, v);
            big.update(i + 1L, new double[] {v[0] * scale, v[1] * scale});
        }
        Record saved = small.snapshot();
        Record savedBig = big.snapshot();
        double[][] probes = {{1.9, 0.0}, {-1.9, 1.5}, {0.0, 0.0}, {0.5, -0.25}, {1.99, -1.99}};
        for (double[] p : probes) {
            small.restore(saved);
            big.restore(savedBig);
            double s = small.update(1_000L, p);
            double b = big.update(1_000L, new double[] {p[0] * scale, p[1] * scale});
            assertThat(b).as("score of %s x 2^1023 (the same reading unscaled scores %s)", Arrays.toString(p), s)
                    .isCloseTo(s, within(1e-12));
        }
    }

    /**
     * A classic split always sends points to both sides (its value lies in {@code [min, max)} of the node's points),
     * so a snapshot whose split keeps all its points on one side cannot come from training. Insertion scoring would
     * build that node's box from the empty child's scratch box, left over from whatever tree was rebuilt before, so
     * the same snapshot would score differently depending on the restoring detector's history: refuse it.
     */
    @Test
    void aTamperedSplitThatSendsAllItsPointsToOneSideIsRefused() {
        StreamingDetector stream = insertion(2);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            stream.update(i + 1L, new double[] {random.nextGaussian(), random.nextGaussian()});
        }
        StreamingIsolationForestState s = (StreamingIsolationForestState) stream.snapshot();
        IsolationForestState f = s.forest();
        int depth = PathLength.heightLimit(s.sampleSize());
        int internal = (1 << depth) - 1;
        int leaves = 1 << depth;
        int[] features = f.features();
        double[] thresholds = f.thresholds();
        int[] sizes = f.leafSizes();
        double[] points = s.treePoints();
        // a split node just above the leaves with points on both sides; move all of them to the right slot
        int tamperedNode = -1;
        for (int t = 0; t < s.trees() && tamperedNode < 0; t++) {
            for (int node = internal / 2; node < internal; node++) {
                int n = t * internal + node;
                int left = t * leaves + 2 * node + 1 - internal;
                if (features[n] >= 0 && sizes[left] > 0 && sizes[left + 1] > 0) {
                    int first = 0;
                    for (int k = t * leaves; k < left; k++) {
                        first += sizes[k];
                    }
                    int start = t * s.sampleSize() + first;
                    double min = Double.POSITIVE_INFINITY;
                    for (int k = 0; k < sizes[left] + sizes[left + 1]; k++) {
                        min = Math.min(min, points[(start + k) * 2 + features[n]]);
                    }
                    thresholds[n] = min - 1.0;
                    sizes[left + 1] += sizes[left];
                    sizes[left] = 0;
                    tamperedNode = n;
                    break;
                }
            }
        }
        assertThat(tamperedNode).as("a split node above two non-empty leaves").isNotNegative();
        // the forest's record already refuses it: its leaf sizes alone show a classic split with an empty side
        assertThatThrownBy(() -> new IsolationForestState(f.dimension(), f.trees(), f.sampleSize(),
                f.extensionLevel(), features, thresholds, f.normals(), sizes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one side");
    }

    @Test
    void aSnapshotOfAnotherSeedIsRefusedWithAMessageNamingTheSeed() {
        StreamingDetector a = insertion(2);
        StreamingDetector b = IsolationForest.builder().trees(20).sampleSize(64).window(64).updateEvery(4).seed(4)
                .splitFeatures(IsolationForest.RANGE).streamScoring(IsolationForest.INSERTION).build()
                .newStreamingDetector(2);
        assertThatThrownBy(() -> b.restore(a.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed=3").hasMessageContaining("seed 4");
    }

    /**
     * Every option is in range, but the arrays' sizes overflow {@code int}: 9363 trees x 7 points x 65535 features
     * of subsample wrap to 262,139 values (and the boxes to 524,278), so the detector used to be created with
     * arrays far too small and failed at warm-up with an index out of bounds; a window of 65537 x 65535 values
     * wrapped to -1 (NegativeArraySizeException). Refuse both up front, saying why.
     */
    @Test
    void settingsWhoseArraysCannotExistAreRefusedWhenTheDetectorIsCreated() {
        IsolationForest huge = IsolationForest.builder().trees(9363).sampleSize(7).window(7)
                .streamScoring(IsolationForest.INSERTION).build();
        assertThatThrownBy(() -> huge.newStreamingDetector(65_535)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than a Java array holds");
        IsolationForest wide = IsolationForest.builder().sampleSize(1).window(65_537).build();
        assertThatThrownBy(() -> wide.newStreamingDetector(65_535)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than a Java array holds");
    }

    /**
     * Snapshots taken before the warm-up, at its last reading, right after it, while the window is still filling and
     * once it has wrapped, each restored into a detector that has already seen another stream, continue
     * bit-identically.
     */
    @Test
    void snapshotsAroundTheWarmUpAndTheWindowFillingRestoreIntoAUsedDetector() {
        IsolationForest detector = IsolationForest.builder().trees(7).sampleSize(16).window(40).updateEvery(3).seed(8)
                .streamScoring(IsolationForest.INSERTION).build();
        SplittableRandom random = new SplittableRandom(21);
        double[][] x = new double[160][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
        }
        for (int at : new int[] {0, 1, 15, 16, 17, 39, 40, 41, 100}) {
            StreamingDetector a = detector.newStreamingDetector(3);
            for (int i = 0; i < at; i++) {
                a.update(i + 1L, x[i]);
            }
            StreamingDetector b = detector.newStreamingDetector(3);
            for (int i = 0; i < 120; i++) {
                b.update(i + 1L, x[159 - i]);
            }
            b.restore(a.snapshot());
            assertThat(b.isWarm()).as("isWarm after restoring at %d", at).isEqualTo(a.isWarm());
            for (int i = at; i < x.length; i++) {
                assertThat(Double.doubleToRawLongBits(b.update(10_000L + i, x[i])))
                        .as("reading %d after a snapshot at %d", i, at)
                        .isEqualTo(Double.doubleToRawLongBits(a.update(10_000L + i, x[i])));
            }
            assertThat(b.snapshot()).isEqualTo(a.snapshot());
        }
    }

    /**
     * Insertion scoring's own work per reading (the walk over the boxes) and per tree replacement (growing, copying
     * the subsample by leaf, rebuilding the boxes) allocates nothing, even before the JIT compiles it; the whole
     * {@code update} is measured by {@link ScoringAllocationTest}.
     */
    @Test
    void scoringAndRebuildingAllocateNothing() {
        AllocationCounter bytes = new AllocationCounter();
        int d = 4;
        SplittableRandom random = new SplittableRandom(12);
        double[][] x = new double[2_000][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        Forest forest = new Forest(d, 10, 64, 0);
        TreeGrower grower = new TreeGrower(forest, true);
        InsertionScorer scorer = new InsertionScorer(forest);
        TreeGrower.Rows rows = (r, j) -> x[r][j];
        double sink = 0.0;
        long before = bytes.now();
        for (int i = 0; i < x.length; i++) {
            int t = i % forest.trees;
            grower.grow(t, rows, x.length, TreeGrower.treeSeed(7, i));
            grower.copySampleByLeaf(scorer.points, scorer.pointsOffset(t));
            scorer.rebuild(t);
            sink += scorer.pathLengthSum(x[i]);
        }
        long allocated = bytes.now() - before;
        assertThat(sink).isPositive();
        // the first grow sizes the subsample bitmap (x.length / 64 longs); nothing after that
        assertThat(allocated).as("bytes allocated by 2,000 tree replacements and insertion scores")
                .isLessThan(1_024);
    }

    /**
     * The documented default window is {@code max(1024, sampleSize)}; through a spec the settings always held 1024,
     * so {@code iforest{sampleSize=2048}} was refused ("window must be at least sampleSize") while the builder
     * accepted the same thing.
     */
    @Test
    void aSpecWithALargeSampleSizeGetsTheDefaultWindowOfTheBuilder() {
        IsolationForest bySpec = (IsolationForest) io.github.anomaly4j.core.Anomaly.detector("iforest",
                java.util.Map.of("sampleSize", 2048));
        assertThat(bySpec.window()).isEqualTo(IsolationForest.builder().sampleSize(2048).build().window())
                .isEqualTo(2048);
        IsolationForest explicit = (IsolationForest) io.github.anomaly4j.core.Anomaly.detector("iforest",
                java.util.Map.of("sampleSize", 2048, "window", 4096));
        assertThat(explicit.window()).isEqualTo(4096);
        assertThatThrownBy(() -> io.github.anomaly4j.core.Anomaly.detector("iforest",
                java.util.Map.of("sampleSize", 2048, "window", 1000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be at least sampleSize (2048), got 1000");
        // an explicit 1024 is a window the user asked for, not the default: refused like any other too small
        assertThatThrownBy(() -> io.github.anomaly4j.core.Anomaly.detector("iforest",
                java.util.Map.of("sampleSize", 2048, "window", 1024))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be at least sampleSize (2048), got 1024");
    }
}
