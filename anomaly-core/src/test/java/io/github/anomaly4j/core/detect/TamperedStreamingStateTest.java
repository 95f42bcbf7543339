package io.github.anomaly4j.core.detect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.detect.StreamingDetector;
import org.junit.jupiter.api.Test;

/** A streaming snapshot that no detector could have produced is refused when it is built, not readings later. */
class TamperedStreamingStateTest {

    private static RollingState iqrSnapshotAfterThreeReadings() {
        StreamingDetector d = IqrDetector.builder().window(10).warmUp(2).build().newStreamingDetector(1);
        for (int i = 0; i < 3; i++) {
            d.update(i, new double[] {i});
        }
        return (RollingState) d.snapshot();
    }

    @Test
    void rollingStateRefusesARingPositionThatDisagreesWithTheReadingsSeen() {
        RollingState s = iqrSnapshotAfterThreeReadings();
        // before the fix this was accepted and the restored IQR stream failed 8 readings later with
        // "window value 0.0 missing from the sorted index"
        assertThatThrownBy(() -> new RollingState(s.type(), 1, 10, 2, 3, s.lastTimestamp(), 7, s.buffer(),
                s.shift(), s.mean(), s.m2(), s.sd(), s.sinceRecompute()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
    }

    @Test
    void rollingStateRefusesNonFiniteWindowValues() {
        RollingState s = iqrSnapshotAfterThreeReadings();
        double[] buffer = s.buffer();
        buffer[1] = Double.NaN; // before the fix: accepted, and the next score was Double.MAX_VALUE
        assertThatThrownBy(() -> new RollingState(s.type(), 1, 10, 2, 3, s.lastTimestamp(), 3, buffer, s.shift(),
                s.mean(), s.m2(), s.sd(), s.sinceRecompute()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void chartStateRefusesNonFiniteChartStatistics() {
        StreamingDetector cusum = CusumDetector.builder().build().newStreamingDetector(1);
        for (int i = 0; i < 30; i++) {
            cusum.update(i, new double[] {i % 3});
        }
        ChartState s = (ChartState) cusum.snapshot();
        // before the fix: accepted, and since max(0, NaN) is NaN the restored CUSUM scored Double.MAX_VALUE for
        // every reading from then on, the alarm restart never clearing it
        assertThatThrownBy(() -> new ChartState(s.type(), 1, s.settings(), s.baseline(), s.warmUp(), s.seen(),
                s.lastTimestamp(), s.mean(), s.variance(), new double[] {Double.NaN}, s.second()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ChartState(s.type(), 1, s.settings(), s.baseline(), s.warmUp(), s.seen(),
                s.lastTimestamp(), s.mean(), s.variance(), s.first(), new double[] {-1.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new ChartState(s.type(), 1, null, s.baseline(), s.warmUp(), s.seen(),
                s.lastTimestamp(), s.mean(), s.variance(), s.first(), s.second()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("settings");
    }

    @Test
    void windowedGaussianStateRefusesNonFiniteStatisticsAndAnInconsistentWindow() {
        StreamingDetector g = WindowedGaussianDetector.builder().window(10).step(3).build().newStreamingDetector(1);
        for (int i = 0; i < 15; i++) { // window full after 10, then 5 more: one slide of 3, 2 pending
            g.update(i, new double[] {i % 4});
        }
        WindowedGaussianState s = (WindowedGaussianState) g.snapshot();
        // before the fix a NaN mean was accepted and the feature silently never scored again (NaN > 0 is false)
        assertThatThrownBy(() -> new WindowedGaussianState(1, 10, 3, 1, s.seen(), s.lastTimestamp(), s.position(),
                s.pending(), s.slides(), s.ring(), s.stepBuffer(), new double[] {Double.NaN}, s.m2(), s.sd()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean");
        double[] ring = s.ring();
        ring[4] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new WindowedGaussianState(1, 10, 3, 1, s.seen(), s.lastTimestamp(), s.position(),
                s.pending(), s.slides(), ring, s.stepBuffer(), s.mean(), s.m2(), s.sd()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        // 15 readings of a window of 10 sliding by 3: position 3 and 2 pending, nothing else
        assertThatThrownBy(() -> new WindowedGaussianState(1, 10, 3, 1, s.seen(), s.lastTimestamp(), 0,
                s.pending(), s.slides(), s.ring(), s.stepBuffer(), s.mean(), s.m2(), s.sd()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> new WindowedGaussianState(1, 10, 3, 1, s.seen(), s.lastTimestamp(), s.position(),
                0, s.slides(), s.ring(), s.stepBuffer(), s.mean(), s.m2(), s.sd()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending");
    }
}
