package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.Calibration;
import java.util.Arrays;

/**
 * Calibration by the empirical distribution of reference scores: a raw score maps to the share of reference
 * scores at or below it, interpolated linearly between stored quantiles. 0 means "below the lowest reference
 * score", 1 "above the highest" (each also "equal to it" when it is not tied); {@code 1 - calibrate(s)} estimates
 * the tail probability of {@code s}. A score equal to several tied quantiles gets their mid-rank (a constant
 * reference maps its constant to 0.5, and a tied maximum stays below 1), so ties do not all land on the top of
 * their block.
 *
 * <p><b>Extreme-value tail</b> ({@link #fitWithTail}). The plain form gives 1.0 to every score at or above the
 * highest reference score, so two readings far beyond anything seen cannot be told apart (on NAB this alone made
 * the built-in detectors score 0, see {@code docs/evaluation.md}). With a tail, scores above the {@code level}
 * quantile {@code u} of the reference follow a generalized Pareto distribution fitted by maximum likelihood to the
 * reference excesses over {@code u} (peaks over threshold, Pickands 1975; shape constrained to {@code >= 0} so the
 * tail never ends): {@code calibrate(s) = 1 - (1 - p_u) (1 + shape (s - u) / scale)^(-1/shape)} with {@code p_u}
 * the empirical value at {@code u}. It keeps rising above the reference maximum, until {@code 1 - } the tail
 * probability rounds to 1 in double precision.
 *
 * <p>At most {@value #MAX_KNOTS} quantiles are kept (every reference score when there are fewer), so the model
 * file stays small whatever the training size. Immutable; {@link #calibrate} is a binary search, allocation-free.
 */
public final class EmpiricalCalibration implements Calibration {
    /** The most quantiles kept. */
    public static final int MAX_KNOTS = 1025;

    private final double[] knots;
    private final double tailStart;
    private final double tailBase;
    private final double tailShape;
    private final double tailScale;

    private EmpiricalCalibration(double[] knots, double tailStart, double tailBase, double tailShape,
            double tailScale) {
        this.knots = knots;
        this.tailStart = tailStart;
        this.tailBase = tailBase;
        this.tailShape = tailShape;
        this.tailScale = tailScale;
    }

    /**
     * @param scores reference scores, finite, at least one
     * @return the calibration, without a fitted tail
     */
    public static EmpiricalCalibration fit(double[] scores) {
        return new EmpiricalCalibration(knotsOf(checkedSorted(scores)), 0.0, 0.0, 0.0, 0.0);
    }

    /**
     * The calibration with an extreme-value tail above the {@code level} quantile of the reference scores.
     *
     * <p>When no reference score exceeds that quantile (a tie at the top), the tail is exponential with scale
     * {@code (max - min) / n} of the reference, or {@code 1e-6 max(1, |u|)} for a constant reference.
     *
     * @param scores reference scores, finite, at least one
     * @param level the quantile above which the tail is fitted, in (0, 1), e.g. 0.9
     * @return the calibration
     */
    public static EmpiricalCalibration fitWithTail(double[] scores, double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("tail level must be in (0, 1), got " + level);
        }
        double[] sorted = checkedSorted(scores);
        double[] knots = knotsOf(sorted);
        int n = sorted.length;
        double u = Thresholds.quantileOfSorted(sorted, level);
        int first = upperBound(sorted, u);
        double[] fit = new double[2];
        if (first < n) {
            double[] excess = new double[n - first];
            for (int i = first; i < n; i++) {
                excess[i - first] = sorted[i] - u;
            }
            GeneralizedPareto.fit(excess, excess.length, 0.0, fit);
        } else {
            double spread = sorted[n - 1] - sorted[0];
            fit[0] = 0.0;
            fit[1] = spread > 0.0 ? spread / n : 1e-6 * Math.max(1.0, Math.abs(u));
        }
        double base = body(knots, u);
        return fromKnots(knots, u, base, fit[0], fit[1]);
    }

    private static double[] checkedSorted(double[] scores) {
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
        return sorted;
    }

    private static double[] knotsOf(double[] sorted) {
        if (sorted.length <= MAX_KNOTS) {
            return sorted;
        }
        double[] knots = new double[MAX_KNOTS];
        for (int k = 0; k < MAX_KNOTS; k++) {
            knots[k] = Thresholds.quantileOfSorted(sorted, (double) k / (MAX_KNOTS - 1));
        }
        return knots;
    }

    /**
     * @param knots quantiles at evenly spaced probabilities 0, 1/(K-1), ..., 1: finite, non-decreasing
     * @return the calibration they describe, without a tail
     */
    public static EmpiricalCalibration fromKnots(double[] knots) {
        return new EmpiricalCalibration(checkedKnots(knots), 0.0, 0.0, 0.0, 0.0);
    }

    /**
     * Rebuilds a calibration with an extreme-value tail (what a model file stores).
     *
     * @param knots quantiles at evenly spaced probabilities: finite, non-decreasing
     * @param tailStart the score {@code u} above which the tail applies, finite
     * @param tailBase the calibrated value at {@code u}, in [0, 1): exactly the knots' value at {@code u}, as
     *     {@link #fitWithTail} stores it
     * @param tailShape the generalized Pareto shape, finite and non-negative
     * @param tailScale the generalized Pareto scale, finite and positive
     * @return the calibration
     */
    public static EmpiricalCalibration fromKnots(double[] knots, double tailStart, double tailBase, double tailShape,
            double tailScale) {
        double[] k = checkedKnots(knots);
        if (!Double.isFinite(tailStart) || !(tailBase >= 0.0 && tailBase < 1.0) || !(tailShape >= 0.0)
                || !Double.isFinite(tailShape) || !(tailScale > 0.0) || !Double.isFinite(tailScale)) {
            throw new IllegalArgumentException("calibration tail needs a finite start, a base in [0, 1), a finite "
                    + "non-negative shape and a finite positive scale; got start " + tailStart + ", base " + tailBase
                    + ", shape " + tailShape + ", scale " + tailScale);
        }
        double expected = body(k, tailStart);
        if (tailBase != expected) {
            // fitWithTail takes the base from the body, so anything else makes calibrate() jump at the tail start
            // (not monotone): a tampered or mismatched model file
            throw new IllegalArgumentException("calibration tail base " + tailBase + " differs from the body's value "
                    + expected + " at the tail start " + tailStart + "; the tail must continue the knots it was "
                    + "fitted with");
        }
        return new EmpiricalCalibration(k, tailStart, tailBase, tailShape, tailScale);
    }

    private static double[] checkedKnots(double[] knots) {
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
        return knots.clone();
    }

    /**
     * @param rawScore a raw score, not NaN (infinities map to 0 and 1)
     * @return the calibrated score in [0, 1]
     * @throws IllegalArgumentException for NaN, which has no rank
     */
    @Override
    public double calibrate(double rawScore) {
        checkNotNaN(rawScore);
        if (tailScale > 0.0 && rawScore > tailStart) {
            double p = 1.0 - (1.0 - tailBase) * GeneralizedPareto.survival(rawScore - tailStart, tailShape,
                    tailScale);
            return p > 1.0 ? 1.0 : p;
        }
        return body(knots, rawScore);
    }

    /**
     * {@code 1 - calibrate(rawScore)}, computed without cancellation: in the tail it is
     * {@code (1 - p_u) (1 + shape (s - u) / scale)^(-1/shape)} itself, which stays above 0 (and keeps decreasing) long
     * after {@code calibrate} has rounded to 1, until it underflows near 1e-308.
     *
     * @param rawScore a raw score, not NaN
     * @return the estimated probability of a reference score above {@code rawScore}, in [0, 1]
     * @throws IllegalArgumentException for NaN
     */
    public double tailProbability(double rawScore) {
        checkNotNaN(rawScore);
        if (tailScale > 0.0 && rawScore > tailStart) {
            return (1.0 - tailBase) * GeneralizedPareto.survival(rawScore - tailStart, tailShape, tailScale);
        }
        return 1.0 - body(knots, rawScore);
    }

    /** NaN fails every comparison, so it would silently calibrate to 0 (tail probability 1): refuse it. */
    private static void checkNotNaN(double rawScore) {
        if (rawScore != rawScore) {
            throw new IllegalArgumentException("raw score must not be NaN");
        }
    }

    private static double body(double[] knots, double rawScore) {
        int k = knots.length;
        int lo = upperBound(knots, rawScore); // first index whose knot is greater than the score
        if (lo == 0) {
            return 0.0;
        }
        if (knots[lo - 1] == rawScore) { // equal to the knots [a, lo - 1]: their mid-rank
            if (k == 1) {
                return 0.5;
            }
            int a = lo - 1;
            while (a > 0 && knots[a - 1] == rawScore) { // ties are rare: a short walk, no allocation
                a--;
            }
            return (a + lo - 1) * 0.5 / (k - 1);
        }
        if (lo == k) {
            return 1.0;
        }
        int i = lo - 1;
        double frac = (rawScore - knots[i]) / (knots[lo] - knots[i]);
        double p = (i + frac) / (k - 1);
        return p < 0.0 ? 0.0 : p > 1.0 ? 1.0 : p;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return a copy of the stored quantiles */
    public double[] knots() {
        return knots.clone();
    }

    /** @return whether scores above {@link #tailStart()} follow a fitted extreme-value tail */
    public boolean hasTail() {
        return tailScale > 0.0;
    }

    /** @return the score above which the tail applies (0 without a tail) */
    public double tailStart() {
        return tailStart;
    }

    /** @return the calibrated value at {@link #tailStart()} (0 without a tail) */
    public double tailBase() {
        return tailBase;
    }

    /** @return the generalized Pareto shape of the tail (0 without a tail) */
    public double tailShape() {
        return tailShape;
    }

    /** @return the generalized Pareto scale of the tail (0 without a tail) */
    public double tailScale() {
        return tailScale;
    }

    @Override
    public String toString() {
        return "EmpiricalCalibration[" + knots.length + " knots, " + knots[0] + ".." + knots[knots.length - 1]
                + (hasTail() ? ", GPD tail above " + tailStart + " (shape " + tailShape + ", scale " + tailScale + ")"
                        : "") + "]";
    }
}
