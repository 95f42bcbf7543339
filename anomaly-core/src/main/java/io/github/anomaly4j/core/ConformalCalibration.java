package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.Calibration;

/**
 * Split-conformal calibration (Vovk, Gammerman and Shafer, Algorithmic Learning in a Random World, 2005; the
 * "inductive" form of Papadopoulos et al. 2002): the p-value of a score {@code s} against {@code n} calibration
 * scores is {@code p(s) = (1 + #{calibration scores >= s}) / (n + 1)}. When the calibration scores and the new
 * score are exchangeable (normal data, scored by a model fitted on other data), {@code P(p(s) <= alpha) <= alpha}
 * for every {@code alpha}: flagging {@code p <= alpha} has a false-alarm rate of at most {@code alpha}, whatever the
 * detector and the score distribution. {@link #calibrate} returns {@code 1 - p(s)}, in {@code [0, n / (n + 1)]}.
 *
 * <p>Keeps every calibration score (sorted), since the guarantee needs exact ranks; {@link #pValue} is a binary
 * search, allocation-free. Immutable.
 *
 * <pre>{@code
 * ConformalCalibration c = ConformalCalibration.fit(calibrationScores);
 * boolean alarm = c.pValue(score) <= 0.01; // at most 1% false alarms on exchangeable normal data
 * }</pre>
 */
public final class ConformalCalibration implements Calibration {
    private final double[] sorted;

    private ConformalCalibration(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * @param calibrationScores scores of held-out normal data (not the data the model was fitted on), finite, at
     *     least one
     * @return the calibration
     */
    public static ConformalCalibration fit(double[] calibrationScores) {
        return new ConformalCalibration(Thresholds.checkedSortedCopy(calibrationScores));
    }

    /**
     * @param score a finite raw score
     * @return its conformal p-value {@code (1 + #{calibration >= score}) / (n + 1)}, in {@code [1/(n+1), 1]}
     */
    public double pValue(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be NaN");
        }
        int n = sorted.length;
        int atOrAbove = n - lowerBound(sorted, score);
        return (1.0 + atOrAbove) / (n + 1.0);
    }

    @Override
    public double calibrate(double rawScore) {
        return 1.0 - pValue(rawScore);
    }

    /** @return the number of calibration scores */
    public int size() {
        return sorted.length;
    }

    /** First index whose value is >= key. */
    static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "ConformalCalibration[" + sorted.length + " scores]";
    }
}
