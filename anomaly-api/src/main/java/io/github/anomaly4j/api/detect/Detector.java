package io.github.anomaly4j.api.detect;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.spi.Spec;

/**
 * An unfitted anomaly detector: its settings, and the ability to learn a model from data.
 *
 * <p>A detector is an immutable configuration. {@link #fit(Frame)} learns an immutable, thread-safe
 * {@link AnomalyModel}; fitting twice on the same data (and seed) gives models that score bit-identically.
 * Detectors that can also learn on the fly offer {@link #newStreamingDetector(int)}.
 */
public interface Detector {

    /** @return the plugin id, e.g. {@code "zscore"} */
    String id();

    /** @return the full settings of this detector, defaults included; {@code Anomaly.detector(spec())} rebuilds it */
    Spec spec();

    /**
     * Learns a model from training rows.
     *
     * @param training at least one row; every value finite
     * @return the fitted model
     * @throws IllegalArgumentException naming row and column when the data are empty or hold NaN or an infinity
     */
    AnomalyModel fit(Frame training);

    /**
     * Learns a model from the value columns of a series (timestamps are not features).
     *
     * @param training the series
     * @return the fitted model
     */
    default AnomalyModel fit(TimeSeries training) {
        return fit(training.toFrame());
    }

    /** @return whether {@link #newStreamingDetector(int)} is supported */
    default boolean supportsStreaming() {
        return false;
    }

    /**
     * A new streaming detector with this detector's settings, learning from the readings it is given.
     *
     * @param dimension the number of values per reading
     * @return a fresh, single-writer streaming detector
     * @throws UnsupportedOperationException when {@link #supportsStreaming()} is false
     */
    default StreamingDetector newStreamingDetector(int dimension) {
        throw new UnsupportedOperationException("detector '" + id() + "' has no streaming mode");
    }
}
