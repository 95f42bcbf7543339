package io.github.anomaly4j.features;

/**
 * Saved settings of a rolling-window transform (mean, variance, standard deviation, min, max, median, z-score).
 *
 * @param window the number of readings in the window, at least 1 (2 for variance, standard deviation, z-score)
 */
public record WindowState(int window) {
    /**
     * Checks the window.
     *
     * @param window the number of readings in the window, at least 1 (2 for variance, standard deviation, z-score)
     */
    public WindowState {
        Checks.range("window", window, 1, Checks.MAX_WINDOW);
    }
}
