package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.FeatureTransformProvider;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Settings, names, warm-up, bad input and snapshots of the individual transforms. */
class FeaturesTest {

    static double[] run(FeatureTransform t, double... values) {
        FeatureStream s = t.open(1);
        double[] out = new double[values.length];
        double[] o = new double[s.outputWidth()];
        for (int i = 0; i < values.length; i++) {
            s.apply(60_000L * (i + 1), new double[] {values[i]}, o);
            out[i] = o[0];
        }
        return out;
    }

    @Test
    void everyTransformIsRegisteredThroughTheServiceLoaderWithItsStateType() {
        List<String> ids = new ArrayList<>();
        for (FeatureTransformProvider<?> p : ServiceLoader.load(FeatureTransformProvider.class)) {
            ids.add(p.id());
            FeatureTransform t = p.create(Settings.resolve(Spec.of(p.id()), p.parameters()));
            assertThat(p.stateType()).isInstanceOf(Class.class);
            assertThat(t.state()).isInstanceOf(p.stateType());
            assertThat(restore(p, t.state())).isEqualTo(t);
            assertThat(p.description()).isNotBlank();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(Features.ids()).hasSize(21);
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record> FeatureTransform restore(FeatureTransformProvider<S> p, Record state) {
        return p.restore((S) state);
    }

    @Test
    void specBuilderAndShorthandAgree() {
        FeatureTransform a = Features.rollingQuantile(30, 0.9);
        FeatureTransform b = Features.builder("rolling-quantile").window(30).quantile(0.9).build();
        FeatureTransform c = Features.create(Spec.of("rolling-quantile").with("window", 30).with("quantile", 0.9));
        assertThat(a).isEqualTo(b).isEqualTo(c);
        assertThat(a.spec()).isEqualTo(Spec.of("rolling-quantile").with("window", 30).with("quantile", 0.9));
        assertThat(a.state()).isEqualTo(new QuantileState(30, 0.9));
        assertThat(a.warmUp()).isEqualTo(29);
        assertThat(a.outputNames(List.of("cpu", "mem"))).containsExactly("cpu.rolling-quantile(30,0.9)",
                "mem.rolling-quantile(30,0.9)");
        assertThat(Features.builder("ewma").halfLife(1.0).build().state()).isEqualTo(new EwmaState(0.5));
    }

    @Test
    void warmUpsAreDeclaredAndOutputsAreNaNUntilThen() {
        assertThat(Features.lag(3).warmUp()).isEqualTo(3);
        assertThat(Features.diff(2, 12).warmUp()).isEqualTo(24);
        assertThat(Features.rollingMean(10).warmUp()).isEqualTo(9);
        assertThat(Features.ewma(0.3).warmUp()).isZero();
        assertThat(Features.hourOfDay(ZoneId.of("UTC")).warmUp()).isZero();
        assertThat(run(Features.rollingMean(3), 1, 2, 3, 4)).containsExactly(Double.NaN, Double.NaN, 2.0, 3.0);
        assertThat(run(Features.lag(2), 1, 2, 3, 4)).containsExactly(Double.NaN, Double.NaN, 1.0, 2.0);
        assertThat(run(Features.diff(2), 1, 4, 9, 16)).containsExactly(Double.NaN, Double.NaN, 2.0, 2.0);
        assertThat(run(Features.rollingMax(2), 3, 1, 2, 5)).containsExactly(Double.NaN, 3.0, 2.0, 5.0);
        assertThat(run(Features.rollingMedian(3), 5, 1, 3, 9)).containsExactly(Double.NaN, Double.NaN, 3.0, 3.0);
        assertThat(run(Features.rollingVariance(2), 1, 3, 3)).containsExactly(Double.NaN, 2.0, 0.0);
        assertThat(run(Features.rateOfChange(1), 1, 3)).containsExactly(Double.NaN, 2.0 / 60.0);
    }

    @Test
    void constantWindowsGiveExactZeros() {
        double[] v = {7.1, 7.1, 7.1, 7.1, 7.1};
        assertThat(run(Features.rollingStd(3), v)[4]).isZero();
        assertThat(run(Features.rollingZScore(3), v)[4]).isZero();
        assertThat(run(Features.rollingAutocorrelation(3, 1), v)[4]).isZero();
        assertThat(run(Features.rollingMean(3), v)[4]).isEqualTo(7.1);
    }

    @Test
    void badSettingsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Features.rollingStd(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window").hasMessageContaining("2..");
        assertThatThrownBy(() -> Features.rollingQuantile(10, 1.5)).hasMessageContaining("quantile");
        assertThatThrownBy(() -> Features.ewma(0.0)).hasMessageContaining("alpha");
        // alpha's range is open at 0: a spec and the builder are refused where the setting is read, with the range
        for (String id : new String[] {"ewma", "ew-variance"}) {
            assertThatThrownBy(() -> Features.create(Spec.of(id).with("alpha", "0")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parameter 'alpha' must be in (0.0, 1.0], got 0");
            assertThatThrownBy(() -> Features.builder(id).alpha(-0.0))
                    .hasMessage("parameter 'alpha' must be in (0.0, 1.0], got -0.0");
            assertThat(Features.builder(id).alpha(Double.MIN_VALUE).build().state())
                    .isEqualTo(new EwmaState(Double.MIN_VALUE));
        }
        assertThatThrownBy(() -> Features.rollingAutocorrelation(5, 5)).hasMessageContaining("lag")
                .hasMessageContaining("1..4");
        assertThatThrownBy(() -> Features.diff(9)).hasMessageContaining("order");
        assertThatThrownBy(() -> Features.builder("rolling-mean").quantile(0.5))
                .hasMessageContaining("'rolling-mean' has no parameter 'quantile'");
        assertThatThrownBy(() -> Features.builder("rolling-mean").window(5).window(6))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> Features.builder("no-such")).hasMessageContaining("rolling-mean");
        assertThatThrownBy(() -> Features.create(Spec.of("hour-of-day").with("zone", "Mars/Olympus")))
                .hasMessageContaining("zone");
        assertThatThrownBy(() -> new CalendarState("Mars/Olympus")).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> new ScalerState(new double[] {0}, new double[] {0}))
                .hasMessageContaining("positive");
    }

    @Test
    void infiniteInputIsRefusedBeforeAnyStateChangesAndNaNIsAMissingValue() {
        FeatureStream s = Features.rollingMean(2).open(2);
        double[] out = new double[2];
        s.apply(1, new double[] {1, 10}, out);
        Record before = s.snapshot();
        assertThatThrownBy(() -> s.apply(2, new double[] {2, Double.POSITIVE_INFINITY}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input 1 is Infinity");
        assertThat(s.snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> s.apply(2, new double[] {2}, out)).hasMessageContaining("opened for 2");
        s.apply(3, new double[] {3, Double.NaN}, out);
        assertThat(out[0]).isEqualTo(2.0);
        assertThat(out[1]).isNaN();
        s.apply(4, new double[] {5, 20}, out);
        assertThat(out).containsExactly(4.0, 15.0);
    }

    @Test
    void rateOfChangeRefusesTimeGoingBackwards() {
        FeatureStream s = Features.rateOfChange(1).open(1);
        double[] out = new double[1];
        s.apply(1_000, new double[] {1}, out);
        assertThatThrownBy(() -> s.apply(1_000, new double[] {2}, out)).hasMessageContaining("not after");
    }

    @Test
    void scalersMustBeFittedAndFitTheColumnsTheyAreOpenedFor() {
        assertThatThrownBy(() -> Features.standardScaler().open(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not fitted");
        TimeSeries training = TimeSeries.of(new long[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 100});
        ScalerState standard = (ScalerState) Features.standardScaler().fit(training).state();
        assertThat(standard.center()).containsExactly(22.0);
        assertThat(standard.scale()[0]).isCloseTo(Math.sqrt(1902.5), org.assertj.core.data.Offset.offset(1e-12));
        ScalerState minMax = (ScalerState) Features.minMaxScaler().fit(training).state();
        assertThat(minMax.center()).containsExactly(1.0);
        assertThat(minMax.scale()).containsExactly(99.0);
        ScalerState robust = (ScalerState) Features.robustScaler().fit(training).state();
        assertThat(robust.center()).containsExactly(3.0);
        assertThat(robust.scale()).containsExactly(2.0);
        assertThat(run(Features.robustScaler().fit(training), 3, 5)).containsExactly(0.0, 1.0);
        assertThatThrownBy(() -> Features.robustScaler().fit(training).open(2)).hasMessageContaining("fitted on 1");
        TimeSeries constant = TimeSeries.of(new long[] {1, 2}, new double[] {4, 4});
        assertThat(((ScalerState) Features.standardScaler().fit(constant).state()).scale()).containsExactly(1.0);
        TimeSeries tooShort = TimeSeries.of(new long[] {1}, new double[] {4});
        assertThatThrownBy(() -> Features.standardScaler().fit(tooShort)).hasMessageContaining("at least 2");
    }

    @Test
    void calendarFeaturesFollowTheZoneAcrossDaylightSaving() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        FeatureStream hour = Features.hourOfDay(paris).open(1);
        double[] out = new double[1];
        // 2026-03-29 00:30 UTC is 01:30 CET; 01:30 UTC is 03:30 CEST (clocks jumped at 02:00 local)
        long t = java.time.Instant.parse("2026-03-29T00:30:00Z").toEpochMilli();
        hour.apply(t, new double[] {0}, out);
        assertThat(out[0]).isEqualTo(1.0);
        hour.apply(t + 3_600_000L, new double[] {0}, out);
        assertThat(out[0]).isEqualTo(3.0);
        FeatureStream dow = Features.dayOfWeek(ZoneId.of("UTC")).open(1);
        dow.apply(java.time.Instant.parse("2026-12-02T12:00:00Z").toEpochMilli(), new double[] {0}, out);
        assertThat(out[0]).isEqualTo(3.0); // a Wednesday
        assertThat(Features.dayCycle(paris).outputNames(List.of("v"))).containsExactly(
                "day-cycle-sin(Europe/Paris)", "day-cycle-cos(Europe/Paris)");
        assertThat(Features.hourOfDay(ZoneId.of("UTC")).outputNames(List.of("v"))).containsExactly("hour-of-day");
    }

    @Test
    void aSnapshotOfOneTransformCannotBeRestoredIntoAnother() {
        FeatureStream mean = Features.rollingMean(5).open(1);
        FeatureStream std = Features.rollingStd(5).open(1);
        mean.apply(1, new double[] {1}, new double[1]);
        assertThatThrownBy(() -> std.restore(mean.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rolling-mean");
        FeatureStream wider = Features.rollingMean(5).open(2);
        assertThatThrownBy(() -> wider.restore(mean.snapshot())).hasMessageContaining("over 2 columns");
        TransformSnapshot s = (TransformSnapshot) mean.snapshot();
        ColumnSnapshot c = s.columns().get(0);
        TransformSnapshot truncated = new TransformSnapshot(s.transform(), 1, List.of(new ColumnSnapshot(
                c.counters(), java.util.Arrays.copyOf(c.values(), 3))));
        FeatureStream fresh = Features.rollingMean(5).open(1);
        assertThatThrownBy(() -> fresh.restore(truncated)).hasMessageContaining("values");
        long[] negative = c.counters();
        negative[0] = -1;
        assertThatThrownBy(() -> fresh.restore(new TransformSnapshot(s.transform(), 1,
                List.of(new ColumnSnapshot(negative, c.values()))))).hasMessageContaining("negative");
    }
}
