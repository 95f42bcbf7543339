package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code ew-variance} feature transform: exponentially weighted variance. */
@AutoService(FeatureTransformProvider.class)
public final class EwVarianceProvider extends CatalogProvider<EwmaState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public EwVarianceProvider() {
        super("ew-variance", EwmaState.class);
    }
}
