package io.github.anomaly4j.arima;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code arima} forecaster: fits an ARIMA model of given orders, or chooses the orders with {@link AutoArima},
 * to one column of a regularly spaced series. Immutable.
 *
 * <p>The series must be regularly spaced (every step between timestamps equal) and complete (no NaN or
 * infinities); it must hold at least {@link #minimumLength()} readings. Non-convergence does not throw: it is
 * reported by {@link ArimaModel#converged()} and {@link ArimaModel#convergenceMessage()}.
 */
public final class ArimaForecaster implements Forecaster {

    private final ArimaOrder order;
    private final int period;
    private final int maxIterations;

    private ArimaForecaster(ArimaOrder order, int period, int maxIterations) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.order = order;
        this.period = period;
        this.maxIterations = maxIterations;
    }

    /**
     * A forecaster with fixed orders.
     *
     * @param order the orders
     * @return the forecaster
     */
    public static ArimaForecaster of(ArimaOrder order) {
        Objects.requireNonNull(order, "order");
        return new ArimaForecaster(order, Math.max(1, order.effectivePeriod()), Arima.DEFAULT_MAX_ITERATIONS);
    }

    /**
     * A forecaster that selects the orders with {@link AutoArima#of(int)}.
     *
     * @param period the seasonal period in readings; 1 for none
     * @return the forecaster
     */
    public static ArimaForecaster auto(int period) {
        return new ArimaForecaster(null, period, Arima.DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param iterations BFGS iterations allowed per estimation stage, at least 1
     * @return a copy with that limit
     */
    public ArimaForecaster withMaxIterations(int iterations) {
        return new ArimaForecaster(order, period, iterations);
    }

    static ArimaForecaster fromSettings(Settings s) {
        ArimaOrder o = ArimaSettings.order(s);
        return new ArimaForecaster(o, s.get(ArimaSettings.PERIOD), s.get(ArimaSettings.MAX_ITERATIONS));
    }

    @Override
    public String id() {
        return ArimaModel.TYPE;
    }

    @Override
    public Spec spec() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(ArimaSettings.AUTO.name(), order == null);
        v.put(ArimaSettings.PERIOD.name(), period);
        ArimaOrder o = order == null ? ArimaOrder.of(1, 0, 0) : order;
        v.put(ArimaSettings.P.name(), o.p());
        v.put(ArimaSettings.D.name(), o.d());
        v.put(ArimaSettings.Q.name(), o.q());
        v.put(ArimaSettings.SEASONAL_P.name(), o.seasonalP());
        v.put(ArimaSettings.SEASONAL_D.name(), o.seasonalD());
        v.put(ArimaSettings.SEASONAL_Q.name(), o.seasonalQ());
        v.put(ArimaSettings.MEAN.name(), o.includeMean());
        v.put(ArimaSettings.MAX_ITERATIONS.name(), maxIterations);
        return Spec.of(id(), v);
    }

    /** @return the shortest series {@link #fit} accepts */
    public int minimumLength() {
        return order == null ? 3 : Arima.minimumLength(order);
    }

    @Override
    public ArimaModel fit(TimeSeries series, String column) {
        return fitDetailed(series, column).model();
    }

    /**
     * Fits and returns the full result: estimates, standard errors, information criteria, residual diagnostics.
     *
     * @param series regularly spaced readings
     * @param column the column to model
     * @return the fit (for auto-ARIMA, the selected model's)
     * @throws IllegalArgumentException when the series is too short (naming the minimum length), irregular, or not
     *     finite
     */
    public ArimaFit fitDetailed(TimeSeries series, String column) {
        Objects.requireNonNull(series, "series");
        double[] y = series.column(column);
        int n = y.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("column '" + column + "' row " + i + " is not finite (" + y[i]
                        + "); ARIMA needs a complete series without NaN or infinities");
            }
        }
        if (n < minimumLength()) {
            throw new IllegalArgumentException("ARIMA " + (order == null ? "(auto)" : order.toString())
                    + " needs at least " + minimumLength() + " readings, got " + n);
        }
        long step = n > 1 ? series.timestamp(1) - series.timestamp(0) : 1L;
        for (int i = 2; i < n; i++) {
            long s = series.timestamp(i) - series.timestamp(i - 1);
            if (s != step) {
                throw new IllegalArgumentException("ARIMA needs regularly spaced readings: the step before row " + i
                        + " is " + s + " ms, the first step is " + step + " ms");
            }
        }
        long last = series.timestamp(n - 1);
        if (order != null) {
            return Arima.fit(y, order, last, step, maxIterations);
        }
        return AutoArima.of(period).withMaxIterations(maxIterations).fit(y, last, step).best();
    }

    @Override
    public String toString() {
        return "ArimaForecaster[" + (order == null ? "auto, period " + period : order) + "]";
    }
}
