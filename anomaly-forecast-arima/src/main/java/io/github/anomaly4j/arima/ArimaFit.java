package io.github.anomaly4j.arima;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The result of fitting one ARIMA model: the model, its estimates and fit statistics, the optimiser's outcome and
 * residual diagnostics.
 *
 * <p>Information criteria count the innovation variance as a parameter and use the number of observations after
 * differencing, {@code n = N - d - D s}, as R's {@code arima} and statsmodels do: {@code AIC = -2 logL + 2k},
 * {@code AICc = AIC + 2k(k+1)/(n-k-1)}, {@code BIC = -2 logL + k ln n}.
 */
public final class ArimaFit {

    private final ArimaModel model;
    private final double logLikelihood;
    private final int nobs;
    private final boolean converged;
    private final String message;
    private final int iterations;
    private final double[] residuals;
    private final Supplier<double[]> standardErrorSource;
    private volatile double[] standardErrors;

    ArimaFit(ArimaModel model, double logLikelihood, int nobs, boolean converged, String message, int iterations,
            double[] residuals, Supplier<double[]> standardErrorSource) {
        this.model = model;
        this.logLikelihood = logLikelihood;
        this.nobs = nobs;
        this.converged = converged;
        this.message = message;
        this.iterations = iterations;
        this.residuals = residuals;
        this.standardErrorSource = standardErrorSource;
    }

    /** @return the fitted model, positioned after the last training observation */
    public ArimaModel model() {
        return model;
    }

    /** @return the orders */
    public ArimaOrder order() {
        return model.order();
    }

    /** @return the maximised exact Gaussian log-likelihood */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the number of observations in the likelihood, after differencing */
    public int nobs() {
        return nobs;
    }

    /** @return the number of estimated parameters, the innovation variance included */
    public int parameterCount() {
        return order().coefficientCount() + 1;
    }

    /** @return Akaike's information criterion */
    public double aic() {
        return -2 * logLikelihood + 2 * parameterCount();
    }

    /** @return AIC with the small-sample correction; infinite when {@code n <= k + 1} */
    public double aicc() {
        int k = parameterCount();
        return nobs - k - 1 > 0 ? aic() + 2.0 * k * (k + 1) / (nobs - k - 1) : Double.POSITIVE_INFINITY;
    }

    /** @return the Bayesian information criterion */
    public double bic() {
        return -2 * logLikelihood + parameterCount() * Math.log(nobs);
    }

    /** @return the innovation variance (maximum likelihood estimate) */
    public double sigma2() {
        return model.sigma2();
    }

    /** @return whether the optimiser converged */
    public boolean converged() {
        return converged;
    }

    /** @return the optimiser's closing message */
    public String message() {
        return message;
    }

    /** @return optimiser iterations used */
    public int iterations() {
        return iterations;
    }

    /**
     * The parameter names in statsmodels' spelling: {@code ar.L1.., ma.L1.., ar.S.L12.., ma.S.L12..}, then
     * {@code mean} or {@code drift}, then {@code sigma2}.
     *
     * @return the names, in the order of {@link #parameters()}
     */
    public List<String> parameterNames() {
        ArimaOrder o = order();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= o.p(); i++) {
            names.add("ar.L" + i);
        }
        for (int i = 1; i <= o.q(); i++) {
            names.add("ma.L" + i);
        }
        for (int i = 1; i <= o.seasonalP(); i++) {
            names.add("ar.S.L" + i * o.period());
        }
        for (int i = 1; i <= o.seasonalQ(); i++) {
            names.add("ma.S.L" + i * o.period());
        }
        if (o.includeMean()) {
            names.add(o.d() + o.seasonalD() == 0 ? "mean" : "drift");
        }
        names.add("sigma2");
        return Collections.unmodifiableList(names);
    }

    /** @return the estimates in the order of {@link #parameterNames()} */
    public double[] parameters() {
        ArimaModel m = model;
        double[] out = new double[parameterCount()];
        int i = 0;
        for (double v : m.ar()) {
            out[i++] = v;
        }
        for (double v : m.ma()) {
            out[i++] = v;
        }
        for (double v : m.seasonalAr()) {
            out[i++] = v;
        }
        for (double v : m.seasonalMa()) {
            out[i++] = v;
        }
        if (order().includeMean()) {
            out[i++] = m.mean();
        }
        out[i] = m.sigma2();
        return out;
    }

    /** @return the estimates by name, in order */
    public Map<String, Double> parameterMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        List<String> names = parameterNames();
        double[] v = parameters();
        for (int i = 0; i < v.length; i++) {
            map.put(names.get(i), v[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Standard errors from the inverse of the numerically differentiated Hessian of the log-likelihood at the
     * estimates (the innovation variance's is {@code sigma2 sqrt(2 / n)}), computed on first call. An entry is NaN
     * when the Hessian is not negative definite there (e.g. an estimate on the invertibility boundary).
     *
     * @return one per entry of {@link #parameters()}
     */
    public double[] standardErrors() {
        double[] se = standardErrors;
        if (se == null) {
            se = standardErrorSource.get();
            standardErrors = se;
        }
        return se.clone();
    }

    /** @return a copy of the one-step-ahead innovations of the differenced series (the residuals) */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * Ljung-Box test on the residuals, with the ARMA coefficients subtracted from the degrees of freedom.
     *
     * @param lags the number of autocorrelations, e.g. 10 or {@code 2 s}
     * @return the test
     */
    public LjungBox ljungBox(int lags) {
        ArimaOrder o = order();
        return LjungBox.test(residuals, lags, o.p() + o.q() + o.seasonalP() + o.seasonalQ());
    }

    @Override
    public String toString() {
        return order() + " " + parameterMap() + String.format(java.util.Locale.ROOT,
                " logLik=%.4f AIC=%.4f AICc=%.4f BIC=%.4f%s", logLikelihood, aic(), aicc(), bic(),
                converged ? "" : " (not converged: " + message + ")");
    }
}
