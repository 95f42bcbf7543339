package io.github.anomaly4j.api.store;


/**
 * One stored reading of one series (a sensor, a metric). The pair {@code (seriesId, timestamp)} is its identity:
 * writing it twice stores it once.
 *
 * @param seriesId non-blank series id
 * @param timestamp epoch milliseconds
 * @param value the value; NaN records a missing reading
 */
public record Reading(String seriesId, long timestamp, double value) {

    /**
     * Validates.
     *
     * @param seriesId the series id, non-blank and at most 256 characters
     * @param timestamp epoch milliseconds
     * @param value the value, finite or NaN for a missing reading
     * @throws IllegalArgumentException if {@code seriesId} is blank, {@code null} or too long, or {@code value} is
     *     infinite
     */
    public Reading {
        StoreNames.requireSeriesId(seriesId);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("reading of '" + seriesId + "' at " + timestamp + " is " + value
                    + "; values must be finite or NaN (missing)");
        }
    }

    /** @return a short form for logs */
    @Override
    public String toString() {
        return seriesId + "@" + timestamp + "=" + value;
    }

}
