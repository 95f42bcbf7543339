package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-zscore} feature transform: z-score against a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingZScoreProvider extends CatalogProvider<WindowState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingZScoreProvider() {
        super("rolling-zscore", WindowState.class);
    }
}
