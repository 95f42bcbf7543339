package io.github.anomaly4j.api.data;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureVectorsTest {

    @Test
    void acceptsFiniteVectorsOfTheRightDimension() {
        assertThatCode(() -> FeatureVectors.requireFinite(new double[] {0, -1e308, 1e308, Double.MIN_VALUE}, 4))
                .doesNotThrowAnyException();
        assertThatCode(() -> FeatureVectors.requireFinite(new double[0], 0)).doesNotThrowAnyException();
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> FeatureVectors.requireFinite(null, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature vector is null");
        assertThatThrownBy(() -> FeatureVectors.requireFinite(null, 2, 7))
                .hasMessage("row 7: feature vector is null");
    }

    @Test
    void wrongDimensionNamesBothLengths() {
        assertThatThrownBy(() -> FeatureVectors.requireFinite(new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature vector has 3 values, the model expects 2");
        assertThatThrownBy(() -> FeatureVectors.requireFinite(new double[1], 2, 0))
                .hasMessage("row 0: feature vector has 1 values, the model expects 2");
    }

    @Test
    void nonFiniteValueNamesTheColumnAndTheValue() {
        assertThatThrownBy(() -> FeatureVectors.requireFinite(new double[] {1, 2, Double.NaN}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column 2 is NaN; values must be finite")
                .hasMessageContaining("impute");
        assertThatThrownBy(() -> FeatureVectors.requireFinite(new double[] {Double.POSITIVE_INFINITY, 0}, 2, 12))
                .hasMessageStartingWith("row 12: column 0 is Infinity");
    }

    @Test
    void reportsTheFirstBadColumn() {
        assertThatThrownBy(() -> FeatureVectors.requireFinite(
                new double[] {0, Double.NEGATIVE_INFINITY, Double.NaN}, 3))
                .hasMessageStartingWith("column 1 is -Infinity");
    }
}
