package io.github.anomaly4j.features;

import java.util.List;
import java.util.Objects;

/**
 * The complete running state of a transform's stream, from
 * {@link io.github.anomaly4j.api.feature.FeatureStream#snapshot()}.
 * Restoring it into a fresh stream of the same transform continues bit for bit where the snapshot was taken.
 *
 * @param transform the transform id and settings, e.g. {@code rolling-mean{window=60}}
 * @param inputWidth the number of input columns
 * @param columns one state per input column (one in total for calendar features, which read only the time)
 */
public record TransformSnapshot(String transform, int inputWidth, List<ColumnSnapshot> columns) {
    /**
     * Checks and copies.
     *
     * @param transform the transform id and settings, e.g. {@code rolling-mean{window=60}}
     * @param inputWidth the number of input columns
     * @param columns one state per input column (one in total for calendar features, which read only the time)
     */
    public TransformSnapshot {
        Objects.requireNonNull(transform, "transform");
        columns = List.copyOf(columns);
        if (inputWidth < 1) {
            throw new IllegalArgumentException("inputWidth must be at least 1, got " + inputWidth);
        }
    }
}
