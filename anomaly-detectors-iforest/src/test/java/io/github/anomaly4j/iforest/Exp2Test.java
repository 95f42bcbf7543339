package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The score's power of two, {@link Exp2#of}, against exact powers, a 40-digit reference and StrictMath. */
class Exp2Test {
    /** {@code ln 2} to 48 digits. */
    private static final BigDecimal LN2 = new BigDecimal("0.693147180559945309417232121458176568075500134360");
    private static final MathContext DIGITS = new MathContext(40);
    private static final BigDecimal NEGLIGIBLE = new BigDecimal("1e-45");

    /**
     * {@code 2^x} to about 38 significant digits, by the Taylor series of {@code e^(x ln 2)}: what
     * {@link Exp2}'s table was made from.
     *
     * @param x in [0, 1]
     * @return {@code 2^x}
     */
    static BigDecimal exact(BigDecimal x) {
        BigDecimal t = x.multiply(LN2, DIGITS);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; term.signum() != 0 && term.abs().compareTo(NEGLIGIBLE) > 0; k++) {
            term = term.multiply(t, DIGITS).divide(BigDecimal.valueOf(k), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        return sum;
    }

    /** Units in the last place of {@code reference} between the two values. */
    private static double ulps(double value, double reference) {
        return Math.abs(value - reference) / Math.ulp(reference);
    }

    /** {@code |value - 2^y|} in units in the last place of {@code value}, {@code 2^y} to 40 digits; y in (-1022, 0]. */
    private static double ulpsFromExact(double value, double y) {
        double whole = Math.floor(y);
        BigDecimal frac = new BigDecimal(y).subtract(new BigDecimal(whole)); // exact: both are doubles
        BigDecimal exact = exact(frac).multiply(new BigDecimal(Math.scalb(1.0, (int) whole)));
        return new BigDecimal(value).subtract(exact).abs()
                .divide(new BigDecimal(Math.ulp(value)), MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void integersGiveExactPowersOfTwoDownToTheLeastSubnormal() {
        assertThat(Exp2.of(0.0)).isEqualTo(1.0);
        assertThat(Exp2.of(-0.0)).isEqualTo(1.0);
        for (int k = -1074; k <= 1023; k++) {
            assertThat(Exp2.of(k)).as("2^%d", k).isEqualTo(Math.scalb(1.0, k));
        }
    }

    @Test
    void theTableIsTheDecimalSeriesCorrectlyRoundedWithItsRest() {
        assertThat(Exp2.HIGH_LOW).hasSize(512);
        for (int j = 0; j < 256; j++) {
            BigDecimal exact = exact(new BigDecimal(j).divide(new BigDecimal(256)));
            double hi = Double.parseDouble(exact.toString()); // correctly rounded, by Double.parseDouble's contract
            double lo = Double.parseDouble(exact.subtract(new BigDecimal(hi)).toString());
            assertThat(Exp2.HIGH_LOW[2 * j]).as("hi %d", j).isEqualTo(hi);
            assertThat(Exp2.HIGH_LOW[2 * j + 1]).as("lo %d", j).isEqualTo(lo);
        }
    }

    @Test
    void theDecimalSeriesHitsTwoAndTheSquareRootOfTwo() {
        BigDecimal tiny = new BigDecimal("1e-37");
        assertThat(exact(BigDecimal.ONE).subtract(new BigDecimal(2)).abs()).isLessThan(tiny);
        BigDecimal root = exact(new BigDecimal("0.5"));
        assertThat(root.multiply(root).subtract(new BigDecimal(2)).abs()).isLessThan(tiny);
        assertThat(exact(BigDecimal.ZERO)).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void tinyNegativeExponentsGiveOneNotMore() {
        // y * 256 - floor(y * 256) rounds to 1 for the first three (the next 256th, so 2^0), and to 1 - 2^-52 or
        // so for the others (the last entry, times a 2^r that rounds the product to 2)
        for (double y : new double[] {-Double.MIN_VALUE, -1e-300, -0x1p-62, -0x1p-60, -Math.ulp(1.0) / 4}) {
            assertThat(Exp2.of(y)).as("2^%s", y).isEqualTo(1.0);
        }
        assertThat(Exp2.of(-0x1p-40)).isLessThan(1.0).isEqualTo(StrictMath.pow(2.0, -0x1p-40));
    }

    @Test
    void outsideTheFiniteRangeItIsZeroInfinityOrNaN() {
        assertThat(Exp2.of(-1076.0)).isZero();
        assertThat(Exp2.of(-1080.5)).isZero();
        assertThat(Exp2.of(-1e300)).isZero();
        assertThat(Exp2.of(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Exp2.of(1024.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exp2.of(1e300)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exp2.of(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exp2.of(Double.NaN)).isNaN();
        assertThat(Exp2.of(1023.5)).isEqualTo(Math.scalb(Math.sqrt(2.0), 1023)); // both steps correctly rounded
    }

    @Test
    void withinHalfAUlpAndABitOfTheExactValue() {
        SplittableRandom random = new SplittableRandom(17);
        double worst = 0.0;
        for (int i = 0; i < 20_000; i++) {
            double y = -4.0 * random.nextDouble();
            worst = Math.max(worst, ulpsFromExact(Exp2.of(y), y));
        }
        // and next to every 256th in [-2, 0], where the table changes entry
        for (int k = -512; k < 0; k++) {
            double y = k / 256.0;
            for (double z : new double[] {Math.nextDown(y), y, Math.nextUp(y)}) {
                worst = Math.max(worst, ulpsFromExact(Exp2.of(z), z));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(0.52);
    }

    @Test
    void withinOneUlpOfStrictMathOverTheScoresRangeAndBeyond() {
        SplittableRandom random = new SplittableRandom(18);
        double worst = 0.0;
        for (int i = 0; i < 2_000_000; i++) {
            // scores: y = -E[h] / c(psi) lies in about [-3, 0]; the rest of the normal range is covered too
            double y = i % 4 == 0 ? -1022.0 * random.nextDouble() : -4.0 * random.nextDouble();
            worst = Math.max(worst, ulps(Exp2.of(y), StrictMath.pow(2.0, y)));
        }
        // StrictMath.pow is itself within one ulp of the exact value
        assertThat(worst).isLessThanOrEqualTo(1.0);
    }

    @Test
    void subnormalResultsAreWithinOneUnitOfStrictMath() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            double y = -1022.0 - 52.0 * random.nextDouble();
            assertThat(Math.abs(Exp2.of(y) - StrictMath.pow(2.0, y))).as("2^%s", y)
                    .isLessThanOrEqualTo(Double.MIN_VALUE);
        }
    }

    @Test
    void neverDecreasesWhereTheTableChangesEntryNorAlongASweep() {
        // a longer path must not score higher: 2^y may not step down as y grows, least of all at a table joint
        for (int k = -1080 * 256; k < 0; k++) {
            double y = k / 256.0;
            double below = Exp2.of(Math.nextDown(y));
            double at = Exp2.of(y);
            double above = Exp2.of(Math.nextUp(y));
            if (!(below <= at && at <= above)) {
                throw new AssertionError("2^y steps down at y = " + y + ": " + below + ", " + at + ", " + above);
            }
        }
        double previous = 0.0;
        for (double y = -8.0; y <= 0.0; y += 0x1p-20) {
            double v = Exp2.of(y);
            if (v < previous) {
                throw new AssertionError("2^y steps down at y = " + y + ": " + previous + ", then " + v);
            }
            previous = v;
        }
    }
}
