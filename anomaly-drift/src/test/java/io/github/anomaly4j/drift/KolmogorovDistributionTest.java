package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact methods for the one-sample distribution must agree with each other where both apply, and the
 * approximations must be close to them; the scipy reference cases exercise Pomeranz, Pelz-Good and Smirnov through
 * {@link ScipyReferenceTest}, this covers the rest.
 */
class KolmogorovDistributionTest {

    @Test
    void durbinAndPomeranzAgree() {
        for (int n : new int[] {5, 17, 50, 140}) {
            for (double x : new double[] {0.06, 0.09, 0.12, 0.2, 0.3, 0.45}) {
                if (n * x <= 1 || n * x >= n - 1) {
                    continue;
                }
                double d = KolmogorovDistribution.durbin(n, x);
                double p = KolmogorovDistribution.pomeranz(n, x);
                assertThat(p).as("n=%d x=%s", n, x).isCloseTo(d, within(1e-12));
            }
        }
    }

    @Test
    void twiceSmirnovIsExactAboveOneHalf() {
        for (int n : new int[] {3, 10, 40}) {
            for (double x : new double[] {0.5, 0.6, 0.8}) {
                double twice = 2 * KolmogorovDistribution.smirnov(n, x);
                assertThat(twice).as("n=%d x=%s", n, x)
                        .isCloseTo(1 - KolmogorovDistribution.durbin(n, x), within(1e-13));
            }
        }
    }

    @Test
    void pelzGoodApproximatesTheExactValueForLargeN() {
        for (double x : new double[] {0.03, 0.05, 0.07}) {
            double exact = KolmogorovDistribution.durbin(800, x);
            assertThat(KolmogorovDistribution.pelzGood(800, x)).as("x=%s", x).isCloseTo(exact, within(1e-5));
        }
    }

    @Test
    void survivalIsMonotoneAndBounded() {
        for (int n : new int[] {1, 2, 7, 60, 141, 500, 20000}) {
            double previous = 1.0;
            for (double x = 0.0; x <= 1.0001; x += 0.01) {
                double sf = KolmogorovDistribution.sf(n, x);
                assertThat(sf).as("n=%d x=%s", n, x).isBetween(0.0, 1.0);
                assertThat(sf).as("monotone at n=%d x=%s", n, x).isLessThanOrEqualTo(previous + 1e-9);
                previous = sf;
            }
        }
    }

    @Test
    void exactTwoSamplePValueMatchesEnumeration() {
        int[][] sizes = {{3, 5}, {4, 4}, {5, 7}, {6, 6}, {2, 9}};
        for (int[] s : sizes) {
            int n1 = s[0];
            int n2 = s[1];
            int total = n1 + n2;
            long lcm = (long) n1 * n2 / gcd(n1, n2);
            // distribution of h = D * lcm over all C(total, n1) equally likely placements of sample 1
            java.util.Map<Long, Integer> counts = new java.util.TreeMap<>();
            int placements = 0;
            for (int mask = 0; mask < (1 << total); mask++) {
                if (Integer.bitCount(mask) != n1) {
                    continue;
                }
                placements++;
                long best = 0;
                int i = 0;
                int j = 0;
                for (int pos = 0; pos < total; pos++) {
                    if ((mask >> pos & 1) == 1) {
                        i++;
                    } else {
                        j++;
                    }
                    best = Math.max(best, Math.abs(i * (lcm / n1) - j * (lcm / n2)));
                }
                counts.merge(best, 1, Integer::sum);
            }
            for (long h : counts.keySet()) {
                int atLeast = 0;
                for (var e : counts.entrySet()) {
                    if (e.getKey() >= h) {
                        atLeast += e.getValue();
                    }
                }
                double expected = (double) atLeast / placements;
                double d = (double) h / lcm;
                assertThat(KolmogorovSmirnovTest.exactPValue(d, n1, n2)).as("n1=%d n2=%d h=%d", n1, n2, h)
                        .isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void mannWhitneyExactMatchesEnumeration() {
        int n1 = 4;
        int n2 = 6;
        int total = n1 + n2;
        int[] counts = new int[n1 * n2 + 1];
        int placements = 0;
        for (int mask = 0; mask < (1 << total); mask++) {
            if (Integer.bitCount(mask) != n1) {
                continue;
            }
            placements++;
            int rankSum = 0;
            for (int pos = 0; pos < total; pos++) {
                if ((mask >> pos & 1) == 1) {
                    rankSum += pos + 1;
                }
            }
            counts[rankSum - n1 * (n1 + 1) / 2]++;
        }
        for (int u = n1 * n2 / 2; u <= n1 * n2; u++) {
            int tail = 0;
            for (int v = u; v <= n1 * n2; v++) {
                tail += counts[v];
            }
            double expected = Math.min(1.0, 2.0 * tail / placements);
            assertThat(MannWhitneyTest.exactTwoSided(u, n1, n2)).as("u=%d", u).isCloseTo(expected, within(1e-15));
            assertThat(MannWhitneyTest.exactTwoSided(u, n2, n1)).as("swapped u=%d", u)
                    .isCloseTo(expected, within(1e-15));
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
