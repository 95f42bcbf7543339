package io.github.anomaly4j.core.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * Complete state of a streaming windowed-Gaussian detector. Restoring it gives bit-identical scores afterwards.
 *
 * @param dimension values per reading
 * @param window readings in the window
 * @param step readings collected before the full window slides
 * @param warmUp readings before the first score
 * @param seen readings accepted so far
 * @param lastTimestamp timestamp of the last accepted reading ({@link Long#MIN_VALUE} before the first)
 * @param position next ring slot to overwrite once the window is full
 * @param pending readings waiting in the step buffer
 * @param slides slides since the last exact recomputation
 * @param ring the window, feature-major: {@code ring[j * window + slot]}
 * @param stepBuffer the waiting readings, feature-major: {@code stepBuffer[j * step + i]}
 * @param mean window mean per feature
 * @param m2 window sum of squared deviations per feature (may be +Infinity for extreme data)
 * @param sd the population standard deviation in force per feature (NAB's 1e-6 when it is 0)
 */
public record WindowedGaussianState(int dimension, int window, int step, int warmUp, long seen, long lastTimestamp,
        int position, int pending, int slides, double[] ring, double[] stepBuffer, double[] mean, double[] m2,
        double[] sd) {

    /**
     * Validates shapes and copies arrays.
     *
     * @param dimension values per reading, at least 1
     * @param window readings in the window, 2 to 1,000,000
     * @param step readings per slide, 1 to {@code window}
     * @param warmUp readings before the first score, 1 to {@code window}
     * @param seen readings accepted so far, non-negative
     * @param lastTimestamp timestamp of the last accepted reading
     * @param position next ring slot: 0 until the window is full, then {@code step} further per slide
     * @param pending waiting readings: 0 until the window is full, then {@code (seen - window) % step}
     * @param slides slides since the last exact recomputation, non-negative
     * @param ring {@code dimension * window} finite values
     * @param stepBuffer {@code dimension * step} finite values
     * @param mean {@code dimension} finite values
     * @param m2 {@code dimension} non-negative values (+Infinity allowed)
     * @param sd {@code dimension} positive values
     * @throws IllegalArgumentException when a setting is out of range, the window position disagrees with
     *     {@code seen}, an array has the wrong length or a value is not finite
     */
    public WindowedGaussianState {
        WindowedGaussianDetector.check(window, step, warmUp);
        if (dimension < 1 || (long) dimension * window > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dimension must be at least 1 and dimension x window fit an array, got "
                    + dimension + " x " + window);
        }
        if (seen < 0 || position < 0 || position >= window || pending < 0 || pending >= step || slides < 0) {
            throw new IllegalArgumentException("inconsistent window: seen " + seen + ", position " + position
                    + ", pending " + pending + ", slides " + slides);
        }
        ring = length("ring", ring, dimension * window);
        stepBuffer = length("stepBuffer", stepBuffer, dimension * step);
        mean = length("mean", mean, dimension);
        m2 = length("m2", m2, dimension);
        sd = length("sd", sd, dimension);
        // the window fills first (position 0, nothing pending), then every step readings slide it by step
        long afterFull = Math.max(0L, seen - window);
        long expectedPending = afterFull % step;
        long expectedPosition = afterFull / step * step % window;
        if (pending != expectedPending || position != expectedPosition) {
            throw new IllegalArgumentException("inconsistent window: after " + seen + " readings of a window of "
                    + window + " sliding by " + step + " expected position " + expectedPosition + " and pending "
                    + expectedPending + ", got position " + position + " and pending " + pending);
        }
        finite("ring", ring);
        finite("stepBuffer", stepBuffer);
        finite("mean", mean);
        for (int j = 0; j < dimension; j++) {
            if (!(sd[j] > 0.0 && sd[j] <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("sd[" + j + "] must be finite and positive, got " + sd[j]);
            }
            if (!(m2[j] >= 0.0)) { // +Infinity is allowed (extreme data), NaN and negative values are not
                throw new IllegalArgumentException("m2[" + j + "] must be non-negative, got " + m2[j]);
            }
        }
    }

    private static void finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + "; it must be finite");
            }
        }
    }

    private static double[] length(String name, double[] values, int expected) {
        Objects.requireNonNull(values, name);
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + expected);
        }
        return values.clone();
    }

    /** @return a copy of the window, feature-major */
    @Override
    public double[] ring() {
        return ring.clone();
    }

    /** @return a copy of the waiting readings, feature-major */
    @Override
    public double[] stepBuffer() {
        return stepBuffer.clone();
    }

    /** @return a copy of the window means */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the window sums of squared deviations */
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
        return o instanceof WindowedGaussianState s && dimension == s.dimension && window == s.window
                && step == s.step && warmUp == s.warmUp && seen == s.seen && lastTimestamp == s.lastTimestamp
                && position == s.position && pending == s.pending && slides == s.slides
                && Arrays.equals(ring, s.ring) && Arrays.equals(stepBuffer, s.stepBuffer)
                && Arrays.equals(mean, s.mean) && Arrays.equals(m2, s.m2) && Arrays.equals(sd, s.sd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, window, step, seen, lastTimestamp, Arrays.hashCode(ring));
    }

    @Override
    public String toString() {
        return "WindowedGaussianState[dimension=" + dimension + ", window=" + window + ", step=" + step + ", seen="
                + seen + "]";
    }
}
