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

    /** The tree height limit ceil(log2 psi) of the paper, at least 1 so that two points can be told apart. */
    static int heightLimit(int psi) {
        int h = 32 - Integer.numberOfLeadingZeros(Math.max(psi, 2) - 1);
        return Math.max(h, 1);
    }
}
