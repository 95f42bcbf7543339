package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Streaming output equals a from-scratch recomputation over the window, for random series with constant runs,
 * magnitudes from 1e-100 to 1e100, spikes and NaN gaps. Exact transforms (order statistics, lags, differences,
 * recursions, calendar) must match bit for bit; the moment-based ones within 1e-12 relative of exact decimal
 * arithmetic (z-score and autocorrelation, which are bounded ratios, within 1e-12 absolute).
 */
class StreamingProperties {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Provide
    Arbitrary<SeriesGen> series() {
        return SeriesGen.series(300);
    }

    /** One window of the finite values seen so far, or null while fewer than {@code w} have arrived. */
    interface Reference {
        double at(double[] window, long[] times);
    }

    enum Tolerance { EXACT, RELATIVE, ABSOLUTE }

    static void check(FeatureTransform t, SeriesGen s, int window, Reference ref, Tolerance tol) {
        FeatureStream stream = t.open(1);
        double[] in = new double[1];
        double[] out = new double[1];
        List<Double> seen = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < s.values().length; i++) {
            in[0] = s.values()[i];
            stream.apply(s.times()[i], in, out);
            if (Double.isNaN(in[0])) {
                assertThat(out[0]).as("NaN in, NaN out at %d", i).isNaN();
                continue;
            }
            seen.add(in[0]);
            times.add(s.times()[i]);
            if (seen.size() < window) {
                assertThat(out[0]).as("warming up at %d", i).isNaN();
                continue;
            }
            double[] w = new double[window];
            long[] wt = new long[window];
            for (int j = 0; j < window; j++) {
                w[j] = seen.get(seen.size() - window + j);
                wt[j] = times.get(times.size() - window + j);
            }
            double expected = ref.at(w, wt);
            String why = t.spec() + " at reading " + i + ", window " + Arrays.toString(w);
            switch (tol) {
                case EXACT:
                    assertThat(out[0] == expected || (Double.isNaN(out[0]) && Double.isNaN(expected))).as(why
                            + ": got " + out[0] + ", expected " + expected).isTrue();
                    break;
                case RELATIVE:
                    assertThat(Exact.relativeError(out[0], expected)).as(why + ": got " + out[0] + ", expected "
                            + expected).isLessThanOrEqualTo(1e-12);
                    break;
                default:
                    assertThat(Math.abs(out[0] - expected)).as(why + ": got " + out[0] + ", expected " + expected)
                            .isLessThanOrEqualTo(1e-12 * Math.max(1.0, Math.abs(expected)));
            }
        }
    }

    @Property(tries = 150)
    void rollingMeanEqualsExactMeanOfTheWindow(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 1, max = 40) int w) {
        check(Features.rollingMean(w), s, w, (x, t) -> Exact.mean(x), Tolerance.RELATIVE);
    }

    @Property(tries = 150)
    void rollingVarianceAndStdEqualExactValues(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 2, max = 40) int w) {
        check(Features.rollingVariance(w), s, w, (x, t) -> Exact.variance(x), Tolerance.RELATIVE);
        check(Features.rollingStd(w), s, w, (x, t) -> Exact.std(x), Tolerance.RELATIVE);
    }

    @Property(tries = 150)
    void rollingZScoreEqualsExactValue(@ForAll("series") SeriesGen s, @ForAll @IntRange(min = 2, max = 40) int w) {
        check(Features.rollingZScore(w), s, w, (x, t) -> Exact.zscore(x), Tolerance.ABSOLUTE);
    }

    @Property(tries = 150)
    void rollingAutocorrelationEqualsExactValue(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 2, max = 40) int w, @ForAll @IntRange(min = 1, max = 5) int lag) {
        int k = Math.min(lag, w - 1);
        check(Features.rollingAutocorrelation(w, k), s, w, (x, t) -> Exact.autocorrelation(x, k), Tolerance.ABSOLUTE);
    }

    @Property(tries = 150)
    void rollingMinMaxMedianQuantileEqualSortingTheWindow(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 1, max = 40) int w, @ForAll("probabilities") double q) {
        check(Features.rollingMin(w), s, w, (x, t) -> Arrays.stream(x).min().orElseThrow(), Tolerance.EXACT);
        check(Features.rollingMax(w), s, w, (x, t) -> Arrays.stream(x).max().orElseThrow(), Tolerance.EXACT);
        check(Features.rollingMedian(w), s, w, (x, t) -> sortedQuantile(x, 0.5), Tolerance.EXACT);
        check(Features.rollingQuantile(w, q), s, w, (x, t) -> sortedQuantile(x, q), Tolerance.EXACT);
    }

    @Provide
    Arbitrary<Double> probabilities() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, 0.25, 0.5, 0.9, 0.99, 1.0), Arbitraries.doubles().between(0, 1));
    }

    static double sortedQuantile(double[] window, double q) {
        double[] s = window.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= s.length - 1) {
            return s[s.length - 1];
        }
        double frac = h - lo;
        if (frac == 0.0) {
            return s[lo];
        }
        double gap = s[lo + 1] - s[lo];
        // values of opposite signs more than MAX_VALUE apart: the weighted sum, which cannot overflow
        return gap <= Double.MAX_VALUE ? s[lo] + frac * gap : (1.0 - frac) * s[lo] + frac * s[lo + 1];
    }

    @Property(tries = 150)
    void lagDiffAndRateOfChangeEqualTheirDefinitions(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 1, max = 6) int lag, @ForAll @IntRange(min = 1, max = 3) int order) {
        check(Features.lag(lag), s, lag + 1, (x, t) -> x[0], Tolerance.EXACT);
        check(Features.rateOfChange(lag), s, lag + 1, (x, t) -> (x[lag] - x[0]) * 1000.0 / (double) (t[lag] - t[0]),
                Tolerance.EXACT);
        check(Features.diff(order, lag), s, order * lag + 1, (x, t) -> {
            double[] y = x.clone();
            int len = y.length;
            for (int d = 0; d < order; d++) {
                double[] z = new double[len - lag];
                for (int i = 0; i < z.length; i++) {
                    z[i] = y[i + lag] - y[i];
                }
                y = z;
                len = z.length;
            }
            return y[y.length - 1];
        }, Tolerance.EXACT);
    }

    @Property(tries = 100)
    void ewmaAndEwVarianceEqualTheirRecursionOverTheWholeHistory(@ForAll("series") SeriesGen s,
            @ForAll("alphas") double alpha) {
        FeatureStream mean = Features.ewma(alpha).open(1);
        FeatureStream var = Features.ewVariance(alpha).open(1);
        double m = Double.NaN;
        double v = 0.0;
        boolean started = false;
        double[] out = new double[1];
        double[] out2 = new double[1];
        for (int i = 0; i < s.values().length; i++) {
            double x = s.values()[i];
            mean.apply(s.times()[i], new double[] {x}, out);
            var.apply(s.times()[i], new double[] {x}, out2);
            if (Double.isNaN(x)) {
                assertThat(out[0]).isNaN();
                continue;
            }
            if (!started) {
                started = true;
                m = x;
                v = 0.0;
            } else {
                double diff = x - m;
                m = alpha == 1.0 ? x : m + alpha * diff; // at alpha 1 the newest value, by definition
                v = (1.0 - alpha) * (v + diff * (alpha * diff));
            }
            assertThat(out[0]).isEqualTo(m);
            assertThat(out2[0]).isEqualTo(v);
        }
    }

    @Provide
    Arbitrary<Double> alphas() {
        return Arbitraries.oneOf(Arbitraries.of(1.0, 0.5, 0.01), Arbitraries.doubles().between(1e-6, 1.0).ofScale(9));
    }

    @Property(tries = 100)
    void calendarFeaturesEqualJavaTime(@ForAll("series") SeriesGen s) {
        FeatureStream hour = Features.hourOfDay(PARIS).open(1);
        FeatureStream dow = Features.dayOfWeek(PARIS).open(1);
        FeatureStream day = Features.dayCycle(PARIS).open(1);
        FeatureStream week = Features.weekCycle(PARIS).open(1);
        double[] in = new double[1];
        double[] o1 = new double[1];
        double[] o2 = new double[2];
        for (long t : s.times()) {
            ZonedDateTime z = Instant.ofEpochMilli(t).atZone(PARIS);
            hour.apply(t, in, o1);
            assertThat(o1[0]).isEqualTo(z.getHour());
            dow.apply(t, in, o1);
            assertThat(o1[0]).isEqualTo(z.getDayOfWeek().getValue());
            long msOfDay = z.toLocalTime().toNanoOfDay() / 1_000_000L;
            day.apply(t, in, o2);
            assertThat(o2[0]).isCloseTo(StrictMath.sin(msOfDay * (2.0 * Math.PI / 86_400_000L)), within(2e-15));
            assertThat(o2[1]).isCloseTo(StrictMath.cos(msOfDay * (2.0 * Math.PI / 86_400_000L)), within(2e-15));
            long msOfWeek = (z.getDayOfWeek().getValue() - 1) * 86_400_000L + msOfDay;
            week.apply(t, in, o2);
            assertThat(o2[0]).isCloseTo(StrictMath.sin(msOfWeek * (2.0 * Math.PI / (7 * 86_400_000L))), within(2e-15));
        }
    }

    // ------------------------------------------------------------ snapshot, restore and chunking

    /** Every transform of the module, scalers fitted on the series itself. */
    static List<FeatureTransform> all(SeriesGen s, int w) {
        int k = Math.max(2, w);
        List<FeatureTransform> ts = new ArrayList<>(List.of(Features.lag(k), Features.diff(2, k),
                Features.rollingMean(k), Features.rollingVariance(k), Features.rollingStd(k), Features.rollingMin(k),
                Features.rollingMax(k), Features.rollingMedian(k), Features.rollingQuantile(k, 0.9),
                Features.rollingZScore(k), Features.ewma(0.2), Features.ewVariance(0.2),
                Features.rollingAutocorrelation(k, 1), Features.rateOfChange(k), Features.hourOfDay(PARIS),
                Features.dayOfWeek(PARIS), Features.dayCycle(PARIS), Features.weekCycle(PARIS)));
        TimeSeries training = TimeSeries.of(s.times(), s.values());
        if (Arrays.stream(s.values()).filter(x -> !Double.isNaN(x)).count() >= 2) {
            ts.add(Features.standardScaler().fit(training));
            ts.add(Features.minMaxScaler().fit(training));
            ts.add(Features.robustScaler().fit(training));
        }
        return ts;
    }

    static double[][] straight(FeatureTransform t, SeriesGen s) {
        FeatureStream stream = t.open(1);
        double[][] out = new double[s.values().length][stream.outputWidth()];
        for (int i = 0; i < s.values().length; i++) {
            stream.apply(s.times()[i], new double[] {s.values()[i]}, out[i]);
        }
        return out;
    }

    static void assertBitIdentical(double[][] a, double[][] b, String what) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(Double.doubleToRawLongBits(b[i][j])).as("%s at reading %d: %s vs %s", what, i, a[i][j],
                        b[i][j]).isEqualTo(Double.doubleToRawLongBits(a[i][j]));
            }
        }
    }

    @Property(tries = 100)
    void snapshotAndRestoreMidStreamContinueBitForBit(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 2, max = 30) int w, @ForAll @IntRange(min = 0, max = 300) int cutAt) {
        int cut = Math.min(cutAt, s.values().length);
        for (FeatureTransform t : all(s, w)) {
            double[][] expected = straight(t, s);
            FeatureStream first = t.open(1);
            double[][] got = new double[s.values().length][first.outputWidth()];
            for (int i = 0; i < cut; i++) {
                first.apply(s.times()[i], new double[] {s.values()[i]}, got[i]);
            }
            Record snap = first.snapshot();
            FeatureStream second = t.open(1);
            second.restore(snap);
            assertThat(second.snapshot()).isEqualTo(snap);
            for (int i = cut; i < s.values().length; i++) {
                second.apply(s.times()[i], new double[] {s.values()[i]}, got[i]);
            }
            assertBitIdentical(expected, got, t.spec().toString());
        }
    }

    @Property(tries = 60)
    void anyChunkingThroughRestartsGivesTheSameOutput(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 2, max = 30) int w, @ForAll("chunkSeeds") long chunkSeed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(chunkSeed);
        for (FeatureTransform t : all(s, w)) {
            double[][] expected = straight(t, s);
            double[][] got = new double[s.values().length][];
            Record snap = null;
            int i = 0;
            while (i < s.values().length) {
                int end = Math.min(s.values().length, i + 1 + rnd.nextInt(50));
                FeatureStream stream = t.open(1);
                if (snap != null) {
                    stream.restore(snap);
                }
                for (; i < end; i++) {
                    got[i] = new double[stream.outputWidth()];
                    stream.apply(s.times()[i], new double[] {s.values()[i]}, got[i]);
                }
                snap = stream.snapshot();
            }
            assertBitIdentical(expected, got, t.spec().toString());
        }
    }

    @Provide
    Arbitrary<Long> chunkSeeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 60)
    void aPipelineRunGivesTheSameFeaturesWhateverTheChunkingAndRestarts(@ForAll("series") SeriesGen s,
            @ForAll("chunkSeeds") long chunkSeed, @ForAll NanPolicy policy) {
        double[] other = new double[s.values().length];
        for (int i = 0; i < other.length; i++) {
            other[i] = Double.isNaN(s.values()[i]) ? 1.0 : -s.values()[i] * 0.5;
        }
        TimeSeries ts = TimeSeries.of(s.times(), List.of("a", "b"), new double[][] {s.values(), other});
        FeaturePipeline p = FeaturePipeline.builder("a", "b").add(Features.rollingMean(8))
                .add(Features.rollingStd(8), "a").add(Features.rollingMedian(5), "b").add(Features.diff(1))
                .add(Features.hourOfDay(PARIS)).nanPolicy(policy).maxGap(java.time.Duration.ofHours(2),
                        GapPolicy.RESET).build();
        double[][] expected = p.transform(ts);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(chunkSeed);
        FeaturePipeline.Snapshot snap = null;
        int i = 0;
        double[][] got = new double[ts.size()][p.width()];
        while (i < ts.size()) {
            int end = Math.min(ts.size(), i + 1 + rnd.nextInt(40));
            FeaturePipeline.Run run = p.open();
            if (snap != null) {
                run.restore(snap);
            }
            for (; i < end; i++) {
                run.apply(ts.timestamp(i), new double[] {ts.value(i, 0), ts.value(i, 1)}, got[i]);
            }
            snap = run.snapshot();
        }
        assertBitIdentical(expected, got, p.toString());
    }

}
