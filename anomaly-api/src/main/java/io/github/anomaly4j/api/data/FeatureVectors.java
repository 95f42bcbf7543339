package io.github.anomaly4j.api.data;

/**
 * Checks for feature vectors at the edge of a model: the dimension a model was fitted with, and finiteness.
 * Plugins call these so that every detector rejects bad input with the same clear message.
 */
public final class FeatureVectors {
    private FeatureVectors() {
    }

    /**
     * Checks that {@code x} has {@code dimension} finite values.
     *
     * @param x the vector to check
     * @param dimension the dimension the model expects
     * @throws IllegalArgumentException naming the column when {@code x} is null, of the wrong length, or holds
     *     NaN or an infinity
     */
    public static void requireFinite(double[] x, int dimension) {
        requireFinite(x, dimension, -1);
    }

    /**
     * Checks row {@code row} of a batch; the message names the row as well as the column.
     *
     * @param x the vector to check
     * @param dimension the dimension the model expects
     * @param row the row index to name in messages, or -1 for a single vector
     * @throws IllegalArgumentException naming row and column when the vector is unusable
     */
    public static void requireFinite(double[] x, int dimension, int row) {
        // the hot path allocates nothing: messages are built only when a check fails
        if (x == null) {
            throw new IllegalArgumentException(where(row) + "feature vector is null");
        }
        if (x.length != dimension) {
            throw new IllegalArgumentException(where(row) + "feature vector has " + x.length
                    + " values, the model expects " + dimension);
        }
        for (int j = 0; j < x.length; j++) {
            double v = x[j];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where(row) + "column " + j + " is " + v
                        + "; values must be finite (drop or impute missing values before scoring)");
            }
        }
    }

    private static String where(int row) {
        return row < 0 ? "" : "row " + row + ": ";
    }
}
