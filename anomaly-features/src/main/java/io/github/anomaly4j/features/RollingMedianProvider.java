package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-median} feature transform: median over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingMedianProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingMedianProvider() {
        super("rolling-median", WindowState.class);
    }
}
