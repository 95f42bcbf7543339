package io.github.anomaly4j.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Complete state of a {@link PeaksOverThreshold.Stream}; restoring it gives bit-identical decisions afterwards.
 *
 * @param risk target alarm probability
 * @param level quantile of the initial scores above which peaks are taken
 * @param depth DSPOT drift window (0 for SPOT)
 * @param maxPeaks how many recent peaks the tail is fitted to
 * @param peakThreshold the peak threshold t
 * @param count scores counted so far (initial ones included, alarms excluded)
 * @param peakTotal peaks seen so far, stored or not
 * @param peaks the stored excesses over t (at most {@code maxPeaks}, a ring once full)
 * @param peakNext the ring slot the next peak replaces once {@code maxPeaks} are stored
 * @param window DSPOT: the last {@code depth} non-alarm scores, a ring
 * @param position DSPOT: the next ring slot
 * @param windowSum DSPOT: the sum of the ring
 * @param shape fitted generalized Pareto shape
 * @param scale fitted generalized Pareto scale
 * @param threshold the alarm threshold z_q (relative to the drift level for DSPOT)
 */
public record PeaksOverThresholdState(double risk, double level, int depth, int maxPeaks, double peakThreshold,
        long count, long peakTotal, double[] peaks, int peakNext, double[] window, int position, double windowSum,
        double shape, double scale, double threshold) {

    /**
     * Validates and copies.
     *
     * @param risk target alarm probability, in (0, 1) and below {@code 1 - level}
     * @param level peak quantile, in (0, 1)
     * @param depth drift window, 0..1,000,000
     * @param maxPeaks stored peaks at most, 10..10,000,000
     * @param peakThreshold the peak threshold, finite
     * @param count scores counted, at least {@code peakTotal}
     * @param peakTotal peaks seen, at least the number stored
     * @param peaks non-negative finite excesses, at most {@code maxPeaks}
     * @param peakNext ring slot in [0, max(peaks, 1))
     * @param window {@code depth} finite scores
     * @param position ring slot in [0, max(depth, 1))
     * @param windowSum the ring's sum
     * @param shape generalized Pareto shape, finite
     * @param scale generalized Pareto scale, finite and non-negative
     * @param threshold alarm threshold, finite
     * @throws IllegalArgumentException when a value is out of range or inconsistent
     */
    public PeaksOverThresholdState {
        PeaksOverThreshold.check(risk, level, depth);
        PeaksOverThreshold.checkRiskBelowPeakRate(risk, level);
        PeaksOverThreshold.checkMaxPeaks(maxPeaks);
        Objects.requireNonNull(peaks, "peaks");
        Objects.requireNonNull(window, "window");
        if (peaks.length > maxPeaks || peakTotal < peaks.length || count < peakTotal || peakNext < 0
                || peakNext >= Math.max(peaks.length, 1)) {
            throw new IllegalArgumentException("inconsistent peak store: " + peaks.length + " stored of at most "
                    + maxPeaks + ", " + peakTotal + " seen, next slot " + peakNext + ", count " + count);
        }
        if (window.length != depth || position < 0 || position >= Math.max(depth, 1)
                || !Double.isFinite(peakThreshold) || !Double.isFinite(shape) || !(scale >= 0.0)
                || !Double.isFinite(scale) || !Double.isFinite(threshold) || !Double.isFinite(windowSum)) {
            throw new IllegalArgumentException("inconsistent peaks-over-threshold state: depth " + depth + ", window "
                    + window.length + ", position " + position + ", count " + count + ", peaks " + peaks.length
                    + ", t " + peakThreshold + ", shape " + shape + ", scale " + scale + ", threshold " + threshold);
        }
        for (double w : window) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("drift window values must be finite, got " + w);
            }
        }
        for (double p : peaks) {
            if (!(p >= 0.0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException("peaks must be finite and non-negative, got " + p);
            }
        }
        peaks = peaks.clone();
        window = window.clone();
    }

    /** @return a copy of the excesses */
    @Override
    public double[] peaks() {
        return peaks.clone();
    }

    /** @return a copy of the drift ring */
    @Override
    public double[] window() {
        return window.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeaksOverThresholdState s && risk == s.risk && level == s.level && depth == s.depth
                && maxPeaks == s.maxPeaks && peakTotal == s.peakTotal && peakNext == s.peakNext
                && Double.compare(peakThreshold, s.peakThreshold) == 0 && count == s.count
                && Arrays.equals(peaks, s.peaks) && Arrays.equals(window, s.window) && position == s.position
                && Double.compare(windowSum, s.windowSum) == 0 && Double.compare(shape, s.shape) == 0
                && Double.compare(scale, s.scale) == 0 && Double.compare(threshold, s.threshold) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(risk, level, depth, count, Arrays.hashCode(peaks));
    }

    @Override
    public String toString() {
        return "PeaksOverThresholdState[t=" + peakThreshold + ", peaks=" + peaks.length + ", threshold=" + threshold
                + "]";
    }
}
