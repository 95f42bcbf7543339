package io.github.anomaly4j.api.detect;

/**
 * Maps a detector's raw score to a common scale in [0, 1], so that scores of different detectors can be compared
 * and combined. Implementations are immutable, monotone non-decreasing, and allocation-free.
 */
@FunctionalInterface
public interface Calibration {

    /**
     * @param rawScore a finite raw score
     * @return the calibrated score in [0, 1]
     */
    double calibrate(double rawScore);
}
