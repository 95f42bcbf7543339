package io.github.anomaly4j.api.data;

/** What {@link TimeSeries.Builder} does with a reading whose timestamp is earlier than the one before it. */
public enum OrderPolicy {
    /** Refuse the series with an {@link IllegalArgumentException} naming both timestamps (the default). */
    REJECT,
    /**
     * Sort readings by timestamp. The sort is stable, so among equal timestamps the order of arrival decides
     * which one {@link DuplicatePolicy#KEEP_FIRST} or {@link DuplicatePolicy#KEEP_LAST} keeps.
     */
    SORT
}
