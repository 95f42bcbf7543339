package io.github.anomaly4j.core.detect;

import java.util.Arrays;

/**
 * Overflow-safe location and scale estimates used by the built-in detectors.
 *
 * <p>Sensor data never reach {@code 1e308}, but a library must not return NaN when they do. The estimates work on
 * values scaled by a power of two near the column's largest magnitude (exact, and it keeps every value in
 * (-2, 2)) and scale back at the end, so sums and squares cannot overflow; a two-pass variance keeps NumAcc-style
 * data with a large mean accurate.
 */
final class Robust {
    /** Consistency constant making MAD estimate the standard deviation of normal data: 1 / Phi^-1(3/4). */
    static final double MAD_TO_SIGMA = 1.482602218505602;
    /** Mean absolute deviation to sigma for normal data, sqrt(pi / 2) (Iglewicz and Hoaglin, 1993). */
    static final double MEAN_AD_TO_SIGMA = 1.2533141373155003;

    private Robust() {
    }

    /**
     * The smallest scale the detectors use, so a constant feature still gives finite scores: one part in 10^12 of
     * the center's magnitude, and never below 1e-300.
     */
    static double scaleFloor(double center) {
        return Math.max(Math.abs(center) * 1e-12, 1e-300);
    }

    /** A standardized deviation that overflowed to infinity (or NaN) as {@link Double#MAX_VALUE}, else itself. */
    static double capped(double z) {
        return z <= Double.MAX_VALUE ? z : Double.MAX_VALUE;
    }

    static double maxAbs(double[] v, int from, int to) {
        double m = 0.0;
        for (int i = from; i < to; i++) {
            double a = Math.abs(v[i]);
            if (a > m) {
                m = a;
            }
        }
        return m;
    }

    /** Mean and sample standard deviation of v[from, to), into out[0], out[1]; see the shifted form. */
    static void meanStd(double[] v, int from, int to, double[] out) {
        meanStd(v, from, to, 0.0, out);
        if (!Double.isFinite(out[0])) {
            out[0] = 0.0; // unreachable: with shift 0 every scaled value is finite
        }
    }

    /**
     * Mean of {@code v[i] - shift} and sample standard deviation of v[from, to), into out[0], out[1]. Shifting by a
     * value from the data makes the differences exact for offset data (Sterbenz), the classic shifted-data
     * algorithm; values are then scaled by a power of two (exact) so the largest magnitude lies in [1, 2); the mean
     * gets one refinement step and the variance is the corrected two-pass formula (Chan, Golub and LeVeque 1983).
     * When a difference overflows, out[0] is not finite and the caller must use shift 0.
     */
    static void meanStd(double[] v, int from, int to, double shift, double[] out) {
        int n = to - from;
        double max = 0.0;
        for (int i = from; i < to; i++) {
            double a = Math.abs(v[i] - shift);
            if (!(a <= max)) {
                max = a; // also takes an infinity, which makes the result non-finite below
            }
        }
        if (max == 0.0) {
            out[0] = 0.0;
            out[1] = 0.0;
            return;
        }
        if (!Double.isFinite(max)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        int e = Math.getExponent(max);
        double sum = 0.0;
        for (int i = from; i < to; i++) {
            sum += Math.scalb(v[i] - shift, -e);
        }
        double mean = sum / n;
        double ss = 0.0;
        double comp = 0.0;
        for (int i = from; i < to; i++) {
            double d = Math.scalb(v[i] - shift, -e) - mean;
            ss += d * d;
            comp += d;
        }
        double var = n > 1 ? Math.max(0.0, (ss - comp * comp / n) / (n - 1)) : 0.0;
        out[0] = Math.scalb(mean + comp / n, e);
        double sd = Math.scalb(Math.sqrt(var), e);
        out[1] = capped(sd);
    }

    /** Median of sorted[from, from + n). */
    static double median(double[] sorted, int from, int n) {
        int h = from + (n >>> 1);
        return (n & 1) == 1 ? sorted[h] : sorted[h - 1] * 0.5 + sorted[h] * 0.5;
    }

    /**
     * Median and sigma-consistent scale (MAD, or mean absolute deviation when more than half the values are
     * equal) of sorted[from, from + n), into out[0], out[1]. Deviations are computed on halved values so that the
     * difference of two huge values cannot overflow.
     *
     * <p>The deviations {@code |x_i - med| / 2} form two sorted runs outwards from the median (below it and from
     * it upwards), so their median is the k-th smallest element of the union of two sorted sequences, found by
     * binary search over how many of the k come from the lower run: O(log n) after the O(log n) search for the
     * median's position, no scratch space, and exactly the values a full merge would pick.
     */
    static void medianScale(double[] sorted, int from, int n, double[] out) {
        double med = median(sorted, from, n);
        double halfMed = med * 0.5;
        int split = lowerBound(sorted, from, from + n, med); // [from, split) below the median, the rest at or above
        int end = from + n;
        int nLow = split - from;
        int nHigh = end - split;
        // the k smallest deviations: odd n needs the (n/2 + 1)-th, even n the (n/2)-th and the (n/2 + 1)-th
        int k = (n & 1) == 1 ? (n >>> 1) + 1 : n >>> 1;
        int lo = Math.max(0, k - nHigh);
        int hi = Math.min(k, nLow);
        while (lo < hi) { // the smallest i with low(i) >= high(k - i - 1)
            int i = (lo + hi) >>> 1;
            if (halfMed - sorted[split - 1 - i] * 0.5 < sorted[split + k - i - 1] * 0.5 - halfMed) {
                lo = i + 1;
            } else {
                hi = i;
            }
        }
        int fromLow = lo;
        int fromHigh = k - lo;
        double kth = Math.max(fromLow > 0 ? halfMed - sorted[split - fromLow] * 0.5 : Double.NEGATIVE_INFINITY,
                fromHigh > 0 ? sorted[split + fromHigh - 1] * 0.5 - halfMed : Double.NEGATIVE_INFINITY);
        double halfMad;
        if ((n & 1) == 1) {
            halfMad = kth;
        } else {
            double next = Math.min(
                    fromLow < nLow ? halfMed - sorted[split - 1 - fromLow] * 0.5 : Double.POSITIVE_INFINITY,
                    fromHigh < nHigh ? sorted[split + fromHigh] * 0.5 - halfMed : Double.POSITIVE_INFINITY);
            halfMad = kth * 0.5 + next * 0.5;
        }
        double halfScale;
        if (halfMad > 0.0) {
            halfScale = halfMad * MAD_TO_SIGMA;
        } else {
            // more than half the values equal the median: fall back to the mean absolute deviation, computed
            // only here so that the common case stays O(log n)
            double sumHalfDev = 0.0;
            for (int i = from; i < end; i++) {
                sumHalfDev += Math.abs(sorted[i] * 0.5 - halfMed) / n;
            }
            halfScale = sumHalfDev * MEAN_AD_TO_SIGMA;
        }
        out[0] = med;
        double s = halfScale * 2.0;
        out[1] = capped(s);
    }

    /** First index in sorted[from, to) whose value is >= key. */
    static int lowerBound(double[] sorted, int from, int to, double key) {
        int lo = from;
        int hi = to;
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

    /** Sorts a copy of a column. */
    static double[] sortedCopy(double[] column) {
        double[] s = column.clone();
        Arrays.sort(s);
        return s;
    }
}
