package io.github.anomaly4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.detect.AnomalyModel;

/**
 * Scoring a set of points and comparing scores bit for bit. "The same score" in the kit always means the same
 * IEEE 754 bits ({@link Double#doubleToRawLongBits}), so that {@code 0.0} and {@code -0.0}, or two values one
 * ulp apart, count as different.
 */
final class Scores {
    private Scores() {
    }

    /**
     * @param model a fitted model
     * @param xs points of the model's dimension
     * @return {@code model.score(xs[i])} for every i
     */
    static double[] oneByOne(AnomalyModel model, double[][] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = model.score(xs[i]);
        }
        return out;
    }

    /**
     * @param model a fitted model
     * @param xs points of the model's dimension
     * @return the scores from one {@link AnomalyModel#scoreBatch} call
     */
    static double[] batch(AnomalyModel model, double[][] xs) {
        double[] out = new double[xs.length];
        model.scoreBatch(xs, out);
        return out;
    }

    /**
     * @param xs rows
     * @return a copy of the rows and of every row
     */
    static double[][] deepCopy(double[][] xs) {
        double[][] copy = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            copy[i] = xs[i].clone();
        }
        return copy;
    }

    /**
     * Fails, naming the first differing index and both values with their bits, unless the arrays hold the same
     * bits.
     *
     * @param what what the values are, for the failure message
     * @param expected the reference values
     * @param actual the values to check
     */
    static void assertBitIdentical(String what, double[] expected, double[] actual) {
        assertThat(actual).as("%s: number of values", what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            long want = Double.doubleToRawLongBits(expected[i]);
            long got = Double.doubleToRawLongBits(actual[i]);
            if (want != got) {
                assertThat(got).as("%s: value %d is %s (bits %016x), expected %s (bits %016x) bit for bit", what, i,
                        actual[i], got, expected[i], want).isEqualTo(want);
            }
        }
    }
}
