package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmpiricalCalibrationTest {

    @Test
    void mapsScoresToTheShareOfReferenceScoresAtOrBelow() {
        EmpiricalCalibration c = EmpiricalCalibration.fit(new double[] {4, 1, 3, 2, 5});
        assertThat(c.calibrate(0.5)).isZero();
        assertThat(c.calibrate(1)).isZero();
        assertThat(c.calibrate(3)).isEqualTo(0.5);
        assertThat(c.calibrate(3.5)).isEqualTo(0.625);
        assertThat(c.calibrate(5)).isEqualTo(1.0);
        assertThat(c.calibrate(1e300)).isEqualTo(1.0);
    }

    @Test
    void refusesANaNScoreInsteadOfCalibratingItToZero() {
        EmpiricalCalibration plain = EmpiricalCalibration.fit(new double[] {1, 2, 3});
        EmpiricalCalibration tail = EmpiricalCalibration.fitWithTail(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.5);
        for (EmpiricalCalibration c : new EmpiricalCalibration[] {plain, tail}) {
            assertThatThrownBy(() -> c.calibrate(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NaN");
            assertThatThrownBy(() -> c.tailProbability(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NaN");
        }
    }

    @Test
    void aStoredTailMustContinueTheBodyItWasFittedOn() {
        double[] scores = new double[200];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = r.nextDouble();
        }
        EmpiricalCalibration c = EmpiricalCalibration.fitWithTail(scores, 0.9);
        EmpiricalCalibration back = EmpiricalCalibration.fromKnots(c.knots(), c.tailStart(), c.tailBase(),
                c.tailShape(), c.tailScale());
        assertThat(back.calibrate(c.tailStart() + 0.01)).isEqualTo(c.calibrate(c.tailStart() + 0.01));
        // before the fix a base that disagrees with the body at the tail start was accepted: calibrate() then fell
        // from about 0.9 to about 0 just above the start, breaking the monotone contract of Calibration
        assertThatThrownBy(() -> EmpiricalCalibration.fromKnots(c.knots(), c.tailStart(), 0.0, c.tailShape(),
                c.tailScale())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
    }

    @Test
    void largeReferenceSetsKeepAtMostMaxKnotsAndStayAccurate() {
        SplittableRandom r = new SplittableRandom(1);
        double[] scores = new double[100_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = r.nextDouble();
        }
        EmpiricalCalibration c = EmpiricalCalibration.fit(scores);
        assertThat(c.knots()).hasSize(EmpiricalCalibration.MAX_KNOTS);
        assertThat(c.calibrate(0.9)).isCloseTo(0.9, within(0.01));
        assertThat(c.calibrate(0.25)).isCloseTo(0.25, within(0.01));
    }

    @Test
    void isMonotone() {
        EmpiricalCalibration c = EmpiricalCalibration.fit(new double[] {1, 1, 1, 2, 2, 7});
        double prev = -1;
        for (double s = 0; s < 8; s += 0.01) {
            double v = c.calibrate(s);
            assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev);
            prev = v;
        }
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> EmpiricalCalibration.fit(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmpiricalCalibration.fit(new double[] {1, Double.NaN}))
                .hasMessageContaining("score 1");
        assertThatThrownBy(() -> EmpiricalCalibration.fromKnots(new double[] {2, 1}))
                .hasMessageContaining("non-decreasing");
    }

    @Test
    void quantileThresholdUsesLinearInterpolation() {
        assertThat(Thresholds.quantile(0.5).select(new double[] {4, 1, 3, 2}, null)).isEqualTo(2.5);
        assertThat(Thresholds.quantile(1.0).select(new double[] {4, 1, 3, 2}, null)).isEqualTo(4);
        assertThat(Thresholds.quantile(0.9).select(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, null))
                .isCloseTo(9.1, within(1e-12));
        assertThat(Thresholds.fixed(3).select(new double[] {100}, null)).isEqualTo(3);
        assertThatThrownBy(() -> Thresholds.quantile(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Thresholds.fixed(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Thresholds.quantile(0.5).select(new double[0], null))
                .hasMessageContaining("at least one");
    }
}
