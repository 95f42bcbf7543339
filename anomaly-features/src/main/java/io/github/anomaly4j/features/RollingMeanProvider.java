package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-mean} feature transform: mean over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingMeanProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingMeanProvider() {
        super("rolling-mean", WindowState.class);
    }
}
