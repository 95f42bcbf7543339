package io.github.anomaly4j.drift;

import java.util.SplittableRandom;

/** Seeded samples for the drift tests' own tests. */
final class SeededSamples {
    private SeededSamples() {
    }

    /** Standard normal values (Box-Muller on a {@link SplittableRandom}) plus a shift. */
    static double[] normal(long seed, int n, double shift) {
        return normal(new SplittableRandom(seed), n, shift);
    }

    static double[] normal(SplittableRandom r, int n, double shift) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            x[i] = shift + Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }
}
