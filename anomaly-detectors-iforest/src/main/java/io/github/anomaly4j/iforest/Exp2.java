package io.github.anomaly4j.iforest;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code 2^y} for the score {@code 2^(-E[h] / c(psi))}: the same bits on every JVM, within about half a unit in
 * the last place of the exact value, and about ten times faster than {@code StrictMath.pow(2, y)} (4 against 39
 * ns a call in a loop), which was 3 % of batch scoring. It allocates nothing even before the JIT compiles it
 * (JDK 17's {@code StrictMath.pow} allocates 96 bytes a call in the interpreter).
 *
 * <p>With {@code y = e + j / 256 + r}, {@code e} an integer, {@code 0 <= j < 256} and {@code 0 <= r < 1/256}:
 * {@code 2^y = 2^e * 2^(j/256) * (1 + q)} with {@code q = 2^r - 1} from five terms of the Taylor series of
 * {@code e^(r ln 2) - 1} (the sixth is below {@code 5.5e-19}). {@code 2^(j/256)} is held as two doubles, its
 * correctly rounded value {@code hi} and the rest {@code lo}, computed once in decimal to 40 digits, so
 * {@code 2^(j/256) * (1 + q)} is {@code hi + (hi q + lo)} with one rounding that matters, the last addition.
 * Plain double arithmetic, which Java 17 evaluates strictly, and {@link Math#floor} and {@link Math#scalb}, both
 * exact by specification: hence the same bits everywhere. {@code Exp2Test} measures the error against a 40-digit
 * reference and checks that the result never decreases across the 256ths where the table changes entry.
 */
final class Exp2 {
    /** The exponent is split into 256ths. */
    private static final int STEPS = 256;
    private static final double[] HIGH = new double[STEPS];
    private static final double[] LOW = new double[STEPS];
    /** {@code ln(2)^k / k!}, k = 1..5, rounded to doubles. */
    private static final double T1 = 0.6931471805599453;
    private static final double T2 = 0.24022650695910072;
    private static final double T3 = 0.05550410866482158;
    private static final double T4 = 0.009618129107628477;
    private static final double T5 = 0.0013333558146428443;

    /** {@code ln 2} to 48 digits. */
    private static final BigDecimal LN2 = new BigDecimal("0.693147180559945309417232121458176568075500134360");
    private static final MathContext DIGITS = new MathContext(40);

    static {
        for (int j = 0; j < STEPS; j++) {
            BigDecimal exact = exact(new BigDecimal(j).divide(new BigDecimal(STEPS)));
            HIGH[j] = exact.doubleValue(); // correctly rounded
            LOW[j] = exact.subtract(new BigDecimal(HIGH[j])).doubleValue();
        }
    }

    private Exp2() {
    }

    /**
     * {@code 2^x} to 40 significant digits, by the Taylor series of {@code e^(x ln 2)}.
     *
     * @param x in [0, 1]
     * @return {@code 2^x}
     */
    static BigDecimal exact(BigDecimal x) {
        BigDecimal t = x.multiply(LN2, DIGITS);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; term.signum() != 0 && term.abs().compareTo(new BigDecimal("1e-45")) > 0; k++) {
            term = term.multiply(t, DIGITS).divide(BigDecimal.valueOf(k), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        return sum;
    }

    /**
     * @param y any double
     * @return {@code 2^y}: 0 below -1080 (under half the least subnormal), infinity from 1024 on, NaN for NaN
     */
    static double of(double y) {
        if (y < -1080.0) {
            return 0.0;
        }
        if (!(y < 1024.0)) {
            return y != y ? y : Double.POSITIVE_INFINITY;
        }
        double s = y * STEPS; // exact: a power of two
        double whole = Math.floor(s);
        double frac = s - whole;
        int m = (int) whole;
        if (frac == 1.0) {
            // s is a tiny negative number: s - whole rounded up to 1, which is the next 256th
            m++;
            frac = 0.0;
        }
        double r = frac / STEPS;
        double q = r * (T1 + r * (T2 + r * (T3 + r * (T4 + r * T5))));
        int j = m & (STEPS - 1);
        double hi = HIGH[j];
        double fraction = hi + (hi * q + LOW[j]);
        int e = m >> 8; // floor(m / 256)
        if (e >= Double.MIN_EXPONENT) {
            // fraction * 2^e is exact for a normal result: multiply by the power of two built from its bits
            return fraction * Double.longBitsToDouble((long) (e + Double.MAX_EXPONENT) << 52);
        }
        return Math.scalb(fraction, e); // subnormal: scalb rounds once
    }
}
