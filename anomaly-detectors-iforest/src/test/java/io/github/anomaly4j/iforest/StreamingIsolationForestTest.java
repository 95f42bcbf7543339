package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.detect.StreamingDetector;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingIsolationForestTest {

    private static StreamingDetector detector() {
        return IsolationForest.builder().trees(50).sampleSize(128).window(256).updateEvery(4).seed(3).build()
                .newStreamingDetector(2);
    }

    @Test
    void forgetsAnOldRegimeWithinWindowPlusOneForestRenewal() {
        StreamingDetector stream = detector();
        SplittableRandom random = new SplittableRandom(1);
        long t = 0;
        for (int i = 0; i < 2_000; i++) {
            stream.update(++t, new double[] {random.nextGaussian(), random.nextGaussian()});
        }
        double[] oldRegime = {0.0, 0.0};
        double[] newRegime = {20.0, -20.0};
        StreamingDetector probe = detector();
        probe.restore(stream.snapshot());
        double newBefore = probe.update(t + 1, newRegime);
        // 256 readings to fill the window with the new regime, then 50 trees x 4 readings to regrow every tree
        for (int i = 0; i < 256 + 50 * 4; i++) {
            stream.update(++t, new double[] {20.0 + random.nextGaussian(), -20.0 + random.nextGaussian()});
        }
        StreamingDetector after = detector();
        after.restore(stream.snapshot());
        double newAfter = after.update(t + 1, newRegime);
        after.restore(stream.snapshot());
        double oldAfter = after.update(t + 1, oldRegime);
        assertThat(newBefore).as("the new regime, before it arrived").isGreaterThan(0.7);
        assertThat(newAfter).as("the new regime, once learned").isLessThan(0.5);
        assertThat(oldAfter).as("the old regime, once forgotten").isGreaterThan(0.7);
    }

    @Test
    void attributionOfTheStreamPointsAtTheDisplacedFeature() {
        StreamingIsolationForest stream = (StreamingIsolationForest) detector();
        SplittableRandom random = new SplittableRandom(2);
        double[] out = new double[2];
        stream.attribute(new double[] {0.0, 9.0}, out);
        assertThat(out).as("before the warm-up").containsExactly(0.0, 0.0);
        for (int i = 1; i <= 1_000; i++) {
            stream.update(i, new double[] {random.nextGaussian(), random.nextGaussian()});
        }
        stream.attribute(new double[] {0.0, 9.0}, out);
        assertThat(out[1]).as("attribution %s", Arrays.toString(out)).isGreaterThan(2.0 * out[0]);
    }

    @Test
    void restoreRefusesASnapshotOfOtherSettings() {
        StreamingDetector a = detector();
        StreamingDetector b = IsolationForest.builder().trees(50).sampleSize(128).window(512).updateEvery(4).seed(3)
                .build().newStreamingDetector(2);
        assertThatThrownBy(() -> a.restore(b.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other settings");
    }

    @Test
    void snapshotRecordRefusesInconsistentState() {
        StreamingIsolationForestState s = (StreamingIsolationForestState) detector().snapshot();
        assertThatThrownBy(() -> new StreamingIsolationForestState(2, 50, 128, 3, 0, 256, 4, "depth", "uniform", 5,
                0L, new double[9], 0, 0, null, new double[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recent must hold 5");
        assertThatThrownBy(() -> new StreamingIsolationForestState(2, 50, 128, 3, 0, 256, 4, "depth", "uniform",
                200, 0L, new double[400], 0, 0, null, new double[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs its forest");
        assertThat(s.seen()).isZero();
    }
}
