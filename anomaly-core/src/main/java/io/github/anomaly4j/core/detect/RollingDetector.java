package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.FeatureVectors;

/**
 * Shared machinery of the built-in windowed streaming detectors: timestamp and value checks (which happen before
 * any state changes, so a refused reading loses nothing), the ring buffer, warm-up, and snapshot bookkeeping.
 *
 * <p>Layout: one flat {@code double[dimension * window]} ring, feature-major, so each feature's window is a
 * contiguous run. No allocation per reading.
 */
abstract class RollingDetector extends StreamBase {
    final int window;
    final double[] buffer;
    int position;

    RollingDetector(String type, int dimension, int window, int warmUp) {
        super(type, dimension, warmUp);
        RollingWindowSettings.check(window, warmUp);
        if ((long) dimension * window > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dimension x window = " + (long) dimension * window
                    + " values is more than one array can hold");
        }
        this.window = window;
        this.buffer = new double[dimension * window];
    }

    @Override
    public final double update(long timestamp, double[] x) {
        StreamChecks.requireLater(timestamp, seen, lastTimestamp);
        FeatureVectors.requireFinite(x, dimension);
        double score = isWarm() ? score(x) : 0.0;
        int filled = filled();
        for (int j = 0; j < dimension; j++) {
            int slot = j * window + position;
            double old = buffer[slot];
            buffer[slot] = x[j];
            learn(j, x[j], old, filled);
        }
        position = position + 1 == window ? 0 : position + 1;
        seen++;
        lastTimestamp = timestamp;
        afterUpdate();
        return score;
    }

    /** Number of readings in the window before the current update. */
    final int filled() {
        return seen >= window ? window : (int) seen;
    }

    /**
     * Scores x against the current window: the largest standardized deviation over the features (as the batch
     * models score), capped at {@link Double#MAX_VALUE}; x is checked.
     */
    private double score(double[] x) {
        double max = 0.0;
        for (int j = 0; j < dimension; j++) {
            double z = Robust.capped(deviation(x[j], j));
            if (z > max) {
                max = z;
            }
        }
        return max;
    }

    /** {@code |v - center_j| / scale_j} against the current window; may overflow to infinity, never NaN. */
    abstract double deviation(double v, int j);

    /**
     * Updates feature j's statistics: {@code x} entered the window; {@code old} left it when {@code filled} was
     * already {@code window} (otherwise {@code old} is meaningless).
     */
    abstract void learn(int j, double x, double old, int filled);

    void afterUpdate() {
    }

    RollingState checkSnapshot(Record snapshot) {
        if (!(snapshot instanceof RollingState s)) {
            throw StreamChecks.wrongSnapshot(type, "RollingState", snapshot);
        }
        if (!s.type().equals(type) || s.dimension() != dimension || s.window() != window
                || s.warmUp() != warmUp) {
            throw new IllegalArgumentException("snapshot is of " + s.type() + " (dimension " + s.dimension()
                    + ", window " + s.window() + ", warmUp " + s.warmUp() + "), this detector is " + type
                    + " (dimension " + dimension + ", window " + window + ", warmUp " + warmUp + ")");
        }
        return s;
    }

    void restoreRing(RollingState s) {
        System.arraycopy(s.buffer(), 0, buffer, 0, buffer.length);
        position = s.position();
        seen = s.seen();
        lastTimestamp = s.lastTimestamp();
    }
}
