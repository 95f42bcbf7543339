package io.github.anomaly4j.features;

/**
 * Saved settings of a difference {@code (1 - B^lag)^order x}.
 *
 * @param order how many times to difference, 1 to 8
 * @param lag the seasonal lag in readings, at least 1 (1 for the ordinary difference)
 */
public record DiffState(int order, int lag) {
    /**
     * Checks the settings.
     *
     * @param order how many times to difference, 1 to 8
     * @param lag the seasonal lag in readings, at least 1 (1 for the ordinary difference)
     */
    public DiffState {
        Checks.range("order", order, 1, 8);
        Checks.range("lag", lag, 1, Checks.MAX_WINDOW);
    }
}
