package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code standard-scaler} feature transform: standard scaling fitted on training data. */
@AutoService(FeatureTransformProvider.class)
public final class StandardScalerProvider extends CatalogProvider<ScalerState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public StandardScalerProvider() {
        super("standard-scaler", ScalerState.class);
    }
}
