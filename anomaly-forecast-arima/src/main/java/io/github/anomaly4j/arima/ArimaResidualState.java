package io.github.anomaly4j.arima;

/**
 * The state of an {@code arima-residual} batch model: per column, the one-step-ahead predictive distribution after
 * the training data.
 *
 * @param means predictive means, one per column
 * @param standardDeviations predictive standard deviations, one per column, each &ge; 0
 * @param orders the fitted ARIMA order of each column, for information
 */
public record ArimaResidualState(double[] means, double[] standardDeviations, String[] orders) {
}
