package io.github.anomaly4j.features;

/**
 * Saved settings of an exponentially weighted mean or variance.
 *
 * @param alpha the weight of the newest reading, in (0, 1]
 */
public record EwmaState(double alpha) {
    /**
     * Checks alpha.
     *
     * @param alpha the weight of the newest reading, in (0, 1]
     */
    public EwmaState {
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
    }
}
