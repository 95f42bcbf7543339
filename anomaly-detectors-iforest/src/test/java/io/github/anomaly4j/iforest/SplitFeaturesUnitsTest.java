package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a change of units does to each split rule: the uniform rule (the default) ignores the units of every feature;
 * the range-weighted rule compares ranges across features, so only a map common to all of them keeps its ranking.
 */
class SplitFeaturesUnitsTest {

    private static double[][] data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
            if (random.nextDouble() < 0.02) {
                row[random.nextInt(3)] += 8.0;
            }
        }
        return x;
    }

    /** Feature {@code j} of every row mapped to {@code a x + b}. */
    private static double[][] map(double[][] x, int j, double a, double b) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            y[i][j] = a * y[i][j] + b;
        }
        return y;
    }

    private static int[] ranks(String rule, double[][] training, double[][] probes) {
        AnomalyModel model = IsolationForest.builder().seed(6).splitFeatures(rule).build()
                .fit(Frame.ofRows(training));
        double[] s = new double[probes.length];
        for (int i = 0; i < probes.length; i++) {
            s[i] = model.score(probes[i]);
        }
        return IsolationForestTest.ranks(s);
    }

    @Test
    void uniformIgnoresOneFeaturesUnitsRangeOnlyAMapCommonToAllFeatures() {
        double[][] x = data(3_000, 1);
        double[][] probes = data(1_000, 2);
        int[] uniform = ranks(IsolationForest.UNIFORM, x, probes);
        assertThat(ranks(IsolationForest.UNIFORM, map(x, 0, 0.001, 1000.0), map(probes, 0, 0.001, 1000.0)))
                .as("uniform rule, feature 0 in other units").isEqualTo(uniform);
        int[] range = ranks(IsolationForest.RANGE, x, probes);
        double[][] all = map(map(map(x, 0, 4.0, 0.0), 1, 4.0, 0.0), 2, 4.0, 0.0);
        double[][] allProbes = map(map(map(probes, 0, 4.0, 0.0), 1, 4.0, 0.0), 2, 4.0, 0.0);
        assertThat(ranks(IsolationForest.RANGE, all, allProbes)).as("range rule, every feature x 4")
                .isEqualTo(range);
        assertThat(ranks(IsolationForest.RANGE, map(x, 0, 1000.0, 0.0), map(probes, 0, 1000.0, 0.0)))
                .as("range rule, feature 0 x 1000: it is cut far more often").isNotEqualTo(range);
    }
}
