package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/**
 * Registers the {@code robust-scaler} feature transform: robust scaling (median, interquartile range) fitted on
 * training data.
 */
@AutoService(FeatureTransformProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic FeatureTransformProvider<S> exactly
public final class RobustScalerProvider extends CatalogProvider<ScalerState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RobustScalerProvider() {
        super("robust-scaler", ScalerState.class);
    }
}
