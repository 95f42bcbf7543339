package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-min} feature transform: minimum over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingMinProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingMinProvider() {
        super("rolling-min", WindowState.class);
    }
}
