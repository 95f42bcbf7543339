package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code day-of-week} feature transform: ISO day of the week in a time zone. */
@AutoService(FeatureTransformProvider.class)
public final class DayOfWeekProvider extends CatalogProvider<CalendarState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public DayOfWeekProvider() {
        super("day-of-week", CalendarState.class);
    }
}
