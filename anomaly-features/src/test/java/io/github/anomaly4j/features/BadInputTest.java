package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Bad and extreme input (see docs/features.md): each is refused with a clear message before anything changes, or
 * handled as documented.
 */
class BadInputTest {

    // ---- FeaturePipeline ----------------------------------------------------------------------------------------

    @Test
    void aMaskTooShortIsRefusedBeforeTheReadingChangesAnything() {
        FeaturePipeline p = FeaturePipeline.builder("x").add(Features.rollingMean(2)).build();
        FeaturePipeline.Run run = p.open();
        run.apply(1_000L, new double[] {1.0}, new double[1]);
        FeaturePipeline.Snapshot before = run.snapshot();
        assertThatThrownBy(() -> run.apply(2_000L, new double[] {2.0}, new double[1], new boolean[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask has room for 0");
        assertThat(run.snapshot()).isEqualTo(before);
    }

    @Test
    void outOfOrderRepeatedTooWideInfiniteAndShortOutputReadingsChangeNothing() {
        FeaturePipeline p = FeaturePipeline.builder("x").add(Features.rollingMean(2))
                .add(Features.dayCycle(ZoneId.of("UTC"))).build();
        FeaturePipeline.Run run = p.open();
        double[] out = new double[3];
        run.apply(10L, new double[] {1.0}, out);
        FeaturePipeline.Snapshot before = run.snapshot();
        assertThatThrownBy(() -> run.apply(10L, new double[] {2.0}, out)).hasMessageContaining("repeats");
        assertThatThrownBy(() -> run.apply(9L, new double[] {2.0}, out)).hasMessageContaining("earlier");
        assertThatThrownBy(() -> run.apply(11L, new double[] {2.0, 3.0}, out)).hasMessageContaining("has 2 values");
        assertThatThrownBy(() -> run.apply(11L, new double[] {Double.NEGATIVE_INFINITY}, out))
                .hasMessageContaining("must be finite");
        assertThatThrownBy(() -> run.apply(11L, new double[] {2.0}, new double[2]))
                .hasMessageContaining("room for 2");
        assertThat(run.snapshot()).isEqualTo(before);
        assertThat(run.apply(Long.MAX_VALUE, new double[] {3.0}, out)).isEqualTo(FeaturePipeline.Status.READY);
        assertThat(out[0]).isEqualTo(2.0);
    }

    @Test
    void aSnapshotWithAnInfiniteCarriedValueIsRefused() {
        FeaturePipeline p = FeaturePipeline.builder("x", "y").add(Features.rollingMean(2))
                .nanPolicy(NanPolicy.CARRY_FORWARD).build();
        FeaturePipeline.Run run = p.open();
        run.apply(1_000L, new double[] {1.0, 2.0}, new double[2]);
        FeaturePipeline.Snapshot s = run.snapshot();
        FeaturePipeline.Run other = p.open();
        other.apply(5_000L, new double[] {7.0, 8.0}, new double[2]);
        FeaturePipeline.Snapshot before = other.snapshot();
        for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            FeaturePipeline.Snapshot tampered = new FeaturePipeline.Snapshot(s.pipeline(), s.accepted(),
                    s.lastTimestamp(), s.started(), new double[] {1.0, bad}, s.streams());
            assertThatThrownBy(() -> other.restore(tampered)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("last value of column 'y' is " + bad);
            assertThat(other.snapshot()).isEqualTo(before);
        }
        // NaN (no value yet) is a valid carried value
        other.restore(new FeaturePipeline.Snapshot(s.pipeline(), s.accepted(), s.lastTimestamp(), s.started(),
                new double[] {1.0, Double.NaN}, s.streams()));
    }

    @Test
    void aGapBeyondTheLongRangeIsReportedAsSuch() {
        FeaturePipeline p = FeaturePipeline.builder("x").add(Features.lag(1))
                .maxGap(Duration.ofDays(1), GapPolicy.FAIL).build();
        FeaturePipeline.Run run = p.open();
        run.apply(Long.MIN_VALUE, new double[] {1.0}, new double[1]);
        assertThatThrownBy(() -> run.apply(Long.MAX_VALUE, new double[] {2.0}, new double[1]))
                .hasMessageContaining("comes 18446744073709551615 ms after the previous one");
        assertThatThrownBy(() -> run.apply(Long.MIN_VALUE + 86_400_001L, new double[] {2.0}, new double[1]))
                .hasMessageContaining("comes 86400001 ms after the previous one");
    }

    // ---- snapshots that check() must refuse ---------------------------------------------------------------------

    private static FeatureStream fed(FeatureTransform t, double... values) {
        FeatureStream s = t.open(1);
        double[] out = new double[s.outputWidth()];
        for (int i = 0; i < values.length; i++) {
            s.apply(1_000L * (i + 1), new double[] {values[i]}, out);
        }
        return s;
    }

    /** Tampers with a snapshot of {@code from}: a fresh stream that has seen other values must refuse it, unchanged. */
    private static void refused(FeatureTransform t, FeatureStream from, String message,
            UnaryOperator<ColumnSnapshot> tamper) {
        TransformSnapshot s = (TransformSnapshot) from.snapshot();
        TransformSnapshot bad = new TransformSnapshot(s.transform(), 1, List.of(tamper.apply(s.columns().get(0))));
        FeatureStream target = fed(t, 5.0, 6.0, 7.0);
        Record before = target.snapshot();
        assertThatThrownBy(() -> target.restore(bad)).as(t + " " + bad.columns().get(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(target.snapshot()).isEqualTo(before);
        target.restore(s); // the untampered snapshot still fits
    }

    private static UnaryOperator<ColumnSnapshot> value(int i, double x) {
        return c -> {
            double[] v = c.values();
            v[i] = x;
            return new ColumnSnapshot(c.counters(), v);
        };
    }

    private static UnaryOperator<ColumnSnapshot> counter(int i, long x) {
        return c -> {
            long[] v = c.counters();
            v[i] = x;
            return new ColumnSnapshot(v, c.values());
        };
    }

    /**
     * The snapshot rules the moments and the autocorrelation share (Kernel.requireShiftedSums): a non-finite value
     * at {@code ringSlot} of the window, a non-finite shift or scale, a zero scale, a last value that is not the
     * newest, a run of equal values longer than the count (counter 1) and more updates since the last rebuild than
     * allowed (counter 2).
     */
    private static void refusesBrokenShiftedSums(FeatureTransform t, FeatureStream s, int ringSlot, double infinity,
            long sinceRebuild) {
        for (double bad : new double[] {Double.NaN, infinity}) {
            refused(t, s, "window", value(ringSlot, bad));
            refused(t, s, "shift", value(1, bad));
            refused(t, s, "scale", value(2, bad));
        }
        refused(t, s, "scale", value(2, 0.0));
        refused(t, s, "last value", value(0, 2.5));
        refused(t, s, "run", counter(1, 7));
        refused(t, s, "rebuild", counter(2, sinceRebuild));
    }

    @Test
    void rollingMomentsRefuseANonFiniteWindowValueABadShiftOrScaleAndCountersThatDoNotFit() {
        for (FeatureTransform t : List.of(Features.rollingMean(4), Features.rollingVariance(4), Features.rollingStd(4),
                Features.rollingZScore(4))) {
            FeatureStream s = fed(t, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
            // values: 0 last, 1 shift, 2 scale, 3 1/scale, ..., 13.. the ring of 4
            refusesBrokenShiftedSums(t, s, 13 + 1, Double.POSITIVE_INFINITY, 4L << 32);
            refused(t, s, "scale", value(2, 3.0));
            refused(t, s, "scale", value(2, -0.25));
            refused(t, s, "scale", value(3, 8.0));
        }
    }

    @Test
    void rollingAutocorrelationRefusesANonFiniteWindowValueABadShiftOrScaleAndCountersThatDoNotFit() {
        for (FeatureTransform t : List.of(Features.rollingAutocorrelation(4, 1),
                Features.rollingAutocorrelation(4, 2))) {
            FeatureStream s = fed(t, 1.0, 2.0, 4.0, 3.0, 5.0, 6.0);
            // values: 0 last, 1 shift, 2 scale, ..., 17.. the ring of 4
            refusesBrokenShiftedSums(t, s, 17 + 2, Double.NEGATIVE_INFINITY, 1L << 40);
            refused(t, s, "scale", value(2, 0.3));
        }
    }

    @Test
    void lagAndRateOfChangeRefuseANonFiniteValueAndTimesOutOfOrder() {
        for (FeatureTransform t : List.of(Features.lag(2), Features.rateOfChange(2))) {
            FeatureStream s = fed(t, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
            // values: 0 lag, 1 mode, 2 (unused), 3.. the ring of 4
            refused(t, s, "ring", value(3 + (5 & 3), Double.NaN));
            refused(t, s, "ring", value(3 + (4 & 3), Double.POSITIVE_INFINITY));
        }
        FeatureTransform rate = Features.rateOfChange(1);
        FeatureStream s = fed(rate, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        // counters: 0 count, 1.. the times of the ring of 2; the fifth reading (time 5,000) sits in slot 4 & 1 = 0
        refused(rate, s, "times", counter(1 + (4 & 1), 6_000L));
        refused(rate, s, "times", counter(1 + (4 & 1), 9_000L));
        // a slot not yet written does not matter
        TransformSnapshot young = (TransformSnapshot) fed(rate, 1.0).snapshot();
        FeatureStream target = rate.open(1);
        target.restore(new TransformSnapshot(young.transform(), 1,
                List.of(counter(1 + 1, 500L).apply(young.columns().get(0)))));
        double[] out = new double[1];
        target.apply(3_000L, new double[] {5.0}, out);
        assertThat(out[0]).isEqualTo(2.0);
    }

    @Test
    void diffRefusesANonFiniteInputInItsFirstStageAndStageCountsThatDoNotFit() {
        FeatureTransform t = Features.diff(2, 2);
        FeatureStream s = fed(t, 1.0, 2.0, 4.0, 3.0, 5.0, 6.0);
        // values: 0 order, 1 lag, 2.. the first stage's ring of 2, then the second's; counters: one per stage
        refused(t, s, "first stage", value(2 + 1, Double.NaN));
        refused(t, s, "first stage", value(2, Double.POSITIVE_INFINITY));
        refused(t, s, "stage 1", counter(1, 5));
        refused(t, s, "stage 1", counter(1, 0));
        FeatureStream young = fed(t, 1.0);
        refused(t, young, "stage 1", counter(1, 1));
        // later stages may hold infinities and NaN: differences of finite values can overflow
        FeatureStream extreme = fed(Features.diff(2, 1), Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE);
        Record state = extreme.snapshot();
        FeatureStream target = Features.diff(2, 1).open(1);
        target.restore(state);
        assertThat(target.snapshot()).isEqualTo(state);
    }

    @Test
    void rollingMinAndMaxRefuseADequeNoStreamReaches() {
        for (FeatureTransform t : List.of(Features.rollingMin(3), Features.rollingMax(3))) {
            boolean max = t.id().equals("rolling-max");
            FeatureStream s = max ? fed(t, 9.0, 8.0, 7.0, 6.0) : fed(t, 1.0, 2.0, 3.0, 4.0);
            // counters: 0 count, 1 head, 2 tail, 3 size, 4.. the sequence numbers;
            // values: 0 window, 1 sign, 2.. the deque
            refused(t, s, "deque", value(2, Double.NaN));
            refused(t, s, "deque", value(3, Double.NEGATIVE_INFINITY));
            refused(t, s, "deque", value(2, max ? -6.5 : 3.5)); // not increasing (a max keeps negated values)
            refused(t, s, "deque", counter(4, 1_000L));         // a value that never expires
            refused(t, s, "deque", counter(6, 2L));             // the newest is not the last reading
            refused(t, s, "deque", counter(0, 100L));            // entries older than the window
            refused(t, s, "deque", counter(4, 2L));              // not increasing
            FeatureStream empty = t.open(1);
            refused(t, empty, "deque", counter(0, 5L));          // readings but an empty deque
        }
    }

    // ---- extreme finite values ----------------------------------------------------------------------------------

    private static double last(FeatureTransform t, double... values) {
        FeatureStream s = t.open(1);
        double[] out = new double[1];
        for (int i = 0; i < values.length; i++) {
            s.apply(1_000L * (i + 1), new double[] {values[i]}, out);
        }
        return out[0];
    }

    @Test
    void ewmaOfValuesFarApartStaysFinite() {
        double max = Double.MAX_VALUE;
        assertThat(last(Features.ewma(0.5), -max, max)).isEqualTo(0.0);
        assertThat(last(Features.ewma(0.5), -max, max, 0.0, 8.0)).isEqualTo(4.0);
        assertThat(last(Features.ewma(1.0), -max, max)).isEqualTo(max);
        assertThat(last(Features.ewma(0.25), max, -max)).isCloseTo(0.5 * max, withinPercentage(1e-13));
        // the variance of such values is beyond the double range: +Infinity, never NaN
        assertThat(last(Features.ewVariance(0.5), -max, max, 0.0, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void ewVarianceWithAlphaOneIsZeroHoweverFarApartTheValues() {
        assertThat(last(Features.ewVariance(1.0), 0.0, 1e200)).isEqualTo(0.0);
        assertThat(last(Features.ewVariance(1.0), -Double.MAX_VALUE, Double.MAX_VALUE, 1.0)).isEqualTo(0.0);
    }

    @Test
    void ewmaWithAlphaOneIsTheNewestValueAfterAHugeOne() {
        assertThat(last(Features.ewma(1.0), 0.0, 1e200, 3.0)).isEqualTo(3.0);
        assertThat(last(Features.ewma(1.0), 0.1, 0.7, -2.5e-300)).isEqualTo(-2.5e-300);
    }

    @Test
    void ewmaRefusesAMeanOrVarianceNoStreamReaches() {
        for (FeatureTransform t : List.of(Features.ewma(0.5), Features.ewVariance(0.5))) {
            FeatureStream s = fed(t, 1.0, 2.0);
            // values: 0 alpha, 1 statistic, 2 mean, 3 variance
            refused(t, s, "mean", value(2, Double.NaN));
            refused(t, s, "mean", value(2, Double.NEGATIVE_INFINITY));
            refused(t, s, "variance", value(3, Double.NaN));
            refused(t, s, "variance", value(3, -1.0));
            // a variance beyond the double range is reachable (see ewmaOfValuesFarApartStaysFinite)
            TransformSnapshot ok = (TransformSnapshot) s.snapshot();
            t.open(1).restore(new TransformSnapshot(ok.transform(), 1,
                    List.of(value(3, Double.POSITIVE_INFINITY).apply(ok.columns().get(0)))));
        }
    }

    // ---- settings -----------------------------------------------------------------------------------------------

    @Test
    void outOfRangeSettingsAreRefusedByTheSetterNamingTheParameter() {
        for (int w : new int[] {0, -1, Checks.MAX_WINDOW + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Features.builder("rolling-mean").window(w)).hasMessageContaining("'window'");
            assertThatThrownBy(() -> Features.builder("lag").lag(w)).hasMessageContaining("'lag'");
            assertThatThrownBy(() -> new WindowState(w)).hasMessageContaining("window");
            assertThatThrownBy(() -> new DiffState(1, w)).hasMessageContaining("lag");
        }
        assertThatThrownBy(() -> Features.rollingStd(1)).hasMessageContaining("window");
        assertThatThrownBy(() -> Features.rollingAutocorrelation(5, 5)).hasMessageContaining("lag");
        assertThatThrownBy(() -> Features.diff(9, 1)).hasMessageContaining("order");
        for (double q : new double[] {-0.1, 1.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Features.builder("rolling-quantile").quantile(q))
                    .hasMessageContaining("'quantile'");
        }
        for (double a : new double[] {0.0, -0.0, -0.1, 1.1, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Features.builder("ewma").alpha(a)).as("alpha %s", a)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alpha'");
        }
        assertThat(Features.builder("ewma").alpha(Double.MIN_VALUE).build().warmUp()).isZero();
        assertThat(Features.builder("ewma").alpha(1.0).build().warmUp()).isZero();
    }

    @Test
    void quantilesBetweenValuesMoreThanMaxValueApartAreFinite() {
        double max = Double.MAX_VALUE;
        assertThat(last(Features.rollingMedian(2), -max, max)).isEqualTo(0.0);
        assertThat(last(Features.rollingQuantile(2, 0.75), max, -max)).isEqualTo(0.75 * max - 0.25 * max);
        assertThat(last(Features.rollingQuantile(4, 0.5), 1.0, -max, max, 2.0)).isEqualTo(1.5);
        assertThat(StreamingProperties.sortedQuantile(new double[] {max, -max}, 0.5)).isEqualTo(0.0);
        FeatureTransform robust = Features.robustScaler().fit(io.github.anomaly4j.api.data.TimeSeries.of(
                new long[] {1, 2}, List.of("x"), new double[][] {{-max, max}}));
        assertThat(((ScalerState) robust.state()).center()).containsExactly(0.0);
    }

    @Test
    void anOutputArrayTooShortIsRefusedBeforeAStreamChanges() {
        List<FeatureTransform> all = List.of(Features.lag(1), Features.rateOfChange(1), Features.diff(1, 1),
                Features.rollingMean(2), Features.rollingStd(2), Features.rollingMin(2), Features.rollingMedian(2),
                Features.ewma(0.5), Features.rollingAutocorrelation(3, 1), Features.dayCycle(ZoneId.of("UTC")));
        for (FeatureTransform t : all) {
            for (int width : new int[] {1, 2}) {
                FeatureStream s = t.open(width);
                double[] in = width == 1 ? new double[] {1.0} : new double[] {1.0, 2.0};
                s.apply(1_000L, in, new double[s.outputWidth()]);
                Record before = s.snapshot();
                assertThatThrownBy(() -> s.apply(2_000L, in, new double[s.outputWidth() - 1]))
                        .as("%s over %d columns", t, width).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("room for " + (s.outputWidth() - 1));
                assertThat(s.snapshot()).isEqualTo(before);
            }
        }
    }

    private static ScalerState fitted(FeatureTransform scaler, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i + 1;
        }
        return (ScalerState) scaler.fit(io.github.anomaly4j.api.data.TimeSeries.of(t, List.of("x"),
                new double[][] {values})).state();
    }

    @Test
    void theStandardScalerFitsValuesWhoseSumsOverflowWhenTheirMeanAndDeviationAreDoubles() {
        double max = Double.MAX_VALUE;
        // the sum overflows, the mean does not
        ScalerState s = fitted(Features.standardScaler(), max, max, 0.5 * max);
        assertThat(s.center()[0]).isCloseTo(5.0 / 6.0 * max, withinPercentage(1e-13));
        assertThat(s.scale()[0]).isCloseTo(Math.sqrt(1.0 / 12.0) * max, withinPercentage(1e-13));
        // the sum of squared deviations overflows, the deviation (1e200) does not; it used to become scale 1
        s = fitted(Features.standardScaler(), 1e200, -1e200, 0.0);
        assertThat(s.center()[0]).isEqualTo(0.0);
        assertThat(s.scale()[0]).isCloseTo(1e200, withinPercentage(1e-13));
        // ordinary values keep the plain sums
        s = fitted(Features.standardScaler(), 1.0, 2.0, 4.0);
        assertThat(s.center()).containsExactly(7.0 / 3.0);
        assertThat(s.scale()).containsExactly(Math.sqrt((16.0 / 9 + 1.0 / 9 + 25.0 / 9) / 2));
    }

    @Test
    void aScalerWhoseScaleIsBeyondTheDoubleRangeIsRefusedAtFit() {
        double max = Double.MAX_VALUE;
        for (FeatureTransform scaler : List.of(Features.standardScaler(), Features.minMaxScaler(),
                Features.robustScaler())) {
            assertThatThrownBy(() -> fitted(scaler, -max, -max, max, max)).as("%s", scaler)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(scaler.id() + ": the scale of column 'x'")
                    .hasMessageContaining("beyond the double range");
        }
        // a constant column still gets scale 1
        assertThat(fitted(Features.minMaxScaler(), max, max).scale()).containsExactly(1.0);
    }

    @Test
    void aCalendarStreamRefusesASnapshotOfAnotherLayout() {
        FeatureTransform t = Features.weekCycle(ZoneId.of("Europe/Paris"));
        FeatureStream s = t.open(2);
        TransformSnapshot good = (TransformSnapshot) s.snapshot();
        ColumnSnapshot empty = good.columns().get(0);
        for (TransformSnapshot bad : List.of(new TransformSnapshot(good.transform(), 3, List.of(empty)),
                new TransformSnapshot(good.transform(), 1, List.of(empty, empty)),
                new TransformSnapshot(good.transform(), 1, List.of()),
                new TransformSnapshot(good.transform(), 1,
                        List.of(new ColumnSnapshot(new long[] {7}, new double[0]))))) {
            assertThatThrownBy(() -> s.restore(bad)).as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
        s.restore(good);
    }

    @Test
    void rateOfChangeOverAnIntervalBeyondTheLongRangeKeepsItsSign() {
        FeatureStream s = Features.rateOfChange(1).open(1);
        double[] out = new double[1];
        s.apply(Long.MIN_VALUE, new double[] {0.0}, out);
        s.apply(Long.MAX_VALUE, new double[] {0x1p64}, out);
        assertThat(out[0]).isEqualTo(1000.0); // 2^64 over 2^64 - 1 ms, rounded to the nearest double
    }

    private static double[] outputs(FeatureTransform t, double... values) {
        FeatureStream s = t.open(1);
        double[] out = new double[1];
        double[] all = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            s.apply(1_000L * (i + 1), new double[] {values[i]}, out);
            all[i] = out[0];
        }
        return all;
    }

    @Test
    void theRollingMeanOfValuesWhoseSumOverflowsIsTheirMean() {
        double max = Double.MAX_VALUE;
        double[] means = outputs(Features.rollingMean(3), max, max, 0.5 * max, 0.5 * max, 0.0, -max, -max, -max);
        assertThat(means[2]).isCloseTo(5.0 / 6.0 * max, withinPercentage(1e-13));
        assertThat(means[3]).isCloseTo(2.0 / 3.0 * max, withinPercentage(1e-13));
        assertThat(means[4]).isCloseTo(1.0 / 3.0 * max, withinPercentage(1e-13));
        assertThat(means[7]).isEqualTo(-max);
    }

    @Test
    void spreadsOfWindowsWiderThanTheDoubleRangeAreComputedNotZero() {
        double max = Double.MAX_VALUE;
        double[] z = outputs(Features.rollingZScore(2), -max, max, 1.0, 2.0, 4.0);
        assertThat(z[1]).isCloseTo(Math.sqrt(0.5), withinPercentage(1e-13));
        assertThat(z[2]).isCloseTo(-Math.sqrt(0.5), withinPercentage(1e-13));
        assertThat(z[4]).isCloseTo(Math.sqrt(0.5), withinPercentage(1e-13)); // {2, 4}: back to the ordinary path
        assertThat(outputs(Features.rollingZScore(3), max, -max, max)[2]).isCloseTo(Math.sqrt(1.0 / 3.0),
                withinPercentage(1e-13));
        double[] sd = outputs(Features.rollingStd(8), max, -max, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0);
        assertThat(sd[7]).isCloseTo(Math.sqrt(2.0 / 7.0) * max, withinPercentage(1e-13));
        // a spread beyond the double range is +Infinity, not NaN
        assertThat(outputs(Features.rollingStd(2), -max, max)[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(outputs(Features.rollingVariance(2), -max, max)[1]).isEqualTo(Double.POSITIVE_INFINITY);
        double[] r = outputs(Features.rollingAutocorrelation(3, 1), max, -max, max, -max, 1.0, 2.0, 4.0);
        assertThat(r[2]).isCloseTo(-2.0 / 3.0, withinPercentage(1e-13));
        assertThat(r[3]).isCloseTo(-2.0 / 3.0, withinPercentage(1e-13));
        assertThat(r[6]).isCloseTo(-1.0 / 42.0, withinPercentage(1e-12));
    }

    @Test
    void aWindowMuchNarrowerThanTheOneBeforeIsCentredOnItsOwnValues() {
        // 1e200 leaves; the mean the rebuild took from the old sums carried their rounding (of 1e200's order), far
        // outside [0, 1], and the window's spread cancelled to 0
        assertThat(outputs(Features.rollingVariance(3), 1e200, 1e-300, Double.MIN_VALUE, 1.0)[3])
                .isCloseTo(1.0 / 3.0, withinPercentage(1e-12));
        assertThat(outputs(Features.rollingZScore(3), 1e200, 1e-300, Double.MIN_VALUE, 1.0)[3])
                .isCloseTo(2.0 / 3.0 / Math.sqrt(1.0 / 3.0), withinPercentage(1e-12));
        assertThat(outputs(Features.rollingAutocorrelation(3, 1), 1e200, 1e-300, Double.MIN_VALUE, 1.0)[3])
                .isCloseTo(-1.0 / 6.0, withinPercentage(1e-12));
    }

    @Test
    void aTinyValueAfterAConstantRunIsNotLostToUnderflow() {
        // the constant run left scale 1; 1e-200 squared underflows at that scale, and the sums said "no spread"
        assertThat(outputs(Features.rollingStd(3), 0.0, 0.0, 0.0, 1e-200)[3])
                .isCloseTo(Math.sqrt(1.0 / 3.0) * 1e-200, withinPercentage(1e-12));
        assertThat(outputs(Features.rollingZScore(3), 0.0, 0.0, 0.0, 1e-300)[3])
                .isCloseTo(2.0 / Math.sqrt(3.0), withinPercentage(1e-12));
        assertThat(outputs(Features.rollingAutocorrelation(3, 1), 0.0, 0.0, 0.0, 1e-300)[3])
                .isCloseTo(-1.0 / 6.0, withinPercentage(1e-12));
        assertThat(outputs(Features.rollingStd(3), 0.0, 0.0, 0.0, 0.0)[3]).isEqualTo(0.0);
    }

    /** A snapshot of a run of the one-column pipeline {@code p} after readings 1.0 and 2.0 at 1 s and 2 s. */
    private static FeaturePipeline.Snapshot afterReadingsAtOneAndTwoSeconds(FeaturePipeline p) {
        FeaturePipeline.Run run = p.open();
        run.apply(1_000L, new double[] {1.0}, new double[p.width()]);
        run.apply(2_000L, new double[] {2.0}, new double[p.width()]);
        return run.snapshot();
    }

    @Test
    void aSnapshotOfARunThatHasNotStartedButAcceptedReadingsIsRefused() {
        FeaturePipeline p = FeaturePipeline.builder("x").add(Features.rateOfChange(1)).add(Features.lag(1)).build();
        FeaturePipeline.Snapshot s = afterReadingsAtOneAndTwoSeconds(p);
        FeaturePipeline.Snapshot tampered = new FeaturePipeline.Snapshot(s.pipeline(), s.accepted(), s.lastTimestamp(),
                false, s.lastFinite(), s.streams());
        FeaturePipeline.Run other = p.open();
        assertThatThrownBy(() -> other.restore(tampered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accepted 2 readings but has not started");
        assertThat(other.snapshot()).isEqualTo(p.open().snapshot());
    }

    @Test
    void aSnapshotWhoseRateOfChangeHoldsALaterReadingThanTheRunIsRefused() {
        FeaturePipeline p = FeaturePipeline.builder("x").add(Features.lag(1)).add(Features.rateOfChange(1)).build();
        FeaturePipeline.Snapshot s = afterReadingsAtOneAndTwoSeconds(p);
        // the run's last reading moved back to 1,500: a reading at 1,800 would pass the run's check, go into the
        // lag, then be refused by the rate, which holds 2,000
        FeaturePipeline.Snapshot earlier = new FeaturePipeline.Snapshot(s.pipeline(), s.accepted(), 1_500L,
                true, s.lastFinite(), s.streams());
        FeaturePipeline.Run other = p.open();
        assertThatThrownBy(() -> other.restore(earlier)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot is inconsistent: rate-of-change")
                .hasMessageContaining("holds a reading at 2000, after the run's last (1500)");
        FeaturePipeline.Snapshot unstarted = new FeaturePipeline.Snapshot(s.pipeline(), 0, 0L, false,
                s.lastFinite(), s.streams());
        assertThatThrownBy(() -> other.restore(unstarted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a reading at 2000, but the run has not started");
        assertThat(other.snapshot()).isEqualTo(p.open().snapshot());
        // the true snapshot, and one whose run saw a later reading than the rate (a skipped one), restore
        other.restore(s);
        FeaturePipeline.Snapshot later = new FeaturePipeline.Snapshot(s.pipeline(), s.accepted(), 2_500L, true,
                s.lastFinite(), s.streams());
        p.open().restore(later);
    }

    @Test
    void aRateOfChangeOverColumnsChecksEveryColumnsTimeBeforeChangingAny() {
        FeatureStream s = Features.rateOfChange(1).open(2);
        double[] out = new double[2];
        s.apply(1_000L, new double[] {1.0, 1.0}, out);
        s.apply(2_000L, new double[] {Double.NaN, 2.0}, out); // column 0 keeps 1,000, column 1 now holds 2,000
        TransformSnapshot before = (TransformSnapshot) s.snapshot();
        // 1,500 is after column 0's last reading but not column 1's: refused before column 0 takes it
        assertThatThrownBy(() -> s.apply(1_500L, new double[] {3.0, 3.0}, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'rate-of-change{lag=1}', input 1: timestamp 1500 is not after the previous reading's "
                        + "(2000)");
        assertThat(s.snapshot()).isEqualTo(before);
        // a missing value in column 1 is not its reading: column 0 takes 1,500
        s.apply(1_500L, new double[] {3.0, Double.NaN}, out);
        assertThat(out[0]).isEqualTo(4.0);
        assertThat(out[1]).isNaN();
        // Long.MIN_VALUE is a time like any other, not "no time yet"
        FeatureStream early = Features.rateOfChange(1).open(2);
        early.apply(Long.MIN_VALUE, new double[] {Double.NaN, 1.0}, out);
        TransformSnapshot once = (TransformSnapshot) early.snapshot();
        assertThatThrownBy(() -> early.apply(Long.MIN_VALUE, new double[] {2.0, 3.0}, out))
                .hasMessageContaining("input 1: timestamp " + Long.MIN_VALUE + " is not after");
        assertThat(early.snapshot()).isEqualTo(once);
        FeatureStream single = Features.rateOfChange(1).open(1);
        single.apply(Long.MIN_VALUE, new double[] {1.0}, out);
        assertThatThrownBy(() -> single.apply(Long.MIN_VALUE, new double[] {2.0}, out))
                .hasMessage("'rate-of-change{lag=1}': timestamp " + Long.MIN_VALUE + " is not after the previous "
                        + "reading's (" + Long.MIN_VALUE + ")");
    }

    @Test
    void aSnapshotWhoseRateOfChangeHoldsAReadingAtTheEarliestTimeIsRefusedWhenTheRunHasNotStarted() {
        FeaturePipeline p = FeaturePipeline.builder("x").add(Features.rateOfChange(1)).build();
        FeaturePipeline.Run run = p.open();
        run.apply(Long.MIN_VALUE, new double[] {1.0}, new double[1]);
        FeaturePipeline.Snapshot s = run.snapshot();
        FeaturePipeline.Snapshot unstarted = new FeaturePipeline.Snapshot(s.pipeline(), 0, Long.MIN_VALUE, false,
                s.lastFinite(), s.streams());
        assertThatThrownBy(() -> p.open().restore(unstarted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a reading at " + Long.MIN_VALUE + ", but the run has not started");
        p.open().restore(s);
    }

    @Test
    void aNullColumnNameIsRefusedNamingItsPosition() {
        assertThatThrownBy(() -> FeaturePipeline.builder("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1 is null");
    }
}
