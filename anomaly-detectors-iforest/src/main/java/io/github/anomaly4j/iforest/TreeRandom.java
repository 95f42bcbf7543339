package io.github.anomaly4j.iforest;

/**
 * The random numbers of one tree: SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), reseeded in place for every
 * tree so that growing a tree allocates nothing (the streaming detector grows one every few readings). Not
 * thread-safe; one per {@link TreeGrower}.
 */
final class TreeRandom {
    private long state;
    private boolean hasSpare;
    private double spare;

    void reseed(long seed) {
        state = seed;
        hasSpare = false;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound) for {@code bound >= 1}, without modulo bias (rejection). */
    int nextInt(int bound) {
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (true) {
            long u = nextLong() >>> 33;
            if (u < limit) {
                return (int) (u % bound);
            }
        }
    }

    /** Standard normal, Marsaglia's polar method (the second value of each pair is kept for the next call). */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
