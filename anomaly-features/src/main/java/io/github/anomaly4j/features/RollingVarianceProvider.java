package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-variance} feature transform: sample variance over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingVarianceProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingVarianceProvider() {
        super("rolling-variance", WindowState.class);
    }
}
