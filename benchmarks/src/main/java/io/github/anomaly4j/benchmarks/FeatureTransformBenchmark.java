package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.features.FeaturePipeline;
import io.github.anomaly4j.features.Features;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one update of each feature transform of {@code anomaly-features} on one column, and of an 8-feature
 * {@link FeaturePipeline} on one column ({@code pipeline8}). Rolling windows are 60 readings.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be 0 B/op for every method (no allocation per
 * reading). Values come round-robin from a ring of {@value #RING} pre-generated readings (a level, a daily cycle
 * and Gaussian noise from a fixed seed), so the JIT cannot fold the result and the data stay in cache; timestamps
 * advance one minute per reading.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class FeatureTransformBenchmark {
    static final int RING = 4096;
    static final int WINDOW = 60;
    static final long SEED = 42L;

    private final double[] data = new double[RING];
    private final double[] in = new double[1];
    private final double[] out = new double[16];
    private int index;
    private long time = 1_700_000_000_000L;

    private FeatureStream lag;
    private FeatureStream diff;
    private FeatureStream seasonalDiff;
    private FeatureStream rollingMean;
    private FeatureStream rollingVariance;
    private FeatureStream rollingStd;
    private FeatureStream rollingMin;
    private FeatureStream rollingMax;
    private FeatureStream rollingMedian;
    private FeatureStream rollingQuantile;
    private FeatureStream rollingZScore;
    private FeatureStream ewma;
    private FeatureStream ewVariance;
    private FeatureStream rollingAutocorrelation;
    private FeatureStream rateOfChange;
    private FeatureStream hourOfDay;
    private FeatureStream dayOfWeek;
    private FeatureStream dayCycle;
    private FeatureStream weekCycle;
    private FeatureStream standardScaler;
    private FeatureStream minMaxScaler;
    private FeatureStream robustScaler;
    private FeaturePipeline.Run pipeline8;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        long[] t = new long[RING];
        for (int i = 0; i < RING; i++) {
            data[i] = 100.0 + 10.0 * Math.sin(2 * Math.PI * i / 1440.0) + rnd.nextGaussian();
            t[i] = time + 60_000L * i;
        }
        TimeSeries training = TimeSeries.of(t, data);
        ZoneId paris = ZoneId.of("Europe/Paris");
        lag = warm(Features.lag(1));
        diff = warm(Features.diff(1));
        seasonalDiff = warm(Features.diff(1, 24));
        rollingMean = warm(Features.rollingMean(WINDOW));
        rollingVariance = warm(Features.rollingVariance(WINDOW));
        rollingStd = warm(Features.rollingStd(WINDOW));
        rollingMin = warm(Features.rollingMin(WINDOW));
        rollingMax = warm(Features.rollingMax(WINDOW));
        rollingMedian = warm(Features.rollingMedian(WINDOW));
        rollingQuantile = warm(Features.rollingQuantile(WINDOW, 0.9));
        rollingZScore = warm(Features.rollingZScore(WINDOW));
        ewma = warm(Features.ewma(0.1));
        ewVariance = warm(Features.ewVariance(0.1));
        rollingAutocorrelation = warm(Features.rollingAutocorrelation(WINDOW, 1));
        rateOfChange = warm(Features.rateOfChange(1));
        hourOfDay = warm(Features.hourOfDay(paris));
        dayOfWeek = warm(Features.dayOfWeek(paris));
        dayCycle = warm(Features.dayCycle(paris));
        weekCycle = warm(Features.weekCycle(paris));
        standardScaler = warm(Features.standardScaler().fit(training));
        minMaxScaler = warm(Features.minMaxScaler().fit(training));
        robustScaler = warm(Features.robustScaler().fit(training));
        pipeline8 = FeaturePipeline.builder("value")
                .add(Features.rollingMean(WINDOW)).add(Features.rollingStd(WINDOW))
                .add(Features.rollingMin(WINDOW)).add(Features.rollingMax(WINDOW))
                .add(Features.rollingMedian(WINDOW)).add(Features.diff(1))
                .add(Features.ewma(0.1)).add(Features.rollingZScore(WINDOW))
                .build().open();
        for (int i = 0; i < RING; i++) {
            in[0] = data[i];
            pipeline8.apply(nextTime(), in, out);
        }
    }

    private FeatureStream warm(FeatureTransform t) {
        FeatureStream s = t.open(1);
        long ts = time;
        for (int i = 0; i < RING; i++) {
            in[0] = data[i];
            s.apply(ts, in, out);
            ts += 60_000L;
        }
        return s;
    }

    private long nextTime() {
        return time += 60_000L;
    }

    private double step(FeatureStream s) {
        in[0] = data[index++ & (RING - 1)];
        s.apply(nextTime(), in, out);
        return out[0];
    }

    @Benchmark
    public double lag() {
        return step(lag);
    }

    @Benchmark
    public double diff() {
        return step(diff);
    }

    @Benchmark
    public double seasonalDiff() {
        return step(seasonalDiff);
    }

    @Benchmark
    public double rollingMean() {
        return step(rollingMean);
    }

    @Benchmark
    public double rollingVariance() {
        return step(rollingVariance);
    }

    @Benchmark
    public double rollingStd() {
        return step(rollingStd);
    }

    @Benchmark
    public double rollingMin() {
        return step(rollingMin);
    }

    @Benchmark
    public double rollingMax() {
        return step(rollingMax);
    }

    @Benchmark
    public double rollingMedian() {
        return step(rollingMedian);
    }

    @Benchmark
    public double rollingQuantile() {
        return step(rollingQuantile);
    }

    @Benchmark
    public double rollingZScore() {
        return step(rollingZScore);
    }

    @Benchmark
    public double ewma() {
        return step(ewma);
    }

    @Benchmark
    public double ewVariance() {
        return step(ewVariance);
    }

    @Benchmark
    public double rollingAutocorrelation() {
        return step(rollingAutocorrelation);
    }

    @Benchmark
    public double rateOfChange() {
        return step(rateOfChange);
    }

    @Benchmark
    public double hourOfDay() {
        return step(hourOfDay);
    }

    @Benchmark
    public double dayOfWeek() {
        return step(dayOfWeek);
    }

    @Benchmark
    public double dayCycle() {
        return step(dayCycle);
    }

    @Benchmark
    public double weekCycle() {
        return step(weekCycle);
    }

    @Benchmark
    public double standardScaler() {
        return step(standardScaler);
    }

    @Benchmark
    public double minMaxScaler() {
        return step(minMaxScaler);
    }

    @Benchmark
    public double robustScaler() {
        return step(robustScaler);
    }

    @Benchmark
    public double pipeline8() {
        in[0] = data[index++ & (RING - 1)];
        pipeline8.apply(nextTime(), in, out);
        return out[0] + out[7];
    }
}
