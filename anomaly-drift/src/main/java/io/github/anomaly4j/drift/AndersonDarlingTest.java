package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;

/**
 * k-sample Anderson-Darling test of Scholz and Stephens (1987), "K-sample Anderson-Darling tests", JASA 82, with
 * k = 2, as scipy's {@code anderson_ksamp} (midrank version, equation 7, valid with ties). The statistic is the
 * normalised {@code (A2akN - (k - 1)) / sigma_N}.
 *
 * <p>The p-value interpolates the published critical values for significance levels 0.25, 0.1, 0.05, 0.025, 0.01,
 * 0.005 and 0.001 (Table 2, with {@code m = k - 1 = 1}) by a least-squares quadratic in the log of the level, as
 * scipy does; it is capped at 0.25 and floored at 0.001, so it is only meaningful in between. The drift decision is
 * {@code p < alpha}; levels outside [0.001, 0.25] therefore decide at the cap or the floor.
 */
public final class AndersonDarlingTest implements DriftTest {
    /** The plugin id. */
    public static final String ID = "anderson";

    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    private static final double[] SIG = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
    /** Critical values for k = 2 and the interpolating quadratic's coefficients (highest power first). */
    private static final double[] CRITICAL = new double[SIG.length];
    private static final double[] FIT;

    static {
        for (int i = 0; i < SIG.length; i++) {
            CRITICAL[i] = B0[i] + B1[i] / Math.sqrt(1) + B2[i] / 1;
        }
        double[] logSig = new double[SIG.length];
        for (int i = 0; i < SIG.length; i++) {
            logSig[i] = Math.log(SIG[i]);
        }
        FIT = quadraticFit(CRITICAL, logSig);
    }

    private final double alpha;

    private AndersonDarlingTest(double alpha) {
        this.alpha = Levels.checkAlpha(alpha);
    }

    /** @return the test at level 0.05 */
    public static AndersonDarlingTest create() {
        return new AndersonDarlingTest(0.05);
    }

    /**
     * @param alpha significance level in (0, 1)
     * @return the test
     */
    public static AndersonDarlingTest create(double alpha) {
        return new AndersonDarlingTest(alpha);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DriftResult test(double[] reference, double[] current) {
        double[] a = Samples.sortedCopy("reference", reference);
        double[] b = Samples.sortedCopy("current", current);
        if (a.length + b.length < 4) {
            throw new IllegalArgumentException("the Anderson-Darling test needs at least 4 values in the reference and "
                    + "current samples together, got " + (a.length + b.length));
        }
        double statistic = statisticOfSorted(a, b);
        double p = pValue(statistic);
        return new DriftResult(ID, statistic, p, p < alpha, alpha, a.length, b.length);
    }

    /** The normalised statistic; 0 when every value is the same (there is no distribution to compare). */
    static double statisticOfSorted(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int total = n1 + n2;
        double[] z = new double[total];
        int i = 0;
        int j = 0;
        for (int t = 0; t < total; t++) {
            z[t] = (j >= n2 || (i < n1 && a[i] <= b[j])) ? a[i++] : b[j++];
        }
        if (z[0] == z[total - 1]) {
            return 0.0;
        }
        double nd = total;
        double sumA = 0;
        double sumB = 0;
        int start = 0;
        while (start < total) {
            double v = z[start];
            int end = start;
            while (end < total && z[end] == v) {
                end++;
            }
            double lj = end - start;
            double bj = start + lj / 2.0;
            double denominator = bj * (nd - bj) - nd * lj / 4.0;
            double mA = Samples.countAtMost(a, v) - (Samples.countAtMost(a, v) - Samples.countBelow(a, v)) / 2.0;
            double mB = Samples.countAtMost(b, v) - (Samples.countAtMost(b, v) - Samples.countBelow(b, v)) / 2.0;
            double dA = nd * mA - bj * n1;
            double dB = nd * mB - bj * n2;
            sumA += lj / nd * dA * dA / denominator;
            sumB += lj / nd * dB * dB / denominator;
            start = end;
        }
        double a2akN = (sumA / n1 + sumB / n2) * (nd - 1.0) / nd;
        int k = 2;
        double h = 0;
        double g = 0;
        double hsCs = 0;
        // hs_cs[t] = sum_{s=0..t} 1 / (N - 1 - s) for t = 0 .. N - 3; g = sum_t hs_cs[t] / (t + 2)
        for (int t = 0; t <= total - 3; t++) {
            hsCs += 1.0 / (total - 1 - t);
            g += hsCs / (t + 2);
        }
        h = hsCs + 1;
        double hh = 1.0 / n1 + 1.0 / n2;
        double coefA = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hh;
        double coefB = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hh - 8 * h + 4 * g - 6;
        double coefC = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hh + 4 * h;
        double coefD = (2 * h + 6) * k * k - 4 * h * k;
        double sigmaSq = (coefA * nd * nd * nd + coefB * nd * nd + coefC * nd + coefD)
                / ((nd - 1.0) * (nd - 2.0) * (nd - 3.0));
        return (a2akN - (k - 1)) / Math.sqrt(sigmaSq);
    }

    /** The interpolated p-value, capped at 0.25 and floored at 0.001. */
    static double pValue(double statistic) {
        if (statistic < CRITICAL[0]) {
            return SIG[0];
        }
        if (statistic > CRITICAL[CRITICAL.length - 1]) {
            return SIG[SIG.length - 1];
        }
        return Math.exp((FIT[0] * statistic + FIT[1]) * statistic + FIT[2]);
    }

    /** Least-squares {@code y ~ c0 x^2 + c1 x + c2} through the normal equations on centred x. */
    static double[] quadraticFit(double[] x, double[] y) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double[][] m = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            double u = x[i] - mean;
            double[] row = {u * u, u, 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] += row[r] * row[c];
                }
                m[r][3] += row[r] * y[i];
            }
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c < 4; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double p2 = m[0][3] / m[0][0];
        double p1 = m[1][3] / m[1][1];
        double p0 = m[2][3] / m[2][2];
        // expand p2 (x - mean)^2 + p1 (x - mean) + p0
        return new double[] {p2, p1 - 2 * p2 * mean, p2 * mean * mean - p1 * mean + p0};
    }

    @Override
    public String toString() {
        return "anderson(alpha=" + alpha + ")";
    }

    /** Registers the test as {@value AndersonDarlingTest#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Double> ALPHA = Levels.alphaParameter();

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "k-sample Anderson-Darling test (Scholz-Stephens midrank version), two samples",
                    ALPHA);
        }

        @Override
        public DriftTest create(Settings settings) {
            return AndersonDarlingTest.create(settings.get(ALPHA));
        }
    }
}
