package io.github.anomaly4j.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the IQR, EWMA and CUSUM detectors claim, on hand-computed cases. */
class StatisticalDetectorsTest {

    @Test
    void iqrScoreOfTwoIsTukeysOuterFenceOfOnePointFive() {
        // 1..8: type-7 Q1 = 2.75, Q3 = 6.25, IQR = 3.5, midhinge 4.5; the k = 1.5 fence is 6.25 + 5.25 = 11.5
        double[][] rows = {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}};
        AnomalyModel m = IqrDetector.builder().build().fit(Frame.ofRows(rows));
        assertThat(m.score(new double[] {11.5})).isCloseTo(2.0, within(1e-15));
        assertThat(m.score(new double[] {2.75 - 1.5 * 3.5})).isCloseTo(2.0, within(1e-15));
        assertThat(m.score(new double[] {4.5})).isZero();
    }

    @Test
    void iqrStreamingReadsQuartilesOfTheWindow() {
        StreamingDetector s = IqrDetector.builder().window(8).warmUp(8).build().newStreamingDetector(1);
        for (int i = 1; i <= 8; i++) {
            assertThat(s.update(i, new double[] {i})).isZero();
        }
        assertThat(s.update(9, new double[] {11.5})).isCloseTo(2.0, within(1e-15));
        // the window is now 2..8, 11.5: Q1 = 3.75, Q3 = 7.25 (type 7), midhinge 5.5, IQR 3.5
        assertThat(s.update(10, new double[] {5.5})).isZero();
    }

    /** 200 readings alternating -1, +1 (mean 0, standard deviation 1), then a shift to a constant 1. */
    private static double[] shiftScores(StreamingDetector s, int afterShift) {
        double[] out = new double[afterShift];
        for (int i = 0; i < 200; i++) {
            s.update(i, new double[] {i % 2 == 0 ? -1 : 1});
        }
        for (int i = 0; i < afterShift; i++) {
            out[i] = s.update(200 + i, new double[] {1.0});
        }
        return out;
    }

    @Test
    void ewmaAccumulatesASmallShiftThatAZScoreCannotSee() {
        double[] ewma = shiftScores(EwmaDetector.builder().lambda(0.2).baseline(1000).build()
                .newStreamingDetector(1), 20);
        // one reading at the shifted level moves the average by lambda only
        assertThat(ewma[0]).isLessThan(1.5);
        // by 20 readings the average has moved ~1 sd while its own sd is sqrt(0.2 / 1.8) = 1/3: about 3 limits
        assertThat(ewma[19]).isGreaterThan(2.5);
        double[] zscore = shiftScores(ZScoreDetector.builder().window(200).build().newStreamingDetector(1), 20);
        assertThat(zscore[19]).isLessThan(1.1);
    }

    @Test
    void cusumSignalsAfterAboutTenReadingsAndRestarts() {
        double[] cusum = shiftScores(CusumDetector.builder().allowance(0.5).decision(5).baseline(1000).build()
                .newStreamingDetector(1), 14);
        // the alternating run leaves S+ at 0.5 after a +1; each shifted reading adds about z - k = 0.5
        assertThat(cusum[0]).isCloseTo(1.0, within(0.05));
        int alarm = -1;
        for (int i = 0; i < cusum.length && alarm < 0; i++) {
            if (cusum[i] > 5) {
                alarm = i;
            }
        }
        assertThat(alarm).isBetween(8, 11);
        assertThat(cusum[alarm + 1]).isLessThan(1.0); // the sums restarted
    }

    @Test
    void chartsAreReachableByNameAndRefuseBadSettings() {
        assertThat(Anomaly.detector("ewma", Map.of("lambda", 0.1)).spec().values()).containsEntry("lambda", 0.1)
                .containsEntry("baseline", 500).containsEntry("warmUp", 20);
        assertThat(Anomaly.detector("cusum").spec().values()).containsEntry("allowance", 0.5)
                .containsEntry("decision", 5.0);
        assertThatThrownBy(() -> EwmaDetector.builder().lambda(0)).hasMessageContaining("'lambda' must be in");
        assertThatThrownBy(() -> CusumDetector.builder().allowance(-1)).hasMessageContaining("'allowance'");
        assertThatThrownBy(() -> CusumDetector.builder().baseline(1)).hasMessageContaining("'baseline'");
        assertThatThrownBy(() -> EwmaDetector.builder().lambda(0.5).lambda(0.5))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chartsStayFiniteOnExtremeReadings() {
        for (StreamingDetector s : new StreamingDetector[] {EwmaDetector.builder().warmUp(2).build()
                .newStreamingDetector(1), CusumDetector.builder().warmUp(2).build().newStreamingDetector(1)}) {
            double[] v = {1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, 0, 1e-300, 5};
            for (int i = 0; i < 50; i++) {
                double score = s.update(i, new double[] {v[i % v.length]});
                assertThat(Double.isFinite(score)).as("%s reading %d", s.type(), i).isTrue();
            }
        }
    }
}
