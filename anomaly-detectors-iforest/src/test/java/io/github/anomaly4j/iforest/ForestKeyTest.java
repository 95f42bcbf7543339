package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batch scoring compares order-preserving keys instead of doubles: the two comparisons must agree. */
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
}
