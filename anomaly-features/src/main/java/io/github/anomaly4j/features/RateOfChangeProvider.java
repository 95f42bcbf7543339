package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code rate-of-change} feature transform: change per second over a number of readings. */
@AutoService(FeatureTransformProvider.class)
public final class RateOfChangeProvider extends CatalogProvider<LagState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public RateOfChangeProvider() {
        super("rate-of-change", LagState.class);
    }
}
