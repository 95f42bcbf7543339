package io.github.anomaly4j.api.store;

import io.github.anomaly4j.api.detect.Detection;
import java.util.Objects;

/**
 * A stored detection: which series, which detector (or model name), and the verdict. The triple
 * {@code (seriesId, detector, detection.timestamp())} is its identity.
 *
 * @param seriesId the scored series
 * @param detector the detector or model name that scored it
 * @param detection the verdict
 */
public record DetectionRecord(String seriesId, String detector, Detection detection) {

    /**
     * Validates.
     *
     * @param seriesId the scored series, non-blank and at most 256 characters
     * @param detector the detector or model name that scored it, non-blank
     * @param detection the verdict, not {@code null}
     * @throws IllegalArgumentException if {@code seriesId} or {@code detector} is blank or {@code null}, or
     *     {@code seriesId} is longer than 256 characters
     */
    public DetectionRecord {
        StoreNames.requireSeriesId(seriesId);
        if (detector == null || detector.isBlank()) {
            throw new IllegalArgumentException("detector must be non-blank");
        }
        Objects.requireNonNull(detection, "detection");
    }

    /** @return the detection's timestamp */
    public long timestamp() {
        return detection.timestamp();
    }
}
