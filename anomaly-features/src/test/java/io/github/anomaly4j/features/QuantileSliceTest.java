package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rolling quantile keeps only a sorted slice of the window around the ranks it reads and refills it from the
 * ring when the window drifts. These series make it drift every way (steady trends up and down, a sawtooth, a
 * random walk, noise with ties and constant runs, windows of 1 to 200, quantiles at the ends and in between) and
 * check every output against sorting the window, bit for bit, and a restore in the middle of each series.
 */
class QuantileSliceTest {
    private static final int LENGTH = 2_000;

    @Test
    void everyOutputEqualsSortingTheWindow() {
        SplittableRandom rnd = new SplittableRandom(20261202L);
        int[] windows = {1, 2, 3, 5, 17, 60, 61, 200};
        double[] quantiles = {0.0, 0.01, 0.25, 0.5, 0.9, 0.99, 1.0, rnd.nextDouble()};
        int checked = 0;
        for (String kind : new String[] {"up", "down", "sawtooth", "walk", "ties", "runs", "noise"}) {
            double[] x = series(kind, new SplittableRandom(rnd.nextLong()));
            for (int w : windows) {
                for (double q : quantiles) {
                    checked += check(x, w, q, kind);
                }
            }
        }
        assertThat(checked).isGreaterThan(500_000);
    }

    private static int check(double[] x, int w, double q, String kind) {
        FeatureStream s = Features.rollingQuantile(w, q).open(1);
        FeatureStream restored = null;
        double[] in = new double[1];
        double[] out = new double[1];
        double[] out2 = new double[1];
        int checked = 0;
        for (int i = 0; i < x.length; i++) {
            in[0] = x[i];
            s.apply(i, in, out);
            if (i == x.length / 2) {
                restored = Features.rollingQuantile(w, q).open(1);
                restored.restore(s.snapshot());
            } else if (restored != null) {
                restored.apply(i, in, out2);
                assertThat(Double.doubleToRawLongBits(out2[0])).as("%s w=%d q=%s restored at %d", kind, w, q, i)
                        .isEqualTo(Double.doubleToRawLongBits(out[0]));
            }
            if (i + 1 < w) {
                assertThat(out[0]).isNaN();
                continue;
            }
            double expected = StreamingProperties.sortedQuantile(Arrays.copyOfRange(x, i + 1 - w, i + 1), q);
            assertThat(Double.doubleToRawLongBits(out[0])).as("%s w=%d q=%s at %d", kind, w, q, i)
                    .isEqualTo(Double.doubleToRawLongBits(expected + 0.0));
            checked++;
        }
        return checked;
    }

    private static double[] series(String kind, SplittableRandom rnd) {
        double[] x = new double[LENGTH];
        double walk = 0.0;
        for (int i = 0; i < LENGTH; i++) {
            walk += rnd.nextGaussian();
            switch (kind) {
                case "up" -> x[i] = i * 0.5 + 0.1 * rnd.nextGaussian();
                case "down" -> x[i] = -i * 1e-3 + 1e-4 * rnd.nextGaussian();
                case "sawtooth" -> x[i] = i % 150;
                case "walk" -> x[i] = walk;
                case "ties" -> x[i] = Math.rint(rnd.nextGaussian() * 2) + (i % 500 < 250 ? 0 : 3);
                case "runs" -> x[i] = i > 0 && rnd.nextInt(10) < 8 ? x[i - 1] : (rnd.nextBoolean() ? -0.0 : 0.0)
                        + Math.rint(rnd.nextGaussian());
                default -> x[i] = 1e9 + rnd.nextGaussian();
            }
        }
        return x;
    }
}
