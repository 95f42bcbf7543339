package io.github.anomaly4j.api.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriftResultTest {

    @Test
    void carriesTheOutcome() {
        DriftResult r = new DriftResult("ks", 0.31, 0.002, true, 0.05, 500, 200);
        assertThat(r.test()).isEqualTo("ks");
        assertThat(r.statistic()).isEqualTo(0.31);
        assertThat(r.pValue()).isEqualTo(0.002);
        assertThat(r.drift()).isTrue();
        assertThat(r.level()).isEqualTo(0.05);
        assertThat(r.referenceSize()).isEqualTo(500);
        assertThat(r.currentSize()).isEqualTo(200);
        assertThat(r.hasPValue()).isTrue();
    }

    @Test
    void nanPValueMeansTheTestDefinesNone() {
        DriftResult psi = new DriftResult("psi", 0.4, Double.NaN, true, 0.25, 10, 10);
        assertThat(psi.hasPValue()).isFalse();
        assertThat(psi).isEqualTo(new DriftResult("psi", 0.4, Double.NaN, true, 0.25, 10, 10))
                .hasSameHashCodeAs(new DriftResult("psi", 0.4, Double.NaN, true, 0.25, 10, 10));
    }

    @Test
    void pValueBoundsAreInclusive() {
        assertThat(new DriftResult("ks", 0, 0.0, true, 0.05, 1, 1).pValue()).isZero();
        assertThat(new DriftResult("ks", 0, 1.0, false, 0.05, 1, 1).pValue()).isEqualTo(1.0);
    }

    @Test
    void pValueOutsideUnitIntervalIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new DriftResult("ks", 0.1, 1.5, false, 0.05, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pValue must be in [0, 1] or NaN, got 1.5");
        assertThatThrownBy(() -> new DriftResult("ks", 0.1, -0.01, false, 0.05, 1, 1))
                .hasMessageContaining("got -0.01");
        assertThatThrownBy(() -> new DriftResult("ks", 0.1, Double.POSITIVE_INFINITY, false, 0.05, 1, 1))
                .hasMessageContaining("got Infinity");
    }

    @Test
    void nanStatisticIsRefused() {
        assertThatThrownBy(() -> new DriftResult("ks", Double.NaN, 0.5, false, 0.05, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statistic must not be NaN");
    }

    @Test
    void negativeSampleSizesAreRefused() {
        assertThatThrownBy(() -> new DriftResult("ks", 0.1, 0.5, false, 0.05, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new DriftResult("ks", 0.1, 0.5, false, 0.05, 1, -1))
                .hasMessageContaining("non-negative");
        assertThat(new DriftResult("ks", 0.1, 0.5, false, 0.05, 0, 0).referenceSize()).isZero();
    }

    @Test
    void nullTestIdIsRefused() {
        assertThatThrownBy(() -> new DriftResult(null, 0.1, 0.5, false, 0.05, 1, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("test");
    }

    @Test
    void equalsCoversEveryComponent() {
        DriftResult r = new DriftResult("ks", 0.3, 0.01, true, 0.05, 10, 20);
        assertThat(r).isEqualTo(new DriftResult("ks", 0.3, 0.01, true, 0.05, 10, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ad", 0.3, 0.01, true, 0.05, 10, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ks", 0.31, 0.01, true, 0.05, 10, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ks", 0.3, 0.02, true, 0.05, 10, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ks", 0.3, 0.01, false, 0.05, 10, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ks", 0.3, 0.01, true, 0.01, 10, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ks", 0.3, 0.01, true, 0.05, 11, 20));
        assertThat(r).isNotEqualTo(new DriftResult("ks", 0.3, 0.01, true, 0.05, 10, 21));
    }
}
