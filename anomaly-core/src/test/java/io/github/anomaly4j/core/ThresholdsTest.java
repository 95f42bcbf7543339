package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.detect.Threshold;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void f1OptimalPicksTheBestCutOffOnHandComputedScores() {
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.8, 0.9, 0.95, 0.35};
        boolean[] labels = {false, false, false, false, true, true, false, true};
        // flag >= 0.8: TP 2, flagged 3, positives 3 -> F1 = 4/6; flag >= 0.35: TP 3, flagged 5 -> 6/8 = 0.75
        // flag >= 0.9: 2/5 ... so the best is >= 0.35, and the cut-off is the next lower score, 0.3
        Threshold t = Thresholds.f1Optimal();
        assertThat(t.requiresLabels()).isTrue();
        assertThat(t.select(scores, labels)).isEqualTo(0.3);
        // everything flagged is best when every reading is an anomaly
        assertThat(t.select(new double[] {1, 2}, new boolean[] {true, true})).isEqualTo(Math.nextDown(1.0));
        assertThatThrownBy(() -> t.select(scores, null)).hasMessageContaining("one label per score");
        assertThatThrownBy(() -> t.select(scores, new boolean[8])).hasMessageContaining("at least one labelled");
    }

    @Test
    void falseAlarmRateFlagsAtMostTheTargetShare() {
        double[] scores = new double[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i;
        }
        double cut = Thresholds.falseAlarmRate(0.01).select(scores, null);
        assertThat(cut).isEqualTo(989.0); // 990..999 are above: exactly 10 = 1%
        assertThat(Thresholds.falseAlarmRate(0.0015).select(scores, null)).isEqualTo(998.0);
        assertThat(Thresholds.falseAlarmRate(0.5).select(new double[] {1, 1, 1, 1}, null)).isEqualTo(1.0);
        assertThatThrownBy(() -> Thresholds.falseAlarmRate(0)).hasMessageContaining("(0, 1)");
    }

    @Test
    void conformalCutOffMatchesThePValueRule() {
        double[] cal = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        // n = 19, alpha = 0.1: p(s) = (1 + #{cal >= s}) / 20 <= 0.1 iff #{cal >= s} <= 1 iff s > 18
        assertThat(Thresholds.conformal(0.1).select(cal, null)).isEqualTo(18.0);
        ConformalCalibration c = ConformalCalibration.fit(cal);
        assertThat(c.pValue(18.5)).isEqualTo(0.1);
        assertThat(c.pValue(18)).isEqualTo(0.15);
        assertThat(c.pValue(100)).isEqualTo(0.05);
        assertThat(c.pValue(-5)).isEqualTo(1.0);
        assertThat(c.calibrate(100)).isEqualTo(0.95);
        // too few calibration scores for alpha: nothing can be flagged
        assertThat(Thresholds.conformal(0.01).select(cal, null)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    @Tag("accuracy")
    void conformalFalseAlarmRateIsAtMostAlphaOverTwoHundredGaussianTrials() {
        SplittableRandom r = new SplittableRandom(2026);
        int trials = 200;
        double total = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] cal = new double[999];
            for (int i = 0; i < cal.length; i++) {
                cal[i] = Math.abs(r.nextGaussian()); // a detector's score of normal data: |z|
            }
            double cut = Thresholds.conformal(0.01).select(cal, null);
            int alarms = 0;
            int tests = 2000;
            for (int i = 0; i < tests; i++) {
                if (Math.abs(r.nextGaussian()) > cut) {
                    alarms++;
                }
            }
            total += (double) alarms / tests;
        }
        double mean = total / trials;
        assertThat(mean).isLessThanOrEqualTo(0.012).isGreaterThan(0.007); // the bound is tight: 10/1000
    }

    @Test
    void generalizedParetoFitRecoversKnownParameters() {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[20_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = GeneralizedPareto.quantile(1.0 - r.nextDouble(), 0.25, 2.0);
        }
        double[] fit = new double[2];
        GeneralizedPareto.fit(y, y.length, Double.NEGATIVE_INFINITY, fit);
        assertThat(fit[0]).isCloseTo(0.25, within(0.04));
        assertThat(fit[1]).isCloseTo(2.0, within(0.1));
        for (int i = 0; i < y.length; i++) {
            y[i] = GeneralizedPareto.quantile(1.0 - r.nextDouble(), -0.3, 1.0); // bounded tail
        }
        GeneralizedPareto.fit(y, y.length, Double.NEGATIVE_INFINITY, fit);
        assertThat(fit[0]).isCloseTo(-0.3, within(0.04));
        GeneralizedPareto.fit(y, y.length, 0.0, fit); // constrained: exponential with the mean as scale
        assertThat(fit[0]).isZero();
    }

    @Test
    void spotThresholdOnExponentialScoresIsNearTheTrueQuantileAndAlarmsAtAboutTheRisk() {
        SplittableRandom r = new SplittableRandom(9);
        double[] initial = new double[20_000];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = -Math.log(1.0 - r.nextDouble());
        }
        PeaksOverThreshold.Stream spot = PeaksOverThreshold.builder().risk(1e-3).build().fit(initial);
        assertThat(spot.threshold()).isCloseTo(Math.log(1000), within(0.6)); // P(Exp(1) > ln 1000) = 1e-3
        assertThat(Thresholds.peaksOverThreshold(1e-3).select(initial, null)).isEqualTo(spot.threshold());
        int alarms = 0;
        for (int i = 0; i < 20_000; i++) {
            if (spot.update(-Math.log(1.0 - r.nextDouble()))) {
                alarms++;
            }
        }
        assertThat(alarms).isBetween(6, 45); // about 20 expected
    }

    @Test
    void dspotFollowsADriftThatSpotAlarmsOn() {
        SplittableRandom r = new SplittableRandom(3);
        double[] initial = new double[2000];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = r.nextGaussian();
        }
        PeaksOverThreshold.Stream spot = PeaksOverThreshold.builder().risk(1e-3).build().fit(initial);
        PeaksOverThreshold.Stream dspot = PeaksOverThreshold.builder().risk(1e-3).depth(50).build().fit(initial);
        int spotAlarms = 0;
        int dspotAlarms = 0;
        for (int i = 0; i < 5000; i++) {
            double v = r.nextGaussian() + i * 0.002; // the level drifts by 10 standard deviations
            spotAlarms += spot.update(v) ? 1 : 0;
            dspotAlarms += dspot.update(v) ? 1 : 0;
        }
        assertThat(spotAlarms).isGreaterThan(1000);
        assertThat(dspotAlarms).isLessThan(50);
    }

    @Test
    void spotRefusesARiskAtOrAboveThePeakRate() {
        // SPOT extrapolates the tail above the level quantile, so the risk must be below 1 - level. Before the fix
        // risk 0.05 with level 0.98 was accepted and silently fell back to z_q = t, alarming on about 2%, not 5%
        assertThatThrownBy(() -> PeaksOverThreshold.builder().risk(0.05).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 - level");
        assertThatThrownBy(() -> Thresholds.peaksOverThreshold(0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 - level");
        assertThatThrownBy(() -> Thresholds.peaksOverThreshold(0.1, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 - level");
        assertThat(PeaksOverThreshold.builder().risk(0.05).level(0.9).build().risk()).isEqualTo(0.05);
    }

    @Test
    void spotStateRefusesANonFiniteDriftWindow() {
        SplittableRandom r = new SplittableRandom(5);
        double[] initial = new double[200];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = r.nextGaussian();
        }
        PeaksOverThresholdState s = PeaksOverThreshold.builder().depth(5).build().fit(initial).snapshot();
        double[] window = s.window();
        window[2] = Double.NaN;
        // before the fix: accepted, and the restored DSPOT threshold became NaN, so it never alarmed again
        assertThatThrownBy(() -> new PeaksOverThresholdState(s.risk(), s.level(), s.depth(), s.maxPeaks(),
                s.peakThreshold(), s.count(), s.peakTotal(), s.peaks(), s.peakNext(), window, s.position(),
                s.windowSum(), s.shape(), s.scale(), s.threshold()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void spotSnapshotRestoresIdenticalDecisions() {
        SplittableRandom r = new SplittableRandom(4);
        double[] initial = new double[500];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = r.nextGaussian();
        }
        PeaksOverThreshold settings = PeaksOverThreshold.builder().risk(0.01).level(0.9).depth(20).maxPeaks(60)
                .build(); // 50 initial peaks: the ring of 60 fills and wraps during the test
        PeaksOverThreshold.Stream a = settings.fit(initial);
        for (int i = 0; i < 300; i++) {
            a.update(r.nextGaussian());
        }
        PeaksOverThresholdState snapshot = a.snapshot();
        PeaksOverThreshold.Stream b = settings.fit(initial);
        b.restore(snapshot);
        for (int i = 0; i < 500; i++) {
            double v = r.nextGaussian() * 1.5;
            assertThat(b.update(v)).isEqualTo(a.update(v));
            assertThat(Double.doubleToRawLongBits(b.threshold())).isEqualTo(Double.doubleToRawLongBits(a.threshold()));
        }
        assertThat(b.snapshot()).isEqualTo(a.snapshot());
        assertThatThrownBy(() -> PeaksOverThreshold.builder().build().fit(initial).restore(snapshot))
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> a.update(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> settings.fit(new double[25])).hasMessageContaining("depth + 10 = 30");
        assertThatThrownBy(() -> PeaksOverThreshold.builder().risk(1.5)).hasMessageContaining("risk");
    }

    @Test
    void tailCalibrationKeepsRisingAboveTheReferenceMaximum() {
        SplittableRandom r = new SplittableRandom(8);
        double[] ref = new double[10_000];
        double max = 0;
        for (int i = 0; i < ref.length; i++) {
            ref[i] = -Math.log(1.0 - r.nextDouble());
            max = Math.max(max, ref[i]);
        }
        EmpiricalCalibration c = EmpiricalCalibration.fitWithTail(ref, 0.9);
        assertThat(c.hasTail()).isTrue();
        assertThat(c.tailShape()).isLessThan(0.1);
        assertThat(c.calibrate(max)).isLessThan(c.calibrate(max + 1)).isLessThan(c.calibrate(max + 2));
        assertThat(c.calibrate(max + 2)).isLessThan(1.0);
        assertThat(1 - c.calibrate(8)).isBetween(Math.exp(-8) / 2, Math.exp(-8) * 2); // 1,000 excesses, extrapolated
        double prev = 0;
        for (double s = -1; s < 40; s += 0.01) {
            double v = c.calibrate(s);
            assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev);
            prev = v;
        }
        // a constant reference: its constant is the middle, anything above it rises towards 1
        EmpiricalCalibration flat = EmpiricalCalibration.fitWithTail(new double[] {0, 0, 0, 0}, 0.9);
        assertThat(flat.calibrate(0)).isEqualTo(0.5);
        assertThat(flat.calibrate(1e-7)).isGreaterThan(0.5).isLessThan(flat.calibrate(1e-6));
        assertThatThrownBy(() -> EmpiricalCalibration.fitWithTail(ref, 1.0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> EmpiricalCalibration.fromKnots(new double[] {1}, 1, 1.0, 0, 1))
                .hasMessageContaining("base in [0, 1)");
    }

    @Test
    void tiedReferenceScoresGetTheirMidRank() {
        EmpiricalCalibration c = EmpiricalCalibration.fit(new double[] {1, 1, 1, 2, 2, 7});
        assertThat(c.calibrate(1)).isEqualTo(0.2); // knots 0..2 of 0..5
        assertThat(c.calibrate(2)).isEqualTo(0.7); // knots 3..4
        assertThat(EmpiricalCalibration.fit(new double[] {3, 3, 3}).calibrate(3)).isEqualTo(0.5);
        assertThat(EmpiricalCalibration.fit(new double[] {3}).calibrate(3)).isEqualTo(0.5);
    }
}
