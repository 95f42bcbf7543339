package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test, with scipy's {@code mannwhitneyu} defaults. The statistic is
 * {@code U} of the reference sample: its rank sum (ties get mid-ranks) minus {@code n1 (n1 + 1) / 2}.
 *
 * <p>P-value: exact (the null distribution of U counted as coefficients of a Gaussian binomial) when one sample
 * has at most 8 values, there are no ties and {@code n1 n2 <= 100,000}; otherwise the normal approximation with
 * tie correction {@code sigma^2 = n1 n2 / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1)))} and continuity correction 0.5,
 * applied to the larger of {@code U1}, {@code U2}. If every value is the same, p is 1.
 */
public final class MannWhitneyTest implements DriftTest {
    /** The plugin id. */
    public static final String ID = "mannwhitney";

    /**
     * The exact distribution is counted only while {@code n1 n2} is at most this (its polynomial has
     * {@code n1 n2 + 1} big-integer coefficients); beyond it the normal approximation is used, which is close
     * there because the larger sample has more than 12,500 values. scipy has no such cap.
     */
    static final long MAX_EXACT_PRODUCT = 100_000;

    private final double alpha;

    private MannWhitneyTest(double alpha) {
        this.alpha = Levels.checkAlpha(alpha);
    }

    /** @return the test at level 0.05 */
    public static MannWhitneyTest create() {
        return new MannWhitneyTest(0.05);
    }

    /**
     * @param alpha significance level in (0, 1)
     * @return the test
     */
    public static MannWhitneyTest create(double alpha) {
        return new MannWhitneyTest(alpha);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DriftResult test(double[] reference, double[] current) {
        Samples.check("reference", reference);
        Samples.check("current", current);
        int n1 = reference.length;
        int n2 = current.length;
        int n = n1 + n2;
        double[] values = new double[n];
        System.arraycopy(reference, 0, values, 0, n1);
        System.arraycopy(current, 0, values, n1, n2);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] refSorted = reference.clone();
        Arrays.sort(refSorted);
        // rank sum of the reference via the pooled sorted array: each distinct value v has mid-rank
        // (below(v) + 1 + atMost(v)) / 2 in the pool
        double r1 = 0;
        int i = 0;
        while (i < n1) {
            double v = refSorted[i];
            int k = i;
            while (k < n1 && refSorted[k] == v) {
                k++;
            }
            int below = Samples.countBelow(sorted, v);
            int atMost = Samples.countAtMost(sorted, v);
            r1 += (k - i) * (below + 1 + atMost) / 2.0;
            i = k;
        }
        double tieTerm = 0;
        boolean ties = false;
        for (int s = 0; s < n; ) {
            int e = s;
            while (e < n && sorted[e] == sorted[s]) {
                e++;
            }
            double t = e - s;
            if (t > 1) {
                ties = true;
                tieTerm += t * t * t - t;
            }
            s = e;
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double u = Math.max(u1, u2);
        double p;
        if ((n1 <= 8 || n2 <= 8) && !ties && (long) n1 * n2 <= MAX_EXACT_PRODUCT) {
            p = exactTwoSided((long) u, n1, n2);
        } else {
            double mu = n1 * (double) n2 / 2.0;
            double s = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
            if (s == 0) {
                p = 1.0;
            } else {
                double z = (u - mu - 0.5) / s;
                p = 2 * normalSurvival(z);
            }
        }
        p = Math.max(0.0, Math.min(1.0, p));
        return new DriftResult(ID, u1, p, p < alpha, alpha, n1, n2);
    }

    /** Upper tail of the standard normal, accurate far into the tail. */
    static double normalSurvival(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
    }

    /**
     * {@code 2 P(U >= u)} under the null, from the exact counts of the Gaussian binomial
     * {@code [n1 + n2 choose m]_q = prod_{i=1..m} (1 - q^{n + i}) / (1 - q^i)}, {@code m = min}, {@code n = max}.
     */
    static double exactTwoSided(long u, int n1, int n2) {
        int m = Math.min(n1, n2);
        int n = Math.max(n1, n2);
        int degree = m * n;
        BigInteger[] c = new BigInteger[degree + 1];
        Arrays.fill(c, BigInteger.ZERO);
        c[0] = BigInteger.ONE;
        for (int i = 1; i <= m; i++) {
            // divide by (1 - q^i): running sums with stride i
            for (int d = i; d <= degree; d++) {
                c[d] = c[d].add(c[d - i]);
            }
            // multiply by (1 - q^{n+i}): from the top down
            int shift = n + i;
            for (int d = degree; d >= shift; d--) {
                c[d] = c[d].subtract(c[d - shift]);
            }
        }
        BigInteger total = BigInteger.ZERO;
        BigInteger tail = BigInteger.ZERO;
        for (int d = 0; d <= degree; d++) {
            total = total.add(c[d]);
            if (d >= u) {
                tail = tail.add(c[d]);
            }
        }
        double p = new BigDecimal(tail).divide(new BigDecimal(total), MathContext.DECIMAL64).doubleValue();
        return Math.min(1.0, 2 * p);
    }

    @Override
    public String toString() {
        return "mannwhitney(alpha=" + alpha + ")";
    }

    /** Registers the test as {@value MannWhitneyTest#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Double> ALPHA = Levels.alphaParameter();

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "two-sided Mann-Whitney U (rank-sum) test with tie and continuity corrections",
                    ALPHA);
        }

        @Override
        public DriftTest create(Settings settings) {
            return MannWhitneyTest.create(settings.get(ALPHA));
        }
    }
}
