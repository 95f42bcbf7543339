package io.github.anomaly4j.api.feature;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.spi.Spec;
import java.util.List;

/**
 * A feature transform: maps each reading of a series to feature values, with the same code in training and in
 * serving. The transform itself is immutable configuration (plus any parameters fitted on training data, such
 * as a scaler's mean); its per-stream state lives in a {@link FeatureStream} from {@link #open(int)}.
 *
 * <p>Training replays the whole series through a fresh stream; serving pushes one reading at a time through a
 * long-lived one. There is no separate batch implementation to drift apart.
 */
public interface FeatureTransform {

    /** @return the plugin id, e.g. {@code "rolling-mean"} */
    String id();

    /** @return the full settings, defaults included */
    Spec spec();

    /**
     * @param inputNames names of the input columns
     * @return names of the output features, stable across versions (used in attribution and docs)
     */
    List<String> outputNames(List<String> inputNames);

    /** @return how many readings a stream needs before its output is meaningful (0 for stateless transforms) */
    int warmUp();

    /**
     * Learns data-dependent parameters (a scaler's mean and scale, say) from training data.
     *
     * @param training the transform's input over the training period
     * @return a fitted transform; {@code this} when there is nothing to learn
     */
    default FeatureTransform fit(TimeSeries training) {
        return this;
    }

    /** @return the record the model codec saves: settings and any fitted parameters */
    Record state();

    /**
     * Opens a fresh stream.
     *
     * @param inputWidth the number of input values per reading
     * @return a new single-writer stream
     */
    FeatureStream open(int inputWidth);
}
