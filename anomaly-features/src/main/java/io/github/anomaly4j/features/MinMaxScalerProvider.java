package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code min-max-scaler} feature transform: min-max scaling fitted on training data. */
@AutoService(FeatureTransformProvider.class)
public final class MinMaxScalerProvider extends CatalogProvider<ScalerState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public MinMaxScalerProvider() {
        super("min-max-scaler", ScalerState.class);
    }
}
