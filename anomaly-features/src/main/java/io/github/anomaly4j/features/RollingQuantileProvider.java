package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-quantile} feature transform: a quantile over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingQuantileProvider extends CatalogProvider<QuantileState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingQuantileProvider() {
        super("rolling-quantile", QuantileState.class);
    }
}
