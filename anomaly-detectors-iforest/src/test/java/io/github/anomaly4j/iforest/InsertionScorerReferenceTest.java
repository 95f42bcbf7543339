package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link InsertionScorer#pathLengthSum} against a plain reference: every node's box computed directly from the
 * subsample points that pass through it (not bottom-up from leaf slots), the cut probability
 * {@code p = sum e_j / sum (r_j + e_j)}, the expected reciprocal depth and the harmonic mean over the trees written
 * out as in the class comment.
 */
class InsertionScorerReferenceTest {

    @Test
    void matchesAPlainReferenceOnDuplicatesConstantFeaturesAndEdges() {
        for (int d : new int[] {1, 3}) {
            for (boolean range : new boolean[] {false, true}) {
                check(d, range);
            }
        }
    }

    private static void check(int d, boolean range) {
        SplittableRandom random = new SplittableRandom(31L * d + (range ? 1 : 0));
        // few distinct values (many duplicates, so early leaves), feature 1 constant when it exists
        double[][] rows = new double[200][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = j == 1 ? 5.0 : random.nextInt(6) * 0.5;
            }
        }
        Forest forest = new Forest(d, 12, 32, 0);
        TreeGrower grower = new TreeGrower(forest, range);
        InsertionScorer scorer = new InsertionScorer(forest);
        TreeGrower.Rows source = (r, j) -> rows[r][j];
        for (int t = 0; t < forest.trees; t++) {
            grower.grow(t, source, rows.length, TreeGrower.treeSeed(3, t));
            grower.copySampleByLeaf(scorer.points, scorer.pointsOffset(t));
            scorer.rebuild(t);
        }
        for (int k = 0; k < 300; k++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                // on the grid (box edges, equal to points), between it, or outside it
                x[j] = k % 3 == 0 ? random.nextInt(6) * 0.5 : random.nextDouble(-2.0, 5.0);
            }
            if (d > 1 && k % 2 == 0) {
                x[1] = 5.0;
            }
            double expected = reference(forest, scorer.points, x);
            assertThat(scorer.pathLengthSum(x)).as("d %d, range %s, probe %d", d, range, k)
                    .isCloseTo(expected, within(1e-9 * expected));
        }
    }

    /** Trees x the harmonic mean of the per-tree expected path lengths, straight from the definition. */
    private static double reference(Forest f, double[] points, double[] x) {
        int d = f.dimension;
        double inverse = 0.0;
        for (int t = 0; t < f.trees; t++) {
            int base = t * f.sampleSize * d;
            double q = 1.0;
            double expected = 0.0;
            int node = 0;
            int level = 0;
            while (true) {
                if (node >= f.internal) { // a leaf slot at the height limit
                    expected += q / Math.max(1.0, f.leafLength[t * f.leaves + node - f.internal]);
                    break;
                }
                // the box of the subsample points whose walk passes through this node
                double[] lo = new double[d];
                double[] hi = new double[d];
                java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
                for (int p = 0; p < f.sampleSize; p++) {
                    if (passes(f, t, points, base + p * d, node)) {
                        for (int j = 0; j < d; j++) {
                            lo[j] = Math.min(lo[j], points[base + p * d + j]);
                            hi[j] = Math.max(hi[j], points[base + p * d + j]);
                        }
                    }
                }
                double e = 0.0;
                double r = 0.0;
                for (int j = 0; j < d; j++) {
                    e += Math.max(0.0, lo[j] - x[j]) + Math.max(0.0, x[j] - hi[j]);
                    r += hi[j] - lo[j];
                }
                double p = e + r == 0.0 ? 0.0 : e / (e + r);
                expected += q * p / (level + 1);
                q *= 1.0 - p;
                int n = t * f.internal + node;
                if (f.threshold[n] == Double.POSITIVE_INFINITY) { // an early leaf: its points sit in the leftmost slot
                    int slot = node;
                    while (slot < f.internal) {
                        slot = 2 * slot + 1;
                    }
                    expected += q / Math.max(1.0, f.leafLength[t * f.leaves + slot - f.internal]);
                    break;
                }
                node = 2 * node + (x[f.feature[n]] > f.threshold[n] ? 2 : 1);
                level++;
            }
            inverse += expected;
        }
        return (double) f.trees * f.trees / inverse;
    }

    /** Whether the point at {@code offset} walks through {@code target} (stopping at pass-throughs). */
    private static boolean passes(Forest f, int t, double[] points, int offset, int target) {
        int node = 0;
        while (node <= target) {
            if (node == target) {
                return true;
            }
            if (node >= f.internal) {
                return false;
            }
            int n = t * f.internal + node;
            if (f.threshold[n] == Double.POSITIVE_INFINITY) {
                return false; // everything below a pass-through belongs to it
            }
            node = 2 * node + (points[offset + f.feature[n]] > f.threshold[n] ? 2 : 1);
        }
        return false;
    }
}
