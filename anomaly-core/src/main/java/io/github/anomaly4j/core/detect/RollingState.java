package io.github.anomaly4j.core.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * Complete state of a built-in streaming detector: the settings it must match, the window contents and the
 * running statistics. Restoring it gives bit-identical scores afterwards.
 *
 * @param type {@code "zscore"}, {@code "mad"} or {@code "iqr"}
 * @param dimension values per reading
 * @param window window length
 * @param warmUp readings needed before scoring
 * @param seen readings accepted so far
 * @param lastTimestamp timestamp of the last accepted reading ({@link Long#MIN_VALUE} before the first)
 * @param position next ring slot to write
 * @param buffer the ring, feature-major: {@code buffer[j * window + slot]}
 * @param shift z-score only: the per-feature shift subtracted from values (empty for MAD and IQR)
 * @param mean z-score only: running mean of the shifted values per feature (empty for MAD and IQR)
 * @param m2 z-score only: running sum of squared deviations per feature (may be +Infinity for extreme data)
 * @param sd z-score only: the standard deviation in force per feature
 * @param sinceRecompute z-score only: incremental updates since the last exact recomputation
 */
public record RollingState(String type, int dimension, int window, int warmUp, long seen, long lastTimestamp,
        int position, double[] buffer, double[] shift, double[] mean, double[] m2, double[] sd, int sinceRecompute) {

    /**
     * Validates shapes and copies arrays.
     *
     * @param type {@code "zscore"}, {@code "mad"} or {@code "iqr"}, not {@code null}
     * @param dimension values per reading, at least 1
     * @param window window length, 2 to 1,000,000
     * @param warmUp readings needed before scoring, 2 to {@code window}
     * @param seen readings accepted so far, non-negative
     * @param lastTimestamp timestamp of the last accepted reading ({@link Long#MIN_VALUE} before the first)
     * @param position next ring slot to write, {@code seen % window}
     * @param buffer the ring, feature-major, of length {@code dimension * window}, finite values
     * @param shift z-score only: the per-feature shift subtracted from values (empty for MAD and IQR)
     * @param mean z-score only: running mean of the shifted values per feature (empty for MAD and IQR)
     * @param m2 z-score only: running sum of squared deviations per feature (may be +Infinity for extreme data)
     * @param sd z-score only: the standard deviation in force per feature
     * @param sinceRecompute z-score only: incremental updates since the last exact recomputation
     * @throws IllegalArgumentException if a setting is out of range, the ring position is inconsistent, or the
     *     buffer has the wrong length or a non-finite value
     */
    public RollingState {
        Objects.requireNonNull(type, "type");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        RollingWindowSettings.check(window, warmUp);
        if (seen < 0 || position < 0 || position >= window) {
            throw new IllegalArgumentException("inconsistent ring: seen " + seen + ", position " + position
                    + ", window " + window);
        }
        if (buffer.length != (long) dimension * window) {
            throw new IllegalArgumentException("buffer has " + buffer.length + " values, expected "
                    + (long) dimension * window);
        }
        if (position != seen % window) {
            // every update advances both, so any other position is a tampered snapshot (the sorted MAD/IQR index
            // would later miss the value leaving the window)
            throw new IllegalArgumentException("inconsistent ring: position " + position + " after " + seen
                    + " readings of a window of " + window + ", expected " + seen % window);
        }
        for (int i = 0; i < buffer.length; i++) {
            if (!Double.isFinite(buffer[i])) {
                throw new IllegalArgumentException("buffer value " + i + " is " + buffer[i]
                        + "; window values must be finite");
            }
        }
        buffer = buffer.clone();
        shift = shift.clone();
        mean = mean.clone();
        m2 = m2.clone();
        sd = sd.clone();
    }

    /** @return a copy of the ring, feature-major */
    @Override
    public double[] buffer() {
        return buffer.clone();
    }

    /** @return a copy of the per-feature shifts (empty for MAD and IQR) */
    @Override
    public double[] shift() {
        return shift.clone();
    }

    /** @return a copy of the running means of the shifted values (empty for MAD and IQR) */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the running sums of squared deviations */
    @Override
    public double[] m2() {
        return m2.clone();
    }

    /** @return a copy of the standard deviations in force */
    @Override
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RollingState s && type.equals(s.type) && dimension == s.dimension
                && window == s.window && warmUp == s.warmUp && seen == s.seen && lastTimestamp == s.lastTimestamp
                && position == s.position && sinceRecompute == s.sinceRecompute && Arrays.equals(buffer, s.buffer)
                && Arrays.equals(shift, s.shift) && Arrays.equals(mean, s.mean) && Arrays.equals(m2, s.m2)
                && Arrays.equals(sd, s.sd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, dimension, window, seen, lastTimestamp, position, Arrays.hashCode(buffer));
    }

    @Override
    public String toString() {
        return "RollingState[" + type + ", dimension=" + dimension + ", window=" + window + ", seen=" + seen + "]";
    }
}
