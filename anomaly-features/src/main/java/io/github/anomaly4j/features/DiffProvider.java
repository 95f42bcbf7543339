package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code diff} feature transform: ordinary and seasonal differences of any order. */
@AutoService(FeatureTransformProvider.class)
public final class DiffProvider extends CatalogProvider<DiffState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public DiffProvider() {
        super("diff", DiffState.class);
    }
}
