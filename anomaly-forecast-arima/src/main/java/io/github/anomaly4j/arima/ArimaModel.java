package io.github.anomaly4j.arima;

import io.github.anomaly4j.api.forecast.Forecast;
import io.github.anomaly4j.api.forecast.ForecastModel;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A fitted ARIMA model positioned after its last observation: forecasts with prediction intervals, and
 * one-step updates with new observations without refitting (one Kalman filter step).
 *
 * <p>Forecast variances are exact for the model: the ARMA part's state covariance after the last observation is
 * propagated forward, the joint covariance of the forecast errors is built from it, and the errors are integrated
 * through the differencing, so intervals agree with statsmodels' state-space forecasts. Immutable and thread-safe;
 * {@link #update} returns a new model.
 */
public final class ArimaModel implements ForecastModel {

    /** The plugin id. */
    public static final String TYPE = "arima";

    private final ArimaOrder order;
    private final double[] ar;
    private final double[] ma;
    private final double[] seasonalAr;
    private final double[] seasonalMa;
    private final double mean;
    private final double sigma2;
    private final ArimaMath.StateSpace ss;
    private final double[] tail;
    private final double[] integration;
    private final long observations;
    private final long lastTimestamp;
    private final long step;
    private final boolean converged;
    private final String message;

    ArimaModel(ArimaOrder order, double[] ar, double[] ma, double[] seasonalAr, double[] seasonalMa, double mean,
            double sigma2, ArimaMath.StateSpace ss, double[] tail, long observations, long lastTimestamp,
            long step, boolean converged, String message) {
        this.order = order;
        this.ar = ar;
        this.ma = ma;
        this.seasonalAr = seasonalAr;
        this.seasonalMa = seasonalMa;
        this.mean = mean;
        this.sigma2 = sigma2;
        this.ss = ss;
        this.tail = tail;
        this.integration = ArimaMath.integrationWeights(order.d(), order.seasonalD(), order.effectivePeriod());
        this.observations = observations;
        this.lastTimestamp = lastTimestamp;
        this.step = step;
        this.converged = converged;
        this.message = message;
    }

    /**
     * Rebuilds a model from its state record, validating it.
     *
     * @param s the state
     * @return the model
     * @throws IllegalArgumentException when the state is inconsistent
     */
    public static ArimaModel fromState(ArimaState s) {
        Objects.requireNonNull(s, "state");
        ArimaOrder order = new ArimaOrder(s.p(), s.d(), s.q(), s.seasonalP(), s.seasonalD(), s.seasonalQ(),
                s.period(), s.includeMean());
        requireLength("ar", s.ar(), order.p());
        requireLength("ma", s.ma(), order.q());
        requireLength("seasonalAr", s.seasonalAr(), order.seasonalP());
        requireLength("seasonalMa", s.seasonalMa(), order.seasonalQ());
        requireLength("tail", s.tail(), order.differencingLoss());
        if (!(s.sigma2() >= 0) || !Double.isFinite(s.sigma2())) {
            throw new IllegalArgumentException("sigma2 must be finite and >= 0, got " + s.sigma2());
        }
        if (!Double.isFinite(s.mean()) || (!order.includeMean() && s.mean() != 0.0)) {
            throw new IllegalArgumentException("mean must be finite, and 0 without a mean term; got " + s.mean());
        }
        if (s.step() <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + s.step());
        }
        if (s.observations() < 0) {
            throw new IllegalArgumentException("observations must be >= 0, got " + s.observations());
        }
        int sp = order.effectivePeriod();
        double[] arExp = ArimaMath.expand(s.ar(), s.seasonalAr(), Math.max(sp, 1), 1.0);
        double[] maExp = ArimaMath.expand(s.ma(), s.seasonalMa(), Math.max(sp, 1), -1.0);
        if (ArimaMath.minRootModulus(arExp, 1.0) <= 1.0) {
            throw new IllegalArgumentException("the AR coefficients are not stationary");
        }
        ArimaMath.StateSpace ss = new ArimaMath.StateSpace(arExp, maExp);
        requireLength("stateMean", s.stateMean(), ss.r);
        requireLength("stateCovariance", s.stateCovariance(), ss.r * ss.r);
        for (int i = 0; i < ss.r; i++) {
            ss.a[i] = s.stateMean()[i];
            for (int j = 0; j < ss.r; j++) {
                ss.p[i][j] = s.stateCovariance()[i * ss.r + j];
            }
        }
        if (!(ss.p[0][0] > 0)) {
            throw new IllegalArgumentException("the state covariance must have a positive first entry");
        }
        ss.steady = s.steady();
        return new ArimaModel(order, s.ar().clone(), s.ma().clone(), s.seasonalAr().clone(), s.seasonalMa().clone(),
                s.mean(), s.sigma2(), ss, s.tail().clone(), s.observations(), s.lastTimestamp(), s.step(),
                s.converged(), Objects.requireNonNullElse(s.message(), ""));
    }

    private static void requireLength(String name, double[] a, int n) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " values, got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + a[i]);
            }
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** @return the model's orders */
    public ArimaOrder order() {
        return order;
    }

    /** @return a copy of the non-seasonal AR coefficients (phi in {@code 1 - phi_1 B - ...}) */
    public double[] ar() {
        return ar.clone();
    }

    /** @return a copy of the non-seasonal MA coefficients (theta in {@code 1 + theta_1 B + ...}) */
    public double[] ma() {
        return ma.clone();
    }

    /** @return a copy of the seasonal AR coefficients */
    public double[] seasonalAr() {
        return seasonalAr.clone();
    }

    /** @return a copy of the seasonal MA coefficients */
    public double[] seasonalMa() {
        return seasonalMa.clone();
    }

    /** @return the mean (or drift) of the differenced series; 0 without a mean term */
    public double mean() {
        return mean;
    }

    /** @return the innovation variance */
    public double sigma2() {
        return sigma2;
    }

    /** @return how many observations the model has seen (training plus updates) */
    public long observations() {
        return observations;
    }

    /** @return epoch milliseconds of the last observation */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** @return milliseconds between observations */
    public long step() {
        return step;
    }

    /** @return whether the optimiser converged when this model was fitted; see {@link #convergenceMessage()} */
    public boolean converged() {
        return converged;
    }

    /** @return the optimiser's closing message from the fit, e.g. why it did not converge */
    public String convergenceMessage() {
        return message;
    }

    /** @return the one-step-ahead point forecast of the next observation */
    public double nextMean() {
        double y = mean + ss.predictedMean();
        int m = integration.length;
        for (int k = 1; k <= m; k++) {
            y += integration[k - 1] * tail[m - k];
        }
        return y;
    }

    /** @return the standard deviation of the one-step-ahead forecast error */
    public double nextStandardDeviation() {
        return Math.sqrt(sigma2 * ss.predictedVariance());
    }

    /**
     * Takes one more observation into the model: one Kalman filter step with the estimated coefficients, no
     * refitting.
     *
     * @param timestamp epoch milliseconds, after {@link #lastTimestamp()}
     * @param value the observation, finite
     * @return the model positioned after the observation
     * @throws IllegalArgumentException when the value is not finite or the timestamp is not later
     */
    public ArimaModel update(long timestamp, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        if (timestamp <= lastTimestamp) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is not after the last observation's "
                    + lastTimestamp);
        }
        int m = integration.length;
        double w = value;
        for (int k = 1; k <= m; k++) {
            w -= integration[k - 1] * tail[m - k];
        }
        ArimaMath.StateSpace next = new ArimaMath.StateSpace(ss);
        if (sigma2 > 0) {
            next.step(w - mean, null);
        }
        double[] newTail = new double[m];
        if (m > 0) {
            System.arraycopy(tail, 1, newTail, 0, m - 1);
            newTail[m - 1] = value;
        }
        return new ArimaModel(order, ar, ma, seasonalAr, seasonalMa, mean, sigma2, next, newTail, observations + 1,
                timestamp, step, converged, message);
    }

    @Override
    public Forecast forecast(int horizon, double level) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int h = horizon;
        int r = ss.r;
        double[] phi = ss.phi;
        // point forecasts of the ARMA part, and the joint covariance of its forecast errors:
        // Cov(x_{n+j}, x_{n+i}) = e1' T^{j-i} P_{n+i} e1 for i <= j
        double[] a = ss.a.clone();
        double[][] p = new double[r][];
        for (int i = 0; i < r; i++) {
            p[i] = ss.p[i].clone();
        }
        double[] xhat = new double[h];
        double[][] cov = new double[h][h];
        double[] u = new double[r];
        double[] un = new double[r];
        double[][] tm = new double[r][r];
        for (int i = 0; i < h; i++) {
            xhat[i] = a[0];
            double a0 = a[0];
            for (int k = 0; k < r; k++) {
                a[k] = phi[k] * a0 + (k + 1 < r ? a[k + 1] : 0.0);
            }
            for (int k = 0; k < r; k++) {
                u[k] = p[k][0];
            }
            for (int j = i; j < h; j++) {
                cov[j][i] = u[0];
                cov[i][j] = u[0];
                double u0 = u[0];
                for (int k = 0; k < r; k++) {
                    un[k] = phi[k] * u0 + (k + 1 < r ? u[k + 1] : 0.0);
                }
                System.arraycopy(un, 0, u, 0, r);
            }
            // P <- T P T' + R R'
            for (int k = 0; k < r; k++) {
                for (int l = 0; l < r; l++) {
                    tm[k][l] = phi[k] * p[0][l] + (k + 1 < r ? p[k + 1][l] : 0.0);
                }
            }
            for (int k = 0; k < r; k++) {
                for (int l = 0; l < r; l++) {
                    p[k][l] = phi[l] * tm[k][0] + (l + 1 < r ? tm[k][l + 1] : 0.0) + ss.rvec[k] * ss.rvec[l];
                }
            }
        }
        // undo the differencing: y_{n+j} = w_{n+j} + sum_k c_k y_{n+j-k}; errors follow the same recursion
        int m = integration.length;
        double[] yhat = new double[h];
        double[][] lmat = new double[h][h];
        for (int j = 0; j < h; j++) {
            double y = mean + xhat[j];
            lmat[j][j] = 1.0;
            for (int k = 1; k <= m; k++) {
                int idx = j - k;
                double prev = idx >= 0 ? yhat[idx] : tail[m + idx];
                y += integration[k - 1] * prev;
                if (idx >= 0 && integration[k - 1] != 0.0) {
                    for (int c = 0; c <= idx; c++) {
                        lmat[j][c] += integration[k - 1] * lmat[idx][c];
                    }
                }
            }
            yhat[j] = y;
        }
        double z = new NormalDistribution(null, 0.0, 1.0).inverseCumulativeProbability(0.5 + level / 2.0);
        double[] lower = new double[h];
        double[] upper = new double[h];
        long[] ts = new long[h];
        for (int j = 0; j < h; j++) {
            double var = 0;
            for (int i = 0; i <= j; i++) {
                double li = lmat[j][i];
                if (li == 0.0) {
                    continue;
                }
                for (int k = 0; k <= j; k++) {
                    var += li * cov[i][k] * lmat[j][k];
                }
            }
            double sd = Math.sqrt(Math.max(0.0, var * sigma2));
            lower[j] = yhat[j] - z * sd;
            upper[j] = yhat[j] + z * sd;
            ts[j] = lastTimestamp + (j + 1) * step;
        }
        return new Forecast(ts, yhat, lower, upper, level);
    }

    @Override
    public ArimaState state() {
        int r = ss.r;
        double[] cov = new double[r * r];
        for (int i = 0; i < r; i++) {
            System.arraycopy(ss.p[i], 0, cov, i * r, r);
        }
        return new ArimaState(order.p(), order.d(), order.q(), order.seasonalP(), order.seasonalD(),
                order.seasonalQ(), order.period(), order.includeMean(), ar.clone(), ma.clone(), seasonalAr.clone(),
                seasonalMa.clone(), mean, sigma2, ss.a.clone(), cov, ss.steady, tail.clone(), observations,
                lastTimestamp, step, converged, message);
    }

    @Override
    public String toString() {
        return order + " ar=" + Arrays.toString(ar) + " ma=" + Arrays.toString(ma) + " sar="
                + Arrays.toString(seasonalAr) + " sma=" + Arrays.toString(seasonalMa) + " mean=" + mean + " sigma2="
                + sigma2;
    }
}
