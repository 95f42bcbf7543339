package io.github.anomaly4j.api.store;

import io.github.anomaly4j.api.data.TimeSeries;
import java.util.Collection;
import java.util.List;

/**
 * Stores readings per series. Writes are idempotent: a reading whose {@code (seriesId, timestamp)} is already
 * stored is counted as a duplicate and the stored value is kept. Implementations are thread-safe.
 */
public interface ReadingStore {

    /**
     * Stores readings, in any order.
     *
     * @param readings the readings; may repeat each other
     * @return how many were new and how many duplicates
     * @throws io.github.anomaly4j.api.StoreException when the store fails after its retries
     */
    IngestResult append(Collection<Reading> readings);

    /**
     * Readings of one series in a time range, oldest first, as a single-column series named {@code "value"}.
     *
     * @param seriesId the series
     * @param fromInclusive epoch milliseconds
     * @param toExclusive epoch milliseconds
     * @return the readings, possibly none
     */
    TimeSeries range(String seriesId, long fromInclusive, long toExclusive);

    /**
     * The latest readings of one series, oldest first.
     *
     * @param seriesId the series
     * @param count how many at most, at least 1
     * @return up to {@code count} readings
     */
    TimeSeries latest(String seriesId, int count);

    /** @return the ids of all series with at least one reading, sorted */
    List<String> seriesIds();
}
