package io.github.anomaly4j.features;

/** What a {@link FeaturePipeline} does with a NaN (missing) input value. */
public enum NanPolicy {
    /**
     * Drop the whole reading: no transform sees it, the output is all NaN and
     * {@link FeaturePipeline.Status#SKIPPED} is returned. It still counts for time: the next reading must be later
     * than it, and a gap before it is handled by the pipeline's {@link GapPolicy} like any other.
     */
    SKIP,
    /**
     * Replace the NaN by the column's last finite value. Before the column has had one, the value stays missing,
     * as with {@link #EMIT_NAN}.
     */
    CARRY_FORWARD,
    /**
     * Pass the NaN on: transforms reading that column keep their state and output NaN, and the mask marks those
     * features. Other columns' features are computed as usual.
     */
    EMIT_NAN
}
