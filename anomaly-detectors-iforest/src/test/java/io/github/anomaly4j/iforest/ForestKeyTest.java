package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batch scoring compares order-preserving keys instead of doubles (the two comparisons must agree) and indexes its
 * arrays through masks (their lengths must be powers of two).
 */
class ForestKeyTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -Double.MIN_NORMAL, 1.0, -1.0, Math.nextUp(1.0), Math.nextDown(1.0), Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -1e-300, 123.456, -123.456};

    @Test
    void keysCompareAsTheDoublesDoApartFromTheTwoZeros() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] vs = new double[SPECIAL.length + 2_000];
        System.arraycopy(SPECIAL, 0, vs, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < vs.length; i++) {
            // any bit pattern but NaN: every exponent and sign
            double v;
            do {
                v = Double.longBitsToDouble(rnd.nextLong());
            } while (Double.isNaN(v));
            vs[i] = i % 3 == 0 ? v : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-20, 20));
        }
        for (double u : vs) {
            for (double v : vs) {
                boolean zeros = u == 0.0 && v == 0.0;
                if (!zeros) {
                    assertThat(Forest.key(u) > Forest.key(v)).as("%s > %s", u, v).isEqualTo(u > v);
                }
            }
        }
        // the one disagreement, harmless because no threshold is -0.0: -0.0 keys below 0.0
        assertThat(Forest.key(-0.0)).isLessThan(Forest.key(0.0));
        assertThat(Forest.key(0.0) > Forest.key(0.0)).isFalse();
        assertThat(Forest.key(-0.0) > Forest.key(0.0)).isFalse();
    }

    @Test
    void maskedLengthsArePowersOfTwoAtLeastTheSize() {
        assertThat(Forest.maskedLength(0)).isOne();
        assertThat(Forest.maskedLength(1)).isOne();
        assertThat(Forest.maskedLength(2)).isEqualTo(2);
        assertThat(Forest.maskedLength(3)).isEqualTo(4);
        assertThat(Forest.maskedLength(25_500)).isEqualTo(32_768);
        assertThat(Forest.maskedLength(1 << 20)).isEqualTo(1 << 20);
        assertThat(Forest.maskedLength((1 << 30) - 1)).isEqualTo(1 << 30);
    }

    @Test
    void theBatchWalkRefusesArraysTheMasksWouldWrapAround() {
        Forest forest = new Forest(3, 2, 8, 0);
        for (int t = 0; t < forest.trees; t++) {
            forest.clearTree(t); // every node passes through: each point ends in the leftmost leaf slot
            forest.leafSize[t * forest.leaves] = 8;
            forest.deriveTree(t);
        }
        long[] keys = forest.thresholdKeys();
        int[] columns = forest.columns();
        assertThat(Integer.bitCount(keys.length)).isOne();
        assertThat(Integer.bitCount(columns.length)).isOne();
        double[] sums = new double[Forest.BLOCK];
        int[] idx = new int[Forest.BLOCK];
        // 3 features x 128 points: a block of exactly 384 would be wrapped by a mask of 511
        assertThatThrownBy(() -> forest.pathLengthSums(keys, columns, new long[3 * Forest.BLOCK], 1, sums, idx))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("power-of-two");
        forest.pathLengthSums(keys, columns, new long[Forest.maskedLength(3 * Forest.BLOCK)], 1, sums, idx);
        assertThat(sums[0]).isEqualTo(2 * PathLength.c(8)); // two trees, each a single leaf of 8 points
    }
}
