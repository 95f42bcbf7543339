package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.arima.Arima;
import io.github.anomaly4j.arima.ArimaFit;
import io.github.anomaly4j.arima.ArimaModel;
import io.github.anomaly4j.arima.ArimaOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ARIMA speed: {@code fit} estimates ARIMA(2,1,2) by exact maximum likelihood (CSS start, BFGS) on a 10 000-point
 * ARIMA(1,1,1) series generated from a fixed seed (statsmodels 0.13.5 takes about 0.7 s for the same job on this
 * machine); {@code forecastOneStep} takes one new observation into the fitted model (one Kalman filter step) and
 * reads its one-step forecast and standard deviation.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class ArimaBenchmark {

    /** Points in the generated series. */
    static final int N = 10_000;

    private double[] series;
    private ArimaModel fitted;
    private ArimaModel model;
    private double[] live;
    private int next;

    /** Generates the series (phi 0.6, theta -0.3, seed 42) and fits the model the one-step benchmark uses. */
    @Setup(Level.Trial)
    public void setUp() {
        series = generate(N, 42L);
        fitted = Arima.fit(series, ArimaOrder.of(2, 1, 2)).model();
        model = fitted;
        live = generate(4096, 43L);
        next = 0;
    }

    static double[] generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        double x = 0;
        double ePrev = 0;
        double level = 100;
        for (int t = 0; t < n; t++) {
            double e = rnd.nextGaussian();
            x = 0.6 * x + e - 0.3 * ePrev;
            ePrev = e;
            level += x;
            y[t] = level;
        }
        return y;
    }

    /**
     * Fits ARIMA(2,1,2) to the 10 000 points.
     *
     * @return the fit, so the JIT cannot drop it
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ArimaFit fit() {
        return Arima.fit(series, ArimaOrder.of(2, 1, 2));
    }

    /**
     * One streaming step: update with a new observation, then the one-step forecast and its standard deviation.
     *
     * @return the forecast plus its standard deviation
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double forecastOneStep() {
        int i = next++ & 4095;
        if (i == 0) {
            model = fitted; // start again from the fitted model every 4096 steps
        }
        double value = model.nextMean() + (live[i] - live[(i + 4095) & 4095]);
        model = model.update(model.lastTimestamp() + 1, value);
        return model.nextMean() + model.nextStandardDeviation();
    }
}
