package io.github.anomaly4j.arima;

/**
 * The orders of a seasonal ARIMA model, ARIMA(p,d,q)(P,D,Q)[s], and whether it has a mean term.
 *
 * <p>The mean term is the mean of the differenced series: with {@code d + D = 0} it is the process mean (what
 * statsmodels calls {@code const} with trend {@code "c"}, and R an intercept); with {@code d + D = 1} it is a drift
 * (statsmodels' trend {@code "t"}, R's {@code include.drift}); it is not allowed with {@code d + D > 1}.
 *
 * @param p non-seasonal autoregressive order
 * @param d non-seasonal differences
 * @param q non-seasonal moving-average order
 * @param seasonalP seasonal autoregressive order
 * @param seasonalD seasonal differences
 * @param seasonalQ seasonal moving-average order
 * @param period the seasonal period s; 0 or 1 when there is no seasonal part
 * @param includeMean whether the differenced series has a (estimated) non-zero mean
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period,
        boolean includeMean) {

    /**
     * Validates the orders.
     *
     * @param p non-seasonal autoregressive order, 0 to 20
     * @param d non-seasonal differences, 0 to 2
     * @param q non-seasonal moving-average order, 0 to 20
     * @param seasonalP seasonal autoregressive order, 0 to 5
     * @param seasonalD seasonal differences, 0 to 1
     * @param seasonalQ seasonal moving-average order, 0 to 5
     * @param period the seasonal period; must be at least 2 when any seasonal order is positive
     * @param includeMean whether to estimate a mean (or drift) of the differenced series
     * @throws IllegalArgumentException when an order is out of range
     */
    public ArimaOrder {
        check("p", p, 0, 20);
        check("d", d, 0, 2);
        check("q", q, 0, 20);
        check("seasonalP", seasonalP, 0, 5);
        check("seasonalD", seasonalD, 0, 1);
        check("seasonalQ", seasonalQ, 0, 5);
        if (period < 0) {
            throw new IllegalArgumentException("period must be >= 0, got " + period);
        }
        if ((seasonalP > 0 || seasonalD > 0 || seasonalQ > 0) && period < 2) {
            throw new IllegalArgumentException("a seasonal part (P, D, Q) = (" + seasonalP + ", " + seasonalD + ", "
                    + seasonalQ + ") needs a period of at least 2, got " + period);
        }
        if (includeMean && d + seasonalD > 1) {
            throw new IllegalArgumentException("a mean/drift term needs d + D <= 1, got d = " + d + ", D = "
                    + seasonalD);
        }
    }

    /**
     * A non-seasonal ARIMA(p,d,q) without a mean term.
     *
     * @param p autoregressive order
     * @param d differences
     * @param q moving-average order
     * @return the order
     */
    public static ArimaOrder of(int p, int d, int q) {
        return new ArimaOrder(p, d, q, 0, 0, 0, 0, false);
    }

    /**
     * A seasonal ARIMA(p,d,q)(P,D,Q)[s] without a mean term.
     *
     * @param p autoregressive order
     * @param d differences
     * @param q moving-average order
     * @param seasonalP seasonal autoregressive order
     * @param seasonalD seasonal differences
     * @param seasonalQ seasonal moving-average order
     * @param period the seasonal period
     * @return the order
     */
    public static ArimaOrder of(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period) {
        return new ArimaOrder(p, d, q, seasonalP, seasonalD, seasonalQ, period, false);
    }

    /**
     * @param mean whether to estimate a mean (d + D = 0) or drift (d + D = 1)
     * @return this order with the mean term switched on or off
     */
    public ArimaOrder withMean(boolean mean) {
        return new ArimaOrder(p, d, q, seasonalP, seasonalD, seasonalQ, period, mean);
    }

    /** @return the seasonal period that applies: {@link #period()} if there is a seasonal part, else 0 */
    public int effectivePeriod() {
        return seasonalP + seasonalD + seasonalQ > 0 ? period : 0;
    }

    /** @return the number of observations lost to differencing, {@code d + D * s} */
    public int differencingLoss() {
        return d + seasonalD * effectivePeriod();
    }

    /** @return the number of ARMA coefficients plus the mean term, excluding the innovation variance */
    public int coefficientCount() {
        return p + q + seasonalP + seasonalQ + (includeMean ? 1 : 0);
    }

    /** @return R's notation, e.g. {@code ARIMA(2,1,1)(0,1,0)[12]} or {@code ARIMA(1,0,0) with mean} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ARIMA(").append(p).append(',').append(d).append(',').append(q)
                .append(')');
        if (effectivePeriod() > 0) {
            b.append('(').append(seasonalP).append(',').append(seasonalD).append(',').append(seasonalQ)
                    .append(")[").append(period).append(']');
        }
        if (includeMean) {
            b.append(d + seasonalD == 0 ? " with mean" : " with drift");
        }
        return b.toString();
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
