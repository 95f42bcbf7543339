package io.github.anomaly4j.features;

/** What a {@link FeaturePipeline} does when the time between two readings exceeds its maximum gap. */
public enum GapPolicy {
    /** Start every transform afresh (windows empty, warm-up again): values across the gap are not mixed. */
    RESET,
    /** Refuse the reading with an {@link IllegalArgumentException}; the state is unchanged. */
    FAIL
}
