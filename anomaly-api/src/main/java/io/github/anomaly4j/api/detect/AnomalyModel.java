package io.github.anomaly4j.api.detect;

import io.github.anomaly4j.api.data.FeatureVectors;

/**
 * A fitted anomaly model: immutable, safe to share between threads, and free of per-call allocation.
 *
 * <p>Scores are finite; higher means more anomalous. Their scale is the detector's own (a z-score, a path-length
 * score, ...); calibration maps it to a common scale. Input must have {@link #dimension()} finite values;
 * anything else is an {@link IllegalArgumentException} that names the column (and row, for batches).
 */
public interface AnomalyModel {

    /** @return the plugin id of the detector that made this model; the model file's {@code type} */
    String type();

    /** @return the number of values a feature vector must have */
    int dimension();

    /**
     * Scores one feature vector. Does not modify {@code x}.
     *
     * @param x {@link #dimension()} finite values
     * @return the anomaly score, finite
     */
    double score(double[] x);

    /**
     * Scores many vectors into {@code out}. Gives exactly the same values as calling {@link #score(double[])}
     * on each row; implementations may reorder work for speed but not change results.
     *
     * @param xs rows of {@link #dimension()} finite values
     * @param out receives one score per row; at least {@code xs.length} long
     */
    default void scoreBatch(double[][] xs, double[] out) {
        checkBatch(xs, out);
        for (int i = 0; i < xs.length; i++) {
            double[] x = xs[i];
            FeatureVectors.requireFinite(x, dimension(), i);
            out[i] = score(x);
        }
    }

    /**
     * The model's state, as the plugin's state record. The model codec writes it; the provider's
     * {@code restore} reads it back into a model that scores bit-identically.
     *
     * @return the state record
     */
    Record state();

    /** @return whether {@link #attribute(double[], double[])} is supported */
    default boolean supportsAttribution() {
        return false;
    }

    /**
     * Per-feature contributions to the score of {@code x}: larger means the feature did more to make the point
     * anomalous. The detector documents its method.
     *
     * @param x {@link #dimension()} finite values
     * @param out receives {@link #dimension()} contributions
     * @throws UnsupportedOperationException when {@link #supportsAttribution()} is false
     */
    default void attribute(double[] x, double[] out) {
        throw new UnsupportedOperationException("model '" + type() + "' has no attribution");
    }

    /**
     * Checks the shape of a batch call.
     *
     * @param xs the rows
     * @param out the output array
     */
    static void checkBatch(double[][] xs, double[] out) {
        if (xs == null || out == null) {
            throw new IllegalArgumentException("xs and out must not be null");
        }
        if (out.length < xs.length) {
            throw new IllegalArgumentException("out has " + out.length + " slots for " + xs.length + " rows");
        }
    }
}
