package io.github.anomaly4j.tck;

import java.util.Arrays;
import java.util.Objects;

/**
 * State of a fitted mean-distance model.
 *
 * @param mean per-column mean, finite, at least one
 */
record MeanDistanceState(double[] mean) {

    /** Validates and copies. */
    MeanDistanceState {
        Objects.requireNonNull(mean, "mean");
        if (mean.length == 0) {
            throw new IllegalArgumentException("mean must hold at least one value");
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean[" + j + "] must be finite, got " + mean[j]);
            }
        }
        mean = mean.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanDistanceState s && Arrays.equals(mean, s.mean);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "MeanDistanceState" + Arrays.toString(mean);
    }
}
