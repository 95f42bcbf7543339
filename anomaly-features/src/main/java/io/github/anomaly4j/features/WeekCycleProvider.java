package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code week-cycle} feature transform: sine and cosine of the time of week. */
@AutoService(FeatureTransformProvider.class)
public final class WeekCycleProvider extends CatalogProvider<CalendarState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public WeekCycleProvider() {
        super("week-cycle", CalendarState.class);
    }
}
