package io.github.anomaly4j.features;

/**
 * Saved settings of a rolling quantile.
 *
 * @param window the number of readings in the window, at least 1
 * @param quantile the probability in [0, 1]; the value interpolates linearly between order statistics (Hyndman
 *     and Fan's definition 7, the default of R and numpy)
 */
public record QuantileState(int window, double quantile) {
    /**
     * Checks the settings.
     *
     * @param window the number of readings in the window, at least 1
     * @param quantile the probability in [0, 1]; the value interpolates linearly between order statistics (Hyndman
     *     and Fan's definition 7, the default of R and numpy)
     */
    public QuantileState {
        Checks.range("window", window, 1, Checks.MAX_WINDOW);
        if (!(quantile >= 0.0 && quantile <= 1.0)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
        }
    }
}
