package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.FeatureTransformProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/**
 * What every provider of this module shares: it looks its transform up in {@link Catalog}.
 *
 * @param <S> the state record type
 */
abstract class CatalogProvider<S extends Record> implements FeatureTransformProvider<S> {
    private final String id;
    private final Class<S> stateType;

    CatalogProvider(String id, Class<S> stateType) {
        this.id = id;
        this.stateType = stateType;
        if (Catalog.stateType(id) != stateType) {
            throw new IllegalStateException("provider of '" + id + "' declares the wrong state type");
        }
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return Catalog.description(id);
    }

    @Override
    public final List<Parameter<?>> parameters() {
        return Catalog.parameters(id);
    }

    @Override
    public final FeatureTransform create(Settings settings) {
        return Catalog.restore(id, Catalog.state(id, settings));
    }

    @Override
    public final Class<S> stateType() {
        return stateType;
    }

    @Override
    public final FeatureTransform restore(S state) {
        return Catalog.restore(id, state);
    }
}
