package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.Calibration;
import java.util.Arrays;

/**
 * Calibration by the empirical distribution of reference scores: a raw score maps to the share of reference
 * scores at or below it, interpolated linearly between stored quantiles. 0 means "lower than every reference
 * score", 1 "at or above the highest"; {@code 1 - calibrate(s)} estimates the tail probability of {@code s}.
 *
 * <p>At most {@value #MAX_KNOTS} quantiles are kept (every reference score when there are fewer), so the model
 * file stays small whatever the training size. Immutable; {@link #calibrate} is a binary search, allocation-free.
 */
public final class EmpiricalCalibration implements Calibration {
    /** The most quantiles kept. */
    public static final int MAX_KNOTS = 1025;

    private final double[] knots;

    private EmpiricalCalibration(double[] knots) {
        this.knots = knots;
    }

    /**
     * @param scores reference scores, finite, at least one
     * @return the calibration
     */
    public static EmpiricalCalibration fit(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one reference score");
        }
        double[] sorted = scores.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("reference score " + i + " is " + sorted[i]
                        + "; scores must be finite");
            }
        }
        Arrays.sort(sorted);
        if (sorted.length <= MAX_KNOTS) {
            return new EmpiricalCalibration(sorted);
        }
        double[] knots = new double[MAX_KNOTS];
        for (int k = 0; k < MAX_KNOTS; k++) {
            knots[k] = Thresholds.quantileOfSorted(sorted, (double) k / (MAX_KNOTS - 1));
        }
        return new EmpiricalCalibration(knots);
    }

    /**
     * @param knots quantiles at evenly spaced probabilities 0, 1/(K-1), ..., 1: finite, non-decreasing
     * @return the calibration they describe
     */
    public static EmpiricalCalibration fromKnots(double[] knots) {
        if (knots == null || knots.length == 0 || knots.length > MAX_KNOTS) {
            throw new IllegalArgumentException("calibration needs 1.." + MAX_KNOTS + " knots, got "
                    + (knots == null ? "null" : knots.length));
        }
        for (int i = 0; i < knots.length; i++) {
            if (!Double.isFinite(knots[i]) || (i > 0 && knots[i] < knots[i - 1])) {
                throw new IllegalArgumentException("calibration knots must be finite and non-decreasing; knot " + i
                        + " is " + knots[i]);
            }
        }
        return new EmpiricalCalibration(knots.clone());
    }

    @Override
    public double calibrate(double rawScore) {
        int k = knots.length;
        // first index whose knot is greater than the score
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (knots[mid] <= rawScore) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return 0.0;
        }
        if (lo == k) {
            return 1.0;
        }
        int i = lo - 1;
        double frac = (rawScore - knots[i]) / (knots[lo] - knots[i]);
        double p = (i + frac) / (k - 1);
        return p < 0.0 ? 0.0 : p > 1.0 ? 1.0 : p;
    }

    /** @return a copy of the stored quantiles */
    public double[] knots() {
        return knots.clone();
    }

    @Override
    public String toString() {
        return "EmpiricalCalibration[" + knots.length + " knots, " + knots[0] + ".." + knots[knots.length - 1] + "]";
    }
}
