package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code lag} feature transform: the value a number of readings back. */
@AutoService(FeatureTransformProvider.class)
public final class LagProvider extends CatalogProvider<LagState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public LagProvider() {
        super("lag", LagState.class);
    }
}
