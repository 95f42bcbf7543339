package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rolling-autocorrelation} feature transform: autocorrelation at a lag over a rolling window. */
@AutoService(FeatureTransformProvider.class)
public final class RollingAutocorrelationProvider extends CatalogProvider<AutocorrelationState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RollingAutocorrelationProvider() {
        super("rolling-autocorrelation", AutocorrelationState.class);
    }
}
