package io.github.anomaly4j.spi;

import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;

/**
 * Provides a detector plugin.
 *
 * @param <S> the record type of its fitted model's state
 */
public interface DetectorProvider<S extends Record> extends PluginProvider {

    /**
     * @param settings validated settings
     * @return a detector with those settings
     */
    Detector create(Settings settings);

    /** @return the record type of {@link AnomalyModel#state()} for this plugin's models */
    Class<S> stateType();

    /**
     * The version of the state record's layout. Bump it when the record changes incompatibly; the codec refuses
     * files with a newer state version than the provider's.
     *
     * @return the state version, at least 1
     */
    default int stateVersion() {
        return 1;
    }

    /**
     * Rebuilds a model from its state. Must validate the state (shapes, ranges) and give a model that scores
     * bit-identically to the one that produced it.
     *
     * @param state the state record
     * @return the model
     * @throws IllegalArgumentException when the state is inconsistent
     */
    AnomalyModel restore(S state);
}
