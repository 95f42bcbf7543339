package io.github.anomaly4j.api.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnomalyModelTest {

    /** A two-dimensional model scoring the sum of absolute values; counts calls to {@link #score}. */
    static final class SumOfAbsModel implements AnomalyModel {
        record State(int dimension) {
        }

        int scoreCalls;

        @Override
        public String type() {
            return "sum-abs";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double score(double[] x) {
            scoreCalls++;
            return Math.abs(x[0]) + Math.abs(x[1]);
        }

        @Override
        public Record state() {
            return new State(2);
        }
    }

    @Test
    void defaultScoreBatchGivesTheSameValuesAsScore() {
        SumOfAbsModel m = new SumOfAbsModel();
        double[][] xs = {{1, 2}, {-3, 0.5}, {0, 0}};
        double[] out = new double[3];
        m.scoreBatch(xs, out);
        assertThat(out).containsExactly(3, 3.5, 0);
        for (int i = 0; i < xs.length; i++) {
            assertThat(out[i]).isEqualTo(m.score(xs[i]));
        }
    }

    @Test
    void defaultScoreBatchWritesOnlyTheFirstRowsOfALongerOutput() {
        double[] out = {-1, -1, -1};
        new SumOfAbsModel().scoreBatch(new double[][] {{1, 1}}, out);
        assertThat(out).containsExactly(2, -1, -1);
    }

    @Test
    void defaultScoreBatchAcceptsAnEmptyBatch() {
        SumOfAbsModel m = new SumOfAbsModel();
        m.scoreBatch(new double[0][], new double[0]);
        assertThat(m.scoreCalls).isZero();
    }

    @Test
    void defaultScoreBatchDoesNotModifyTheInput() {
        double[][] xs = {{1, -2}, {3, -4}};
        new SumOfAbsModel().scoreBatch(xs, new double[2]);
        assertThat(xs).isDeepEqualTo(new double[][] {{1, -2}, {3, -4}});
    }

    @Test
    void defaultScoreBatchNamesTheRowAndColumnOfANonFiniteValue() {
        SumOfAbsModel m = new SumOfAbsModel();
        assertThatThrownBy(() -> m.scoreBatch(new double[][] {{1, 2}, {3, 4}, {5, Double.NaN}}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("row 2: column 1 is NaN");
    }

    @Test
    void defaultScoreBatchNamesTheRowOfAWrongLengthOrNullVector() {
        SumOfAbsModel m = new SumOfAbsModel();
        assertThatThrownBy(() -> m.scoreBatch(new double[][] {{1, 2}, {3}}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1: feature vector has 1 values, the model expects 2");
        assertThatThrownBy(() -> m.scoreBatch(new double[][] {null}, new double[1]))
                .hasMessage("row 0: feature vector is null");
    }

    @Test
    void defaultScoreBatchChecksTheShapeBeforeScoring() {
        SumOfAbsModel m = new SumOfAbsModel();
        assertThatThrownBy(() -> m.scoreBatch(new double[][] {{1, 2}, {3, 4}}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("out has 1 slots for 2 rows");
        assertThat(m.scoreCalls).isZero();
    }

    @Test
    void checkBatchRefusesNullsAndShortOutput() {
        assertThatThrownBy(() -> AnomalyModel.checkBatch(null, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("xs and out must not be null");
        assertThatThrownBy(() -> AnomalyModel.checkBatch(new double[1][], null))
                .hasMessage("xs and out must not be null");
        assertThatThrownBy(() -> AnomalyModel.checkBatch(new double[5][], new double[4]))
                .hasMessage("out has 4 slots for 5 rows");
        assertThatCode(() -> AnomalyModel.checkBatch(new double[5][], new double[5])).doesNotThrowAnyException();
        assertThatCode(() -> AnomalyModel.checkBatch(new double[5][], new double[9])).doesNotThrowAnyException();
    }

    @Test
    void attributionIsUnsupportedByDefaultAndNamesTheModel() {
        SumOfAbsModel m = new SumOfAbsModel();
        assertThat(m.supportsAttribution()).isFalse();
        assertThatThrownBy(() -> m.attribute(new double[2], new double[2]))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("model 'sum-abs' has no attribution");
    }
}
