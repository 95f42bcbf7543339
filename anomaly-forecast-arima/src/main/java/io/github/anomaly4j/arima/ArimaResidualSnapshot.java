package io.github.anomaly4j.arima;

/**
 * The complete state of an {@code arima-residual} streaming detector.
 *
 * @param dimension values per reading
 * @param lastTimestamp timestamp of the last accepted reading
 * @param seen readings accepted so far
 * @param sinceRefit readings since the last (re)fit
 * @param buffers per column, the recent readings kept for refits, oldest first
 * @param models per column, the current model's state; empty before the first fit, an entry null when the
 *     column could not be fitted
 * @param scales per column, the scale the model was fitted on (readings are divided by it)
 */
public record ArimaResidualSnapshot(int dimension, long lastTimestamp, long seen, int sinceRefit, double[][] buffers,
        ArimaState[] models, double[] scales) {
}
