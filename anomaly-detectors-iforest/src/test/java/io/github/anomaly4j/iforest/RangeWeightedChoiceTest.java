package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The range-weighted rule draws the root's feature in proportion to its range, also beyond Double.MAX_VALUE. */
class RangeWeightedChoiceTest {

    /** Root feature counts over {@code trees} trees grown on rows whose features span {@code 0, 1, 0, 3} x scale. */
    private static int[] rootFeatures(double scale, int trees) {
        // feature 0 constant, 1 spans 1, 2 constant, 3 spans 3 (x scale): expected shares 0, 1/4, 0, 3/4
        double[][] rows = new double[64][4];
        for (int i = 0; i < rows.length; i++) {
            double u = i / 63.0 - 0.5;
            rows[i] = new double[] {0.875 * scale, u * scale, -0.5 * scale, 3.0 * u * scale};
        }
        Forest forest = new Forest(4, trees, 64, 0);
        TreeGrower grower = new TreeGrower(forest, true);
        int[] count = new int[4];
        for (int t = 0; t < trees; t++) {
            grower.grow(t, (r, j) -> rows[r][j], rows.length, TreeGrower.treeSeed(11, t));
            count[forest.feature[t * forest.internal]]++;
        }
        return count;
    }

    @Test
    void rootFeatureSharesFollowTheRanges() {
        int trees = 4_000;
        for (double scale : new double[] {1.0, 0x1p1022}) { // at 2^1022 the ranges sum to 2^1024: Infinity
            int[] count = rootFeatures(scale, trees);
            assertThat(count[0] + count[2]).as("constant features chosen, scale %s", scale).isZero();
            // binomial sd of the share of feature 1: sqrt(0.25 x 0.75 / 4000) = 0.0068; 5 sd = 0.034
            assertThat(count[1] / (double) trees).as("share of feature 1 (range 1 of 4), scale %s", scale)
                    .isBetween(0.25 - 0.034, 0.25 + 0.034);
        }
        assertThat(rootFeatures(0x1p1022, 500)).as("the scaled path draws as the plain one")
                .isEqualTo(rootFeatures(1.0, 500));
    }
}
