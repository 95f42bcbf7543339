package io.github.anomaly4j.features;

/**
 * Saved settings of a rolling autocorrelation.
 *
 * @param window the number of readings in the window, at least 2
 * @param lag the lag in readings, at least 1 and less than the window
 */
public record AutocorrelationState(int window, int lag) {
    /**
     * Checks the settings.
     *
     * @param window the number of readings in the window, at least 2
     * @param lag the lag in readings, at least 1 and less than the window
     */
    public AutocorrelationState {
        Checks.range("window", window, 2, Checks.MAX_WINDOW);
        Checks.range("lag", lag, 1, window - 1);
    }
}
