package io.github.anomaly4j.api.data;

/** What {@link TimeSeries.Builder} does with two readings that carry the same timestamp. */
public enum DuplicatePolicy {
    /** Refuse the series with an {@link IllegalArgumentException} naming the timestamp (the default). */
    REJECT,
    /** Keep the reading that was added first; later ones with the same timestamp are dropped and counted. */
    KEEP_FIRST,
    /** Keep the reading that was added last; earlier ones with the same timestamp are dropped and counted. */
    KEEP_LAST
}
