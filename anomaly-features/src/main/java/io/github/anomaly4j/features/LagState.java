package io.github.anomaly4j.features;

/**
 * Saved settings of a lag or a rate of change.
 *
 * @param lag how many readings back, at least 1
 */
public record LagState(int lag) {
    /**
     * Checks the lag.
     *
     * @param lag how many readings back, at least 1
     */
    public LagState {
        Checks.range("lag", lag, 1, Checks.MAX_WINDOW);
    }
}
