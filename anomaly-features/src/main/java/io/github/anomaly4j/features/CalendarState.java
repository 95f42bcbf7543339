package io.github.anomaly4j.features;

/**
 * Saved settings of a calendar feature.
 *
 * @param zone the time zone id ({@link java.time.ZoneId#of(String)}), e.g. {@code "UTC"} or {@code "Europe/Paris"}
 */
public record CalendarState(String zone) {
    /**
     * Checks the zone.
     *
     * @param zone the time zone id ({@link java.time.ZoneId#of(String)}), e.g. {@code "UTC"} or {@code "Europe/Paris"}
     */
    public CalendarState {
        Checks.zone(zone);
    }
}
