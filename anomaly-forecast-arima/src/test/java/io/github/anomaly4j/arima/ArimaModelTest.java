package io.github.anomaly4j.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.forecast.Forecast;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArimaModelTest {

    static double[] ar1(int n, double phi, double mean, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        double x = 0;
        for (int t = 0; t < n; t++) {
            x = phi * x + rnd.nextGaussian();
            y[t] = mean + x;
        }
        return y;
    }

    @Test
    void fitForecastAndStreamingUpdate() throws IOException {
        // snippet:begin arima-fit
        double[] passengers = AutoArimaTest.airPassengers();          // 144 monthly values
        ArimaOrder order = ArimaOrder.of(2, 1, 1, 0, 1, 0, 12);       // ARIMA(2,1,1)(0,1,0)[12]
        ArimaFit fit = Arima.fit(passengers, order);
        double logLik = fit.logLikelihood();                          // -504.92
        double aicc = fit.aicc();                                     // 1018.17
        double[] se = fit.standardErrors();                           // ar1, ar2, ma1, sigma2
        LjungBox lb = fit.ljungBox(24);
        Forecast next12 = fit.model().forecast(12, 0.95);             // means and 95 % bounds
        ArimaModel updated = fit.model().update(144, 417.0);          // one Kalman step, no refit
        // snippet:end arima-fit
        assertThat(logLik).isCloseTo(-504.92, within(0.01));
        assertThat(aicc).isCloseTo(1018.17, within(0.01));
        // R: s.e. 0.0888, 0.0880, 0.0292
        assertThat(se[0]).isCloseTo(0.0888, within(0.005));
        assertThat(se[1]).isCloseTo(0.0880, within(0.005));
        assertThat(se[2]).isCloseTo(0.0292, within(0.005));
        assertThat(lb.degreesOfFreedom()).isEqualTo(21);
        assertThat(lb.pValue()).isBetween(0.0, 1.0);
        assertThat(next12.horizon()).isEqualTo(12);
        assertThat(updated.observations()).isEqualTo(145);
        assertThat(updated.forecast(1, 0.95).mean()[0]).isEqualTo(updated.nextMean());
        assertThat(fit.model().forecast(1, 0.95).mean()[0]).isCloseTo(fit.model().nextMean(), within(1e-9));
    }

    @Test
    void oneStepUpdateOfAnAr1FollowsTheRecursion() {
        double[] y = ar1(400, 0.7, 5.0, 1);
        ArimaModel m = Arima.fit(y, ArimaOrder.of(1, 0, 0).withMean(true)).model();
        double phi = m.ar()[0];
        double mu = m.mean();
        ArimaModel u = m.update(400, 9.0).update(401, 3.0);
        assertThat(u.nextMean()).isCloseTo(mu + phi * (3.0 - mu), within(1e-9));
        assertThat(u.nextStandardDeviation()).isCloseTo(Math.sqrt(m.sigma2()), within(1e-9));
        assertThat(phi).isCloseTo(0.7, within(0.08));
        assertThatThrownBy(() -> u.update(401, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after");
        assertThatThrownBy(() -> u.update(402, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updatingWithTheRestOfTheSeriesEqualsFilteringIt() {
        double[] y = ar1(300, 0.5, 0.0, 2);
        for (int t = 1; t < y.length; t++) {
            y[t] += y[t - 1]; // integrate: an ARIMA(1,1,0) series
        }
        ArimaOrder order = ArimaOrder.of(1, 1, 1);
        ArimaFit full = Arima.fit(y, order);
        ArimaModel first = Arima.fit(Arrays.copyOf(y, 200), order).model();
        // the full fit's coefficients, positioned after observation 200 (its filter state from the first fit)
        ArimaState s = first.state();
        ArimaModel m = full.model();
        ArimaState withFullCoefficients = new ArimaState(s.p(), s.d(), s.q(), s.seasonalP(), s.seasonalD(),
                s.seasonalQ(), s.period(), s.includeMean(), m.ar(), m.ma(), m.seasonalAr(), m.seasonalMa(), m.mean(),
                m.sigma2(), s.stateMean(), s.stateCovariance(), false, s.tail(), s.observations(),
                s.lastTimestamp(), s.step(), true, "");
        ArimaModel streamed = ArimaModel.fromState(full.model().state());
        assertThat(streamed.forecast(5, 0.9)).isEqualTo(full.model().forecast(5, 0.9));
        ArimaModel a = ArimaModel.fromState(withFullCoefficients);
        for (int t = 200; t < 300; t++) {
            a = a.update(t, y[t]);
        }
        // after 100 steps the initial-state difference has decayed far below the forecast precision
        assertThat(a.nextMean()).isCloseTo(full.model().nextMean(), within(1e-6));
        assertThat(a.nextStandardDeviation()).isCloseTo(full.model().nextStandardDeviation(), within(1e-6));
    }

    @Test
    void badInputIsRefusedClearly() {
        ArimaOrder order = ArimaOrder.of(2, 1, 1);
        assertThatThrownBy(() -> Arima.fit(new double[5], order)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least " + Arima.minimumLength(order));
        double[] y = ar1(50, 0.5, 0, 3);
        y[10] = Double.NaN;
        assertThatThrownBy(() -> Arima.fit(y, order)).hasMessageContaining("observation 10");
        assertThatThrownBy(() -> new ArimaOrder(1, 3, 0, 0, 0, 0, 0, false)).hasMessageContaining("d must be");
        assertThatThrownBy(() -> ArimaOrder.of(0, 0, 0, 1, 0, 0, 1)).hasMessageContaining("period");
        assertThatThrownBy(() -> ArimaOrder.of(0, 2, 0).withMean(true)).hasMessageContaining("d + D <= 1");
    }

    @Test
    void constantSeriesGivesAnExactFit() {
        double[] y = new double[30];
        Arrays.fill(y, 7.0);
        ArimaFit fit = Arima.fit(y, ArimaOrder.of(1, 0, 1).withMean(true));
        assertThat(fit.sigma2()).isZero();
        Forecast f = fit.model().forecast(3, 0.95);
        assertThat(f.mean()).containsOnly(7.0);
        assertThat(f.lower()).containsOnly(7.0);
    }

    @Test
    void tamperedStateIsRefused() {
        ArimaState s = Arima.fit(ar1(100, 0.5, 0, 4), ArimaOrder.of(1, 0, 0)).model().state();
        ArimaState bad = new ArimaState(s.p(), s.d(), s.q(), s.seasonalP(), s.seasonalD(), s.seasonalQ(), s.period(),
                s.includeMean(), new double[] {1.5}, s.ma(), s.seasonalAr(), s.seasonalMa(), s.mean(), s.sigma2(),
                s.stateMean(), s.stateCovariance(), s.steady(), s.tail(), s.observations(), s.lastTimestamp(),
                s.step(), s.converged(), s.message());
        assertThatThrownBy(() -> ArimaModel.fromState(bad)).hasMessageContaining("not stationary");
        ArimaState shortTail = new ArimaState(s.p(), 1, s.q(), s.seasonalP(), s.seasonalD(), s.seasonalQ(),
                s.period(), s.includeMean(), s.ar(), s.ma(), s.seasonalAr(), s.seasonalMa(), s.mean(), s.sigma2(),
                s.stateMean(), s.stateCovariance(), s.steady(), s.tail(), s.observations(), s.lastTimestamp(),
                s.step(), s.converged(), s.message());
        assertThatThrownBy(() -> ArimaModel.fromState(shortTail)).hasMessageContaining("tail");
    }

    @Test
    void autoArimaReportsFailedCandidates() throws IOException {
        AutoArima.Result r = AutoArima.of(12).fit(AutoArimaTest.airPassengers());
        assertThat(r.failed()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isNotEqualTo(AutoArima.Status.OK);
            assertThat(c.message()).isNotBlank();
        });
        assertThat(r.d()).isEqualTo(1);
        assertThat(r.seasonalD()).isEqualTo(1);
    }
}
