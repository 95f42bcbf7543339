package io.github.anomaly4j.api.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * Forecast means and prediction-interval bounds for the next steps of a series.
 *
 * @param timestamps epoch milliseconds of each forecast step
 * @param mean point forecasts
 * @param lower lower interval bounds
 * @param upper upper interval bounds
 * @param level the interval's coverage, in (0, 1)
 */
public record Forecast(long[] timestamps, double[] mean, double[] lower, double[] upper, double level) {

    /**
     * Validates shapes and ordering, and copies the arrays.
     *
     * @param timestamps epoch milliseconds of each forecast step
     * @param mean point forecasts, one per step
     * @param lower lower interval bounds, one per step, each at most the mean
     * @param upper upper interval bounds, one per step, each at least the mean
     * @param level the interval's coverage, in (0, 1)
     * @throws IllegalArgumentException if the arrays are empty or differ in length, the level is outside (0, 1),
     *     or a step does not satisfy lower &le; mean &le; upper
     */
    public Forecast {
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        int h = mean.length;
        if (h == 0 || timestamps.length != h || lower.length != h || upper.length != h) {
            throw new IllegalArgumentException("timestamps, mean, lower and upper must have the same non-zero "
                    + "length; got " + timestamps.length + ", " + h + ", " + lower.length + ", " + upper.length);
        }
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        for (int i = 0; i < h; i++) {
            if (!(lower[i] <= mean[i] && mean[i] <= upper[i])) {
                throw new IllegalArgumentException("step " + i + ": expected lower <= mean <= upper, got "
                        + lower[i] + ", " + mean[i] + ", " + upper[i]);
            }
        }
        timestamps = timestamps.clone();
        mean = mean.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** @return the number of steps */
    public int horizon() {
        return mean.length;
    }

    /** @return a copy of the epoch milliseconds of each forecast step */
    @Override
    public long[] timestamps() {
        return timestamps.clone();
    }

    /** @return a copy of the point forecasts */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the lower interval bounds */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** @return a copy of the upper interval bounds */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast f && Arrays.equals(timestamps, f.timestamps) && Arrays.equals(mean, f.mean)
                && Arrays.equals(lower, f.lower) && Arrays.equals(upper, f.upper)
                && Double.compare(level, f.level) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(timestamps), Arrays.hashCode(mean), Arrays.hashCode(lower),
                Arrays.hashCode(upper), level);
    }

    @Override
    public String toString() {
        return "Forecast[h=" + horizon() + ", level=" + level + ", mean=" + Arrays.toString(mean) + "]";
    }
}
