package io.github.anomaly4j.features;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random test series: a level and a scale from tiny to huge magnitudes (1e-100 to 1e100, levels up to 1e9, as in
 * NIST NumAcc4), Gaussian or tie-heavy noise, constant runs, rare spikes a million times the scale, and NaN gaps.
 */
record SeriesGen(long[] times, double[] values, String description) {

    static Arbitrary<SeriesGen> series(int maxLength) {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, maxLength),
                Arbitraries.of(0.0, 1.0, -3.5e5, 1e9, 1e-7),
                Arbitraries.of(1e-100, 1e-8, 1.0, 1e3, 1e100),
                Arbitraries.of(0.0, 0.05, 0.3)).as(SeriesGen::make);
    }

    static SeriesGen make(long seed, int length, double level, double scale, double nanRate) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean ties = rnd.nextBoolean();
        long[] t = new long[length];
        double[] v = new double[length];
        long time = 1_700_000_000_000L + rnd.nextLong(0, 86_400_000L * 365);
        int run = 0;
        for (int i = 0; i < length; i++) {
            time += 1 + rnd.nextLong(0, 3_600_000L);
            t[i] = time;
            if (run > 0 && i > 0) {
                v[i] = v[i - 1];
                run--;
                continue;
            }
            if (rnd.nextDouble() < 0.1) {
                run = rnd.nextInt(1, 40);
            }
            double u = rnd.nextGaussian();
            if (ties) {
                u = Math.rint(u * 2);
            }
            if (rnd.nextDouble() < 0.02) {
                u *= 1e6;
            }
            v[i] = level + scale * u;
            if (rnd.nextDouble() < nanRate) {
                v[i] = Double.NaN;
            }
        }
        return new SeriesGen(t, v, "seed=" + seed + ", n=" + length + ", level=" + level + ", scale=" + scale
                + ", nanRate=" + nanRate + ", ties=" + ties);
    }

    @Override
    public String toString() {
        return description;
    }
}
