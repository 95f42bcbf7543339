package io.github.anomaly4j.features;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.spi.FeatureTransformProvider;

/** Registers the {@code hour-of-day} feature transform: hour of the day in a time zone. */
@AutoService(FeatureTransformProvider.class)
public final class HourOfDayProvider extends CatalogProvider<CalendarState> {
    /** Used by {@link java.util.ServiceLoader}. */
    public HourOfDayProvider() {
        super("hour-of-day", CalendarState.class);
    }
}
