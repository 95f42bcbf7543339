package io.github.anomaly4j.core.detect;

/**
 * Streaming median/MAD over a sliding window: per feature a sorted copy of the window, kept in order by binary
 * search and one {@code System.arraycopy} per reading (O(window), a memory move), from which the median is read
 * directly and the MAD by a binary search over the two sorted runs of deviations (O(log window)). The sorted
 * copies are not part of the snapshot: {@link #restore} rebuilds them from the ring, in the same total order
 * ({@link Double#compare}) that the updates keep.
 */
class RollingMad extends RollingDetector {
    private final double[] sorted;
    private final double[] stats = new double[2];
    private final double[] center;
    private final double[] scale;

    RollingMad(int dimension, int window, int warmUp) {
        this(MadDetector.ID, dimension, window, warmUp);
    }

    /** For subclasses that read another center and scale from the same sorted window. */
    RollingMad(String type, int dimension, int window, int warmUp) {
        super(type, dimension, window, warmUp);
        this.sorted = new double[dimension * window];
        this.center = new double[dimension];
        this.scale = new double[dimension];
    }

    @Override
    double deviation(double v, int j) {
        return Math.abs(v * 0.5 - center[j] * 0.5) / (scale[j] * 0.5);
    }

    @Override
    void learn(int j, double x, double old, int filled) {
        int base = j * window;
        if (filled < window) {
            int at = insertionPoint(base, filled, x);
            System.arraycopy(sorted, base + at, sorted, base + at + 1, filled - at);
            sorted[base + at] = x;
            return;
        }
        // full window: the slot of the value leaving is reused; only the values between it and x's place move
        int out = indexOf(base, window, old);
        int at = insertionPoint(base, window, x); // place of x among all window values, the leaving one included
        if (at > out + 1) { // x goes above the leaving value: shift (out, at) down by one
            System.arraycopy(sorted, base + out + 1, sorted, base + out, at - out - 1);
            sorted[base + at - 1] = x;
        } else if (at <= out) { // x goes below it: shift [at, out) up by one
            System.arraycopy(sorted, base + at, sorted, base + at + 1, out - at);
            sorted[base + at] = x;
        } else { // at == out + 1: x takes the leaving value's slot
            sorted[base + out] = x;
        }
    }

    @Override
    void afterUpdate() {
        int n = filled();
        for (int j = 0; j < dimension; j++) {
            refresh(j, n);
        }
    }

    /** Writes the center and (unfloored) scale of the sorted run sorted[from, from + n) into out. */
    void estimate(double[] sortedRun, int from, int n, double[] out) {
        Robust.medianScale(sortedRun, from, n, out);
    }

    private void refresh(int j, int n) {
        estimate(sorted, j * window, n, stats);
        center[j] = stats[0];
        scale[j] = Math.max(stats[1], Robust.scaleFloor(stats[0]));
    }

    /** Index of a value with the same bits as v in the sorted run. */
    private int indexOf(int base, int n, double v) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(sorted[base + mid], v);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("window value " + v + " missing from the sorted index");
    }

    private int insertionPoint(int base, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[base + mid], v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public RollingState snapshot() {
        return new RollingState(type, dimension, window, warmUp, seen, lastTimestamp, position, buffer,
                new double[0], new double[0], new double[0], new double[0], 0);
    }

    @Override
    public void restore(Record snapshot) {
        RollingState s = checkSnapshot(snapshot);
        restoreRing(s);
        int n = filled();
        for (int j = 0; j < dimension; j++) {
            int base = j * window;
            System.arraycopy(buffer, base, sorted, base, n);
            java.util.Arrays.sort(sorted, base, base + n);
            if (n > 0) {
                refresh(j, n);
            }
        }
    }
}
