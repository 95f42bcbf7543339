package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code ewma} feature transform: exponentially weighted moving average. */
@AutoService(FeatureTransformProvider.class)
public final class EwmaProvider extends CatalogProvider<EwmaState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public EwmaProvider() {
        super("ewma", EwmaState.class);
    }
}
