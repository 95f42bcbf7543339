package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.tck.AllocationCounter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scoring allocates nothing per point, counted by the JVM for this thread ({@link AllocationCounter}: the least
 * over rounds, so the code at its best, as a warmed-up service runs it): {@code score}, {@code scoreBatch} (after
 * its first call sizes the thread's buffers) and the streaming forest's {@code update} in both scoring modes,
 * tree replacements included. Run alone in a fresh JVM its first rounds are interpreted, which also count zero.
 */
class ScoringAllocationTest {
    private static final int POINTS = 2_000;
    /** At most this many rounds of the same work; the least count is kept ({@link AllocationCounter#leastOf}). */
    private static final int ROUNDS = 10;

    private static double[][] gaussian(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void scoringAFittedModelAllocatesNothing() {
        AllocationCounter bytes = new AllocationCounter();
        double[][] x = gaussian(POINTS, 5, 1);
        for (int level : new int[] {0, 4}) {
            AnomalyModel model = IsolationForest.builder().seed(2).extensionLevel(level).build().fit(Frame.ofRows(x));
            double[] out = new double[POINTS];
            double[] sink = new double[1];
            assertThat(bytes.leastOf(ROUNDS, () -> {
                for (double[] row : x) {
                    sink[0] += model.score(row);
                }
            })).as("score, extension level %d", level).isZero();
            assertThat(bytes.leastOf(ROUNDS, () -> model.scoreBatch(x, out)))
                    .as("scoreBatch, extension level %d", level).isZero();
            assertThat(sink[0]).isPositive();
        }
    }

    @Test
    void streamingUpdatesAllocateNothing() {
        AllocationCounter bytes = new AllocationCounter();
        double[][] x = gaussian(ROUNDS * POINTS, 4, 3);
        for (String scoring : new String[] {IsolationForest.DEPTH, IsolationForest.INSERTION}) {
            StreamingDetector stream = IsolationForest.builder().seed(4).trees(20).sampleSize(64).window(256)
                    .updateEvery(5).streamScoring(scoring).build().newStreamingDetector(4);
            long[] time = {0L};
            int[] next = {0};
            double[] sink = new double[1];
            // the first round fills the window and grows the first trees; later ones replace one every 5 readings
            assertThat(bytes.leastOf(ROUNDS, () -> {
                for (int i = 0; i < POINTS; i++) {
                    sink[0] += stream.update(time[0] += 1_000L, x[next[0]++]);
                }
            })).as("%d updates, %s scoring", POINTS, scoring).isZero();
            assertThat(sink[0]).isPositive();
        }
    }
}
