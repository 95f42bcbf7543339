package io.github.anomaly4j.iforest;

/**
 * The average path length of an unsuccessful search in a binary search tree of {@code n} points, {@code c(n)} of
 * Liu, Ting and Zhou (2008), eq. 1: {@code c(n) = 2 H(n-1) - 2(n-1)/n} with the harmonic number approximated by
 * {@code ln(i) + 0.5772156649} (Euler's constant), {@code c(2) = 1} and {@code c(n) = 0} for {@code n <= 1}. It is
 * both the correction added at a leaf holding {@code n} training points and the normaliser of the score. The same
 * form as scikit-learn's, so leaf corrections agree with the reference to the last bit of the formula.
 */
final class PathLength {
    private static final double EULER_GAMMA = 0.5772156649015329;

    /** {@link #twoTo} splits its exponent into 256ths: {@code 2^y = 2^e * 2^(j / 256) * 2^r}. */
    private static final int STEPS = 256;
    /** {@code 2^(j / 256)}, j = 0..255, from {@link StrictMath#pow}, which gives the same bits on every JVM. */
    private static final double[] TWO_TO_STEP = new double[STEPS];
    /** {@code ln(2)^k / k!}, k = 1..5: the Taylor series of {@code 2^r = e^(r ln 2)}, rounded to doubles. */
    private static final double T1 = 0.6931471805599453;
    private static final double T2 = 0.24022650695910072;
    private static final double T3 = 0.05550410866482158;
    private static final double T4 = 0.009618129107628477;
    private static final double T5 = 0.0013333558146428443;

    static {
        for (int j = 0; j < STEPS; j++) {
            TWO_TO_STEP[j] = StrictMath.pow(2.0, (double) j / STEPS);
        }
    }

    private PathLength() {
    }

    static double c(int n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        return 2.0 * (StrictMath.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
    }

    /**
     * {@code 2^y}, the score's power: within two units in the last place of the exact value (measured against
     * {@link StrictMath#pow}, which is within one), exact when {@code y} is an integer, and the same bits on
     * every JVM, since it is plain double arithmetic (strict in Java 17) on a table made by {@code StrictMath}.
     * About ten times faster than {@code StrictMath.pow(2, y)} (4 against 39 ns in a loop), which was 3 % of batch
     * scoring, and it allocates nothing even before the JIT compiles it (JDK 17's {@code StrictMath.pow} allocates
     * 96 bytes a call in the interpreter).
     * With {@code y = e + j / 256 + r}, {@code e} an integer, {@code 0 <= j < 256} and {@code 0 <= r < 1/256}:
     * {@code 2^y = 2^e * 2^(j/256) * 2^r}, the middle factor from the table and the last from five terms of its
     * Taylor series (the sixth is below {@code 5e-19}).
     *
     * @param y at most 1023; below -1080 the result is 0
     * @return {@code 2^y}
     */
    static double twoTo(double y) {
        if (!(y >= -1080.0)) {
            return 0.0; // below half the least subnormal, 2^-1075
        }
        double s = y * STEPS; // exact: a power of two
        double whole = Math.floor(s);
        int m = (int) whole;
        double r = (s - whole) / STEPS;
        double fraction = TWO_TO_STEP[m & (STEPS - 1)] * (1.0 + r * (T1 + r * (T2 + r * (T3 + r * (T4 + r * T5)))));
        int e = m >> 8; // floor(m / 256)
        if (e >= Double.MIN_EXPONENT) {
            // fraction * 2^e is exact for a normal result: multiply by the power of two built from its bits
            return fraction * Double.longBitsToDouble((long) (e + Double.MAX_EXPONENT) << 52);
        }
        return Math.scalb(fraction, e); // subnormal: scalb rounds once
    }

    /** The tree height limit ceil(log2 psi) of the paper, at least 1 so that two points can be told apart. */
    static int heightLimit(int psi) {
        int h = 32 - Integer.numberOfLeadingZeros(Math.max(psi, 2) - 1);
        return Math.max(h, 1);
    }
}
