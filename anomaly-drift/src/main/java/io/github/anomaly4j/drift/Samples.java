package io.github.anomaly4j.drift;

import java.util.Arrays;

/** Input checks and small sorted-array helpers shared by the drift tests. */
final class Samples {
    private Samples() {
    }

    /**
     * Checks a sample: not null, not empty, every value finite.
     *
     * @return the same array
     */
    static double[] check(String name, double[] sample) {
        if (sample == null) {
            throw new IllegalArgumentException(name + " sample must not be null");
        }
        if (sample.length == 0) {
            throw new IllegalArgumentException(name + " sample must not be empty");
        }
        for (int i = 0; i < sample.length; i++) {
            if (!Double.isFinite(sample[i])) {
                throw new IllegalArgumentException(name + " sample holds " + sample[i] + " at index " + i
                        + "; values must be finite");
            }
        }
        return sample;
    }

    /** @return a sorted copy of a checked sample */
    static double[] sortedCopy(String name, double[] sample) {
        double[] s = check(name, sample).clone();
        Arrays.sort(s);
        return s;
    }

    /** Number of elements {@code <= v} in a sorted array (numpy {@code searchsorted(side='right')}). */
    static int countAtMost(double[] sorted, double v) {
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

    /** Number of elements {@code < v} in a sorted array (numpy {@code searchsorted(side='left')}). */
    static int countBelow(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Standard deviation (population, divisor n) of a sample. */
    static double standardDeviation(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / x.length);
    }
}
