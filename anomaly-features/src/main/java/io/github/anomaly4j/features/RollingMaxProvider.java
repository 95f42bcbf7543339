package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-max} feature transform: maximum over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingMaxProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingMaxProvider() {
        super("rolling-max", WindowState.class);
    }
}
