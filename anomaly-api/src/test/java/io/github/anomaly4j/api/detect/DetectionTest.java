package io.github.anomaly4j.api.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionTest {

    @Test
    void ofCarriesEveryField() {
        Detection d = Detection.of(1_000L, 4.5, 0.97, true, 3.0);
        assertThat(d.timestamp()).isEqualTo(1_000L);
        assertThat(d.score()).isEqualTo(4.5);
        assertThat(d.calibratedScore()).isEqualTo(0.97);
        assertThat(d.anomalous()).isTrue();
        assertThat(d.threshold()).isEqualTo(3.0);
        assertThat(d.warmingUp()).isFalse();
        assertThat(d.attribution()).isEmpty();
        assertThat(d.expected()).isEmpty();
    }

    @Test
    void calibratedScoreBoundsAreInclusive() {
        assertThat(Detection.of(0, 0, 0.0, false, 1).calibratedScore()).isZero();
        assertThat(Detection.of(0, 0, 1.0, false, 1).calibratedScore()).isEqualTo(1.0);
    }

    @Test
    void nonFiniteScoreIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> Detection.of(0, Double.NaN, 0.5, false, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must be finite, got NaN");
        assertThatThrownBy(() -> Detection.of(0, Double.POSITIVE_INFINITY, 0.5, false, 1))
                .hasMessage("score must be finite, got Infinity");
    }

    @Test
    void calibratedScoreOutsideUnitIntervalIsRefused() {
        assertThatThrownBy(() -> Detection.of(0, 1, 1.0000001, false, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibratedScore must be in [0, 1], got 1.0000001");
        assertThatThrownBy(() -> Detection.of(0, 1, -0.1, false, 1))
                .hasMessageContaining("got -0.1");
        assertThatThrownBy(() -> Detection.of(0, 1, Double.NaN, false, 1))
                .hasMessageContaining("calibratedScore must be in [0, 1], got NaN");
    }

    @Test
    void nanThresholdIsRefusedButAnInfiniteOneIsAllowed() {
        assertThatThrownBy(() -> Detection.of(0, 1, 0.5, false, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must not be NaN");
        assertThat(Detection.of(0, 1, 0.5, false, Double.POSITIVE_INFINITY).threshold()).isInfinite();
    }

    @Test
    void warmingUpHasZeroScoresAndIsNeverAnomalous() {
        Detection d = Detection.warmingUp(77L, 2.5);
        assertThat(d.warmingUp()).isTrue();
        assertThat(d.score()).isZero();
        assertThat(d.calibratedScore()).isZero();
        assertThat(d.anomalous()).isFalse();
        assertThat(d.threshold()).isEqualTo(2.5);
        assertThat(d.timestamp()).isEqualTo(77L);
        assertThat(d.toString()).contains("warming up");
        assertThat(d).isNotEqualTo(Detection.of(77L, 0.0, 0.0, false, 2.5));
    }

    @Test
    void withAttributionReturnsACopyAndLeavesTheOriginal() {
        Detection d = Detection.of(5, 2, 0.9, true, 1);
        Attribution a = new Attribution(List.of("x", "y"), new double[] {0.2, 0.8});
        Detection withA = d.withAttribution(a);
        assertThat(withA.attribution()).contains(a);
        assertThat(d.attribution()).isEmpty();
        assertThat(withA.score()).isEqualTo(2);
        assertThat(withA.anomalous()).isTrue();
        assertThat(withA).isNotEqualTo(d);
        assertThatThrownBy(() -> d.withAttribution(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("attribution");
    }

    @Test
    void withExpectedReturnsACopyAndKeepsAttribution() {
        Attribution a = new Attribution(List.of("x"), new double[] {1});
        Detection d = Detection.of(5, 2, 0.9, true, 1).withAttribution(a);
        Detection e = d.withExpected(41.5);
        assertThat(e.expected()).hasValue(41.5);
        assertThat(e.attribution()).contains(a);
        assertThat(d.expected()).isEmpty();
        assertThat(e.toString()).contains("expected=41.5");
        assertThat(d.withExpected(0.0).expected()).hasValue(0.0);
    }

    @Test
    void withExpectedRefusesNonFiniteValues() {
        Detection d = Detection.of(5, 2, 0.9, true, 1);
        assertThatThrownBy(() -> d.withExpected(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected must be finite, got NaN");
        assertThatThrownBy(() -> d.withExpected(Double.NEGATIVE_INFINITY))
                .hasMessage("expected must be finite, got -Infinity");
    }

    @Test
    void warmingUpDetectionKeepsItsFlagThroughCopies() {
        Detection d = Detection.warmingUp(1, 3).withExpected(2.0);
        assertThat(d.warmingUp()).isTrue();
        assertThat(d.expected()).hasValue(2.0);
    }

    @Test
    void equalsAndHashCodeCoverEveryField() {
        Detection base = Detection.of(10, 2.0, 0.8, true, 1.5);
        assertThat(base).isEqualTo(Detection.of(10, 2.0, 0.8, true, 1.5))
                .hasSameHashCodeAs(Detection.of(10, 2.0, 0.8, true, 1.5))
                .isNotEqualTo(null)
                .isNotEqualTo("Detection");
        assertThat(base).isNotEqualTo(Detection.of(11, 2.0, 0.8, true, 1.5));
        assertThat(base).isNotEqualTo(Detection.of(10, 2.1, 0.8, true, 1.5));
        assertThat(base).isNotEqualTo(Detection.of(10, 2.0, 0.7, true, 1.5));
        assertThat(base).isNotEqualTo(Detection.of(10, 2.0, 0.8, false, 1.5));
        assertThat(base).isNotEqualTo(Detection.of(10, 2.0, 0.8, true, 1.6));
        assertThat(base).isNotEqualTo(base.withExpected(1));
        assertThat(base.withExpected(1)).isEqualTo(base.withExpected(1)).hasSameHashCodeAs(base.withExpected(1));
        Attribution a = new Attribution(List.of("x"), new double[] {1});
        assertThat(base.withAttribution(a))
                .isEqualTo(base.withAttribution(new Attribution(List.of("x"), new double[] {1})))
                .isNotEqualTo(base.withAttribution(new Attribution(List.of("x"), new double[] {2})));
    }

    @Test
    void toStringNamesTheVerdict() {
        assertThat(Detection.of(10, 2.0, 0.8, true, 1.5).toString())
                .isEqualTo("Detection[t=10, score=2.0, calibrated=0.8, threshold=1.5, anomalous=true]");
    }
}
