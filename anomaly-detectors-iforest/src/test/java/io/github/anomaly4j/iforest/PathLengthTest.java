package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The score's power of two, {@link PathLength#twoTo}, against {@link StrictMath#pow} and exact powers. */
class PathLengthTest {
    private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755");

    /** Units in the last place of {@code reference} between the two values. */
    private static double ulps(double value, double reference) {
        return Math.abs(value - reference) / Math.ulp(reference);
    }

    @Test
    void integersGiveExactPowersOfTwoDownToTheLeastSubnormal() {
        assertThat(PathLength.twoTo(0.0)).isEqualTo(1.0);
        assertThat(PathLength.twoTo(-0.0)).isEqualTo(1.0);
        for (int k = -1074; k <= 1023; k++) {
            assertThat(PathLength.twoTo(k)).as("2^%d", k).isEqualTo(Math.scalb(1.0, k));
        }
    }

    @Test
    void belowTheSubnormalsIsZero() {
        assertThat(PathLength.twoTo(-1076.0)).isZero();
        assertThat(PathLength.twoTo(-1080.5)).isZero();
        assertThat(PathLength.twoTo(-1e300)).isZero();
        assertThat(PathLength.twoTo(Double.NEGATIVE_INFINITY)).isZero();
    }

    @Test
    void withinTwoUlpsOfStrictMathOverTheScoresRangeAndBeyond() {
        SplittableRandom random = new SplittableRandom(17);
        double worst = 0.0;
        for (int i = 0; i < 2_000_000; i++) {
            // scores: y = -E[h] / c(psi) lies in about [-3, 0]; the rest of the doubles' range is covered too
            double y = i % 4 == 0 ? -1022.0 * random.nextDouble() : -4.0 * random.nextDouble();
            double reference = StrictMath.pow(2.0, y);
            worst = Math.max(worst, ulps(PathLength.twoTo(y), reference));
        }
        // StrictMath.pow is itself within one ulp of the exact value
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void subnormalResultsRoundLikeStrictMath() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 100_000; i++) {
            double y = -1022.0 - 52.0 * random.nextDouble();
            double reference = StrictMath.pow(2.0, y);
            assertThat(Math.abs(PathLength.twoTo(y) - reference)).as("2^%s", y)
                    .isLessThanOrEqualTo(2 * Double.MIN_VALUE);
        }
    }

    @Test
    void closeToTheExactValueWhereTheTableAndTheSeriesMeet() {
        MathContext context = new MathContext(40);
        for (int j = 0; j <= 256; j++) {
            for (double nudge : new double[] {-0x1p-60, 0.0, 0x1p-60, 0x1p-9}) {
                double y = -1.0 + j / 256.0 + nudge;
                if (y > 0.0) {
                    continue;
                }
                // 2^y = 2^-1 * 2^(y + 1) with y + 1 in [0, 1]: the exact value from a series of many terms
                BigDecimal t = new BigDecimal(y).add(BigDecimal.ONE).multiply(LN2);
                BigDecimal term = BigDecimal.ONE;
                BigDecimal sum = BigDecimal.ONE;
                for (int k = 1; k < 40; k++) {
                    term = term.multiply(t, context).divide(BigDecimal.valueOf(k), context);
                    sum = sum.add(term, context);
                }
                double exact = sum.doubleValue() / 2.0;
                assertThat(ulps(PathLength.twoTo(y), exact)).as("2^%s", y).isLessThanOrEqualTo(1.0);
            }
        }
    }
}
