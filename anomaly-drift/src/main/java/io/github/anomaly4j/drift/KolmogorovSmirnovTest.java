package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;
import java.util.Locale;

/**
 * Two-sample, two-sided Kolmogorov-Smirnov test: the statistic is the largest distance between the two empirical
 * distribution functions; drift when the p-value is below the level.
 *
 * <p>The p-value follows scipy's {@code ks_2samp}: {@link Method#EXACT} counts lattice paths (the alternating sum
 * for equal sizes, Hodges' inside method in the 1-p form of Viehmann (2021) otherwise); {@link Method#ASYMPTOTIC}
 * uses the distribution of the one-sample statistic for {@code round(m n / (m + n))} points
 * ({@link KolmogorovDistribution}); {@link Method#AUTO} is exact when the larger sample has at most 10,000 values
 * and asymptotic otherwise, falling back to asymptotic if the exact computation overflows.
 */
public final class KolmogorovSmirnovTest implements DriftTest {
    /** The plugin id. */
    public static final String ID = "ks";
    /** The largest sample size for which {@link Method#AUTO} computes the exact p-value (scipy's rule). */
    public static final int MAX_AUTO_EXACT = 10_000;

    /** How the p-value is computed. */
    public enum Method {
        /** Exact when the larger sample has at most {@value KolmogorovSmirnovTest#MAX_AUTO_EXACT} values. */
        AUTO,
        /** Exact distribution of the two-sample statistic. */
        EXACT,
        /** Finite-n Kolmogorov distribution at the effective size {@code round(m n / (m + n))}. */
        ASYMPTOTIC
    }

    private final double alpha;
    private final Method method;

    private KolmogorovSmirnovTest(double alpha, Method method) {
        this.alpha = Levels.checkAlpha(alpha);
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        this.method = method;
    }

    /** @return the test at level 0.05 with the automatic p-value method */
    public static KolmogorovSmirnovTest create() {
        return new KolmogorovSmirnovTest(0.05, Method.AUTO);
    }

    /**
     * @param alpha significance level in (0, 1)
     * @param method how to compute the p-value
     * @return the test
     */
    public static KolmogorovSmirnovTest create(double alpha, Method method) {
        return new KolmogorovSmirnovTest(alpha, method);
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return the significance level */
    public double alpha() {
        return alpha;
    }

    /** @return the p-value method */
    public Method method() {
        return method;
    }

    @Override
    public DriftResult test(double[] reference, double[] current) {
        double[] a = Samples.sortedCopy("reference", reference);
        double[] b = Samples.sortedCopy("current", current);
        double d = statisticOfSorted(a, b);
        double p = pValue(d, a.length, b.length, method);
        return new DriftResult(ID, d, p, p < alpha, alpha, a.length, b.length);
    }

    /**
     * The statistic of two sorted samples: {@code max |F_a(x) - F_b(x)|} over every observed {@code x}, each CDF
     * difference computed as {@code count_a / n_a - count_b / n_b} (as scipy does, so the last bit agrees).
     */
    static double statisticOfSorted(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int i = 0;
        int j = 0;
        double max = 0;
        double min = 0;
        while (i < n1 || j < n2) {
            double x;
            if (j >= n2 || (i < n1 && a[i] <= b[j])) {
                x = a[i];
            } else {
                x = b[j];
            }
            while (i < n1 && a[i] <= x) {
                i++;
            }
            while (j < n2 && b[j] <= x) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            max = Math.max(max, diff);
            min = Math.min(min, diff);
        }
        return Math.max(max, -min);
    }

    /**
     * The two-sided p-value of a statistic.
     *
     * @param d the statistic
     * @param n1 size of the first sample
     * @param n2 size of the second sample
     * @param method how to compute it
     * @return the p-value in [0, 1]
     */
    static double pValue(double d, int n1, int n2, Method method) {
        Method m = method == Method.AUTO ? (Math.max(n1, n2) <= MAX_AUTO_EXACT ? Method.EXACT : Method.ASYMPTOTIC)
                : method;
        if (m == Method.EXACT) {
            double p = exactPValue(d, n1, n2);
            if (!Double.isNaN(p)) {
                return Math.max(0.0, Math.min(1.0, p));
            }
        }
        double big = Math.max(n1, n2);
        double small = Math.min(n1, n2);
        double en = big * small / (big + small);
        return KolmogorovDistribution.sf((int) Math.rint(en), d);
    }

    /** @return the exact p-value, or NaN when the computation overflows or the lattice is too large */
    static double exactPValue(double d, int n1, int n2) {
        long g = gcd(n1, n2);
        long n1g = n1 / g;
        long n2g = n2 / g;
        if (n1g >= Integer.MAX_VALUE / n2g) {
            return Double.NaN;
        }
        long lcm = n1g * n2;
        long h = Math.round(d * lcm);
        if (h == 0) {
            return 1.0;
        }
        double p = n1 == n2 ? outsideSquare(n1, h) : outsideInsideMethod(n1, n2, g, h);
        return Double.isFinite(p) && p >= 0 && p <= 1 ? p : Double.NaN;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Equal sizes: {@code P(D >= h/n) = 2 sum_{j>=1} (-1)^{j+1} C(2n, n - j h) / C(2n, n)}, evaluated from the
     * innermost term outwards so that no binomial coefficient is ever formed.
     */
    private static double outsideSquare(int n, long h) {
        double p = 0.0;
        long k = n / h;
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /**
     * Unequal sizes: the share of monotone lattice paths from (0, 0) to (m, n) that leave the band
     * {@code |x/m - y/n| < h/lcm}, computed directly as 1 - (inside share) by Viehmann's recursion on one sliding
     * column of the lattice.
     */
    private static double outsideInsideMethod(int n1, int n2, long g, long h) {
        int m = Math.max(n1, n2);
        int n = Math.min(n1, n2);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1L);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (int j = minj; j < maxj; j++) {
            a[j] = 0.0;
        }
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (int t = maxj - minj; t < maxj - minj + (lastlen - curlen) && t < lenA; t++) {
                    a[t] = 1;
                }
            }
        }
        return a[maxj - minj - 1];
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    @Override
    public String toString() {
        return "ks(alpha=" + alpha + ", method=" + method.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** Registers the test as {@value KolmogorovSmirnovTest#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Double> ALPHA = Levels.alphaParameter();
        static final Parameter<String> METHOD = Parameter.choice("method", "auto",
                List.of("auto", "exact", "asymptotic"), "p-value: exact, asymptotic, or exact up to 10,000 values");

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "two-sample Kolmogorov-Smirnov test (largest distance between the empirical CDFs)",
                    ALPHA, METHOD);
        }

        @Override
        public DriftTest create(Settings settings) {
            return KolmogorovSmirnovTest.create(settings.get(ALPHA),
                    Method.valueOf(settings.get(METHOD).toUpperCase(Locale.ROOT)));
        }
    }
}
