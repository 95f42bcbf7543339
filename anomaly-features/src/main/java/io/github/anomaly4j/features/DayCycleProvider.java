package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code day-cycle} feature transform: sine and cosine of the time of day. */
@AutoService(FeatureTransformProvider.class)
public final class DayCycleProvider extends CatalogProvider<CalendarState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public DayCycleProvider() {
        super("day-cycle", CalendarState.class);
    }
}
