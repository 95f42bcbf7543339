package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.StreamingDetector;

/**
 * What the built-in streaming detectors' bases ({@link ChartStream}, {@link RollingDetector}) share: the type,
 * dimension and warm-up, the count of readings and the last timestamp, and the accessors over them (final, so
 * calls to them in {@code update} stay direct).
 */
abstract class StreamBase implements StreamingDetector {
    final String type;
    final int dimension;
    final int warmUp;
    long seen;
    long lastTimestamp = Long.MIN_VALUE;

    StreamBase(String type, int dimension, int warmUp) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        this.type = type;
        this.dimension = dimension;
        this.warmUp = warmUp;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final int warmUp() {
        return warmUp;
    }

    @Override
    public final boolean isWarm() {
        return seen >= warmUp;
    }

    @Override
    public final long lastTimestamp() {
        return seen == 0 ? Long.MIN_VALUE : lastTimestamp;
    }
}
