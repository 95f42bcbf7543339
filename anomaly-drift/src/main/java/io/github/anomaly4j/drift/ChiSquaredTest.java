package io.github.anomaly4j.drift;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-squared test of homogeneity on the 2 x k table of reference and current counts (scipy's
 * {@code chi2_contingency} without continuity correction): {@code X^2 = sum (O - E)^2 / E} with
 * {@code E = row total * column total / N}, {@code k - 1} degrees of freedom, drift when the p-value is below the
 * level.
 *
 * <p>The columns are either bins cut at the reference's quantiles ({@link Binning#QUANTILES}, see
 * {@link ReferenceBins}) or the distinct values themselves ({@link Binning#CATEGORICAL}, for category codes).
 * Columns empty in both samples are dropped (scipy refuses such a table); with fewer than two columns left there
 * is nothing to compare and the result is {@code X^2 = 0, p = 1}.
 */
public final class ChiSquaredTest implements DriftTest {
    /** The plugin id. */
    public static final String ID = "chi2";

    /** How values become table columns. */
    public enum Binning {
        /** Bins cut at the reference's quantiles. */
        QUANTILES,
        /** One column per distinct value. */
        CATEGORICAL
    }

    private final Binning binning;
    private final int bins;
    private final double alpha;

    private ChiSquaredTest(Binning binning, int bins, double alpha) {
        if (binning == null) {
            throw new IllegalArgumentException("binning must not be null");
        }
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in 2..1000, got " + bins);
        }
        this.binning = binning;
        this.bins = bins;
        this.alpha = Levels.checkAlpha(alpha);
    }

    /** @return the test on reference deciles at level 0.05 */
    public static ChiSquaredTest create() {
        return new ChiSquaredTest(Binning.QUANTILES, 10, 0.05);
    }

    /**
     * @param binning how values become columns
     * @param bins number of quantile bins (ignored for categorical data), 2..1000
     * @param alpha significance level in (0, 1)
     * @return the test
     */
    public static ChiSquaredTest create(Binning binning, int bins, double alpha) {
        return new ChiSquaredTest(binning, bins, alpha);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DriftResult test(double[] reference, double[] current) {
        double[] ref = Samples.sortedCopy("reference", reference);
        double[] cur = Samples.sortedCopy("current", current);
        long[] r;
        long[] c;
        if (binning == Binning.QUANTILES) {
            ReferenceBins b = ReferenceBins.quantiles(ref, bins);
            r = b.count(ref);
            c = b.count(cur);
        } else {
            double[] categories = Arrays.stream(ref).distinct().toArray();
            double[] all = new double[categories.length + cur.length];
            System.arraycopy(categories, 0, all, 0, categories.length);
            System.arraycopy(cur, 0, all, categories.length, cur.length);
            categories = Arrays.stream(all).sorted().distinct().toArray();
            r = new long[categories.length];
            c = new long[categories.length];
            for (double v : ref) {
                r[Arrays.binarySearch(categories, v)]++;
            }
            for (double v : cur) {
                c[Arrays.binarySearch(categories, v)]++;
            }
        }
        double[] stat = contingency(r, c);
        return new DriftResult(ID, stat[0], stat[1], stat[1] < alpha, alpha, ref.length, cur.length);
    }

    /**
     * The test on a 2 x k table.
     *
     * @param first counts of the first row
     * @param second counts of the second row, same length
     * @return {@code {statistic, pValue, degreesOfFreedom}}
     */
    static double[] contingency(long[] first, long[] second) {
        int k = first.length;
        long n1 = 0;
        long n2 = 0;
        int used = 0;
        for (int i = 0; i < k; i++) {
            n1 += first[i];
            n2 += second[i];
            if (first[i] + second[i] > 0) {
                used++;
            }
        }
        if (used < 2) {
            return new double[] {0.0, 1.0, 0};
        }
        double total = n1 + n2;
        double stat = 0;
        for (int i = 0; i < k; i++) {
            long col = first[i] + second[i];
            if (col == 0) {
                continue;
            }
            double e1 = n1 * (double) col / total;
            double e2 = n2 * (double) col / total;
            stat += (first[i] - e1) * (first[i] - e1) / e1 + (second[i] - e2) * (second[i] - e2) / e2;
        }
        int dof = used - 1;
        double p = Gamma.regularizedGammaQ(dof / 2.0, stat / 2.0);
        return new double[] {stat, Math.max(0, Math.min(1, p)), dof};
    }

    @Override
    public String toString() {
        return "chi2(binning=" + binning.name().toLowerCase(Locale.ROOT) + ", bins=" + bins + ", alpha=" + alpha
                + ")";
    }

    /** Registers the test as {@value ChiSquaredTest#ID}. */
    @AutoService(DriftTestProvider.class)
    public static final class Provider extends DriftPlugin {
        static final Parameter<Double> ALPHA = Levels.alphaParameter();
        static final Parameter<String> BINNING = Parameter.choice("binning", "quantiles",
                List.of("quantiles", "categorical"), "columns: reference-quantile bins, or one per distinct value");
        static final Parameter<Integer> BINS = Parameter.integer("bins", 10, 2, 1000,
                "number of reference-quantile bins");

        /** Used by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(ID, "chi-squared test of homogeneity on binned or categorical data",
                    ALPHA, BINNING, BINS);
        }

        @Override
        public DriftTest create(Settings settings) {
            return ChiSquaredTest.create(Binning.valueOf(settings.get(BINNING).toUpperCase(Locale.ROOT)),
                    settings.get(BINS), settings.get(ALPHA));
        }
    }
}
