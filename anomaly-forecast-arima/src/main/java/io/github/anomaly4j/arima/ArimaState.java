package io.github.anomaly4j.arima;

/**
 * The complete state of an {@link ArimaModel}, as written by the model codec: the orders, the estimated
 * coefficients, and the Kalman filter's state after the last observation, so a restored model forecasts and
 * updates bit-identically.
 *
 * @param p non-seasonal autoregressive order
 * @param d non-seasonal differences
 * @param q non-seasonal moving-average order
 * @param seasonalP seasonal autoregressive order
 * @param seasonalD seasonal differences
 * @param seasonalQ seasonal moving-average order
 * @param period seasonal period
 * @param includeMean whether the model has a mean (or drift) term
 * @param ar non-seasonal AR coefficients
 * @param ma non-seasonal MA coefficients
 * @param seasonalAr seasonal AR coefficients
 * @param seasonalMa seasonal MA coefficients
 * @param mean mean (or drift) of the differenced series; 0 without a mean term
 * @param sigma2 innovation variance
 * @param stateMean predicted state of the ARMA part for the next step
 * @param stateCovariance its covariance in units of sigma2, row-major
 * @param steady whether the filter has reached its steady state
 * @param tail the last {@code d + D s} observations, oldest first, for undoing the differencing
 * @param observations how many observations the model has seen
 * @param lastTimestamp epoch milliseconds of the last observation
 * @param step milliseconds between observations
 * @param converged whether the optimiser converged when the model was fitted
 * @param message the optimiser's closing message
 */
public record ArimaState(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period,
        boolean includeMean, double[] ar, double[] ma, double[] seasonalAr, double[] seasonalMa, double mean,
        double sigma2, double[] stateMean, double[] stateCovariance, boolean steady, double[] tail,
        long observations, long lastTimestamp, long step, boolean converged, String message) {
}
