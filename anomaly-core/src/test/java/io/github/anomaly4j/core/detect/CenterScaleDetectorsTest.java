package io.github.anomaly4j.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

class CenterScaleDetectorsTest {

    private static Frame column(double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return Frame.ofRows(List.of("v"), rows);
    }

    @Test
    void zScoreUsesMeanAndSampleStandardDeviation() {
        AnomalyModel m = ZScoreDetector.builder().build().fit(column(1, 2, 3, 4, 5));
        // mean 3, sample sd sqrt(2.5)
        assertThat(m.score(new double[] {6})).isCloseTo(3 / Math.sqrt(2.5), within(1e-15));
        assertThat(m.score(new double[] {3})).isZero();
        assertThat(((CenterScaleState) m.state()).center()).containsExactly(3.0);
    }

    @Test
    void madUsesMedianAndScaledMad() {
        AnomalyModel m = MadDetector.builder().build().fit(column(1, 2, 3, 4, 100));
        // median 3; |x - 3| = 2,1,0,1,97 -> MAD 1 -> scale 1.4826
        assertThat(m.score(new double[] {100})).isCloseTo(97 / Robust.MAD_TO_SIGMA, within(1e-12));
        assertThat(m.score(new double[] {3})).isZero();
    }

    @Test
    void madFallsBackToMeanAbsoluteDeviationWhenMostValuesAreEqual() {
        AnomalyModel m = MadDetector.builder().build().fit(column(5, 5, 5, 5, 9));
        // MAD = 0; mean absolute deviation from the median 5 is 4/5
        double scale = 0.8 * Robust.MEAN_AD_TO_SIGMA;
        assertThat(((CenterScaleState) m.state()).scale()[0]).isCloseTo(scale, within(1e-15));
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        AnomalyModel m = MadDetector.builder().build().fit(column(1, 2, 4, 10));
        // median 3; deviations 2,1,1,7 -> MAD 1.5
        CenterScaleState s = (CenterScaleState) m.state();
        assertThat(s.center()[0]).isEqualTo(3.0);
        assertThat(s.scale()[0]).isCloseTo(1.5 * Robust.MAD_TO_SIGMA, within(1e-15));
    }

    @Test
    void constantTrainingDataGiveZeroAtTheConstantAndFiniteHugeScoresElsewhere() {
        for (AnomalyModel m : new AnomalyModel[] {ZScoreDetector.builder().build().fit(column(7, 7, 7, 7)),
                MadDetector.builder().build().fit(column(7, 7, 7, 7))}) {
            assertThat(m.score(new double[] {7})).isZero();
            double off = m.score(new double[] {7.001});
            assertThat(off).isGreaterThan(1e6).isFinite();
            assertThat(m.score(new double[] {-1e308})).isEqualTo(Double.MAX_VALUE);
        }
    }

    @Test
    void largeMeanSmallVarianceDataKeepTheirAccuracy() {
        // NumAcc4-like: a textbook sum-of-squares variance loses every digit here.
        double[] v = new double[1001];
        v[0] = 1000000000.2;
        for (int i = 1; i < v.length; i++) {
            v[i] = (i % 2 == 1) ? 1000000000.1 : 1000000000.3;
        }
        AnomalyModel m = ZScoreDetector.builder().build().fit(column(v));
        CenterScaleState s = (CenterScaleState) m.state();
        assertThat(s.center()[0]).isCloseTo(1000000000.2, within(1e-6));
        assertThat(s.scale()[0]).isCloseTo(0.1, within(1e-7));
    }

    @Test
    void extremeTrainingValuesDoNotOverflow() {
        AnomalyModel z = ZScoreDetector.builder().build().fit(column(1e308, -1e308, 1e308, -1e308));
        AnomalyModel mad = MadDetector.builder().build().fit(column(1e308, -1e308, 1e308, -1e308, 0));
        for (AnomalyModel m : List.of(z, mad)) {
            assertThat(m.score(new double[] {0})).isFinite();
            assertThat(m.score(new double[] {Double.MAX_VALUE})).isFinite();
        }
        assertThat(((CenterScaleState) z.state()).scale()[0]).isFinite().isPositive();
    }

    @Test
    void scoreIsTheLargestFeatureDeviationAndAttributionNamesIt() {
        double[][] rows = {{0, 100}, {2, 100}, {0, 102}, {2, 102}};
        AnomalyModel m = ZScoreDetector.builder().build().fit(Frame.ofRows(rows));
        double[] x = {1, 110};
        double[] attribution = new double[2];
        m.attribute(x, attribution);
        assertThat(attribution[0]).isZero();
        assertThat(m.score(x)).isEqualTo(attribution[1]).isGreaterThan(5);
    }

    @Test
    void badInputNamesTheColumnAndRow() {
        AnomalyModel m = ZScoreDetector.builder().build().fit(column(1, 2, 3));
        assertThatThrownBy(() -> m.score(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 0");
        assertThatThrownBy(() -> m.scoreBatch(new double[][] {{1}, {Double.POSITIVE_INFINITY}}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1")
                .hasMessageContaining("column 0");
        assertThatThrownBy(() -> m.score(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects 1");
        assertThatThrownBy(() -> ZScoreDetector.builder().build().fit(column(1, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1")
                .hasMessageContaining("'v'");
    }

    @Test
    void builderSettersValidateAtOnce() {
        assertThatThrownBy(() -> ZScoreDetector.builder().window(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> MadDetector.builder().window(10).warmUp(11).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmUp");
        assertThatThrownBy(() -> MadDetector.builder().window(10).window(20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set to 10");
        // a small window without an explicit warm-up gets a warm-up that fits it
        assertThat(ZScoreDetector.builder().window(5).build().warmUp()).isEqualTo(5);
    }

    @Test
    void streamingScoresAreZeroUntilWarmThenMeasureAgainstThePreviousWindow() {
        StreamingDetector s = ZScoreDetector.builder().window(4).warmUp(3).build().newStreamingDetector(1);
        assertThat(s.update(1, new double[] {1})).isZero();
        assertThat(s.update(2, new double[] {2})).isZero();
        assertThat(s.isWarm()).isFalse();
        assertThat(s.update(3, new double[] {3})).isZero();
        assertThat(s.isWarm()).isTrue();
        // window {1,2,3}: mean 2, sd 1
        assertThat(s.update(4, new double[] {5})).isCloseTo(3.0, within(1e-15));
        // window {1,2,3,5} full; next reading evicts 1 after scoring
        assertThat(s.update(5, new double[] {2.75})).isCloseTo(0.0, within(1e-15));
        assertThat(s.lastTimestamp()).isEqualTo(5);
    }

    @Test
    void streamingRefusesBadReadingsAndKeepsItsState() {
        StreamingDetector s = MadDetector.builder().window(5).warmUp(2).build().newStreamingDetector(2);
        s.update(10, new double[] {1, 1});
        s.update(20, new double[] {2, 2});
        Record before = s.snapshot();
        assertThatThrownBy(() -> s.update(20, new double[] {3, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> s.update(15, new double[] {3, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("earlier");
        assertThatThrownBy(() -> s.update(30, new double[] {3, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1");
        assertThat(s.snapshot()).isEqualTo(before);
    }

    @Test
    void restoreRefusesSnapshotsOfAnotherShape() {
        StreamingDetector a = ZScoreDetector.builder().window(5).warmUp(2).build().newStreamingDetector(1);
        StreamingDetector b = ZScoreDetector.builder().window(6).warmUp(2).build().newStreamingDetector(1);
        StreamingDetector mad = MadDetector.builder().window(5).warmUp(2).build().newStreamingDetector(1);
        assertThatThrownBy(() -> b.restore(a.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window 5");
        assertThatThrownBy(() -> mad.restore(a.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zscore");
        assertThatThrownBy(() -> a.restore(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
