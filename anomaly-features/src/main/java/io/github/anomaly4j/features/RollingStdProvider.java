package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-std} feature transform: sample standard deviation over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingStdProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingStdProvider() {
        super("rolling-std", WindowState.class);
    }
}
