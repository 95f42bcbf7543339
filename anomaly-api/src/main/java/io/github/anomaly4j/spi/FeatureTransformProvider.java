package io.github.anomaly4j.spi;

import io.github.anomaly4j.api.feature.FeatureTransform;

/**
 * Provides a feature transform plugin.
 *
 * @param <S> the record type of {@link FeatureTransform#state()}
 */
public interface FeatureTransformProvider<S extends Record> extends PluginProvider {

    /**
     * @param settings validated settings
     * @return a transform with those settings
     */
    FeatureTransform create(Settings settings);

    /** @return the record type of {@link FeatureTransform#state()} */
    Class<S> stateType();

    /** @return the version of the state record's layout, at least 1 */
    default int stateVersion() {
        return 1;
    }

    /**
     * @param state the state record
     * @return the (fitted) transform it describes
     */
    FeatureTransform restore(S state);
}
