package io.github.anomaly4j.api.detect;

/**
 * Where anomalous detections go: a log, a queue, a pager. Implementations must be thread-safe and must not throw
 * for delivery problems they can retry; throwing {@link io.github.anomaly4j.api.AnomalyException} reports a
 * failure the caller should see.
 */
@FunctionalInterface
public interface AlertSink {

    /**
     * Delivers one anomalous detection.
     *
     * @param source what was scored, e.g. a sensor id
     * @param detection the detection, with {@link Detection#anomalous()} true
     */
    void alert(String source, Detection detection);
}
