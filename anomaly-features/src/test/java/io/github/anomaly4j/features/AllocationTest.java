package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.tck.AllocationCounter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-reading path allocates nothing: every transform's stream and a pipeline's run, counted in bytes by the
 * JVM for this thread ({@link AllocationCounter}: the least over rounds, so the code at its best, as a warmed-up
 * service runs it; with {@code -Xint} it is zero too). This backs the 0 B/op target of
 * {@code FeatureTransformBenchmark}, where {@code -prof gc} shows a few thousandths of a byte per operation of
 * JMH's own. (A gap that resets a pipeline
 * opens its transforms afresh, which allocates their state: a rare event, not part of the per-reading path.)
 */
class AllocationTest {
    /** Readings per round. */
    private static final int READINGS = 5_000;
    /**
     * At most this many rounds over one stream, the least count of a round kept
     * ({@link AllocationCounter#leastOf}): what happens once (loading a class, a calendar stream's first reading)
     * does not count, what happens per reading, or even once in a few thousand readings, does.
     */
    private static final int ROUNDS = 20;
    private static final long MINUTE = 60_000L;

    /** A noisy daily cycle with a drift, so rolling quantiles refill their slices now and then. */
    private static double[] series(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 100.0 + 0.01 * i + 10.0 * Math.sin(2 * Math.PI * i / 1440.0) + random.nextGaussian();
        }
        return v;
    }

    /** Every transform, scalers fitted on {@code width} columns of training data. */
    private static Map<String, FeatureTransform> everyTransform(int width) {
        double[][] columns = new double[width][];
        for (int c = 0; c < width; c++) {
            columns[c] = series(2_000, 3 + c);
        }
        long[] t = new long[columns[0].length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * MINUTE;
        }
        TimeSeries training = width == 1 ? TimeSeries.of(t, columns[0])
                : TimeSeries.of(t, List.of("a", "b"), columns);
        ZoneId paris = ZoneId.of("Europe/Paris");
        Map<String, FeatureTransform> all = new LinkedHashMap<>();
        for (FeatureTransform f : List.of(Features.lag(1), Features.diff(1, 24), Features.rollingMean(60),
                Features.rollingVariance(60), Features.rollingStd(60), Features.rollingMin(60),
                Features.rollingMax(60), Features.rollingMedian(60), Features.rollingQuantile(60, 0.9),
                Features.rollingZScore(60), Features.ewma(0.1), Features.ewVariance(0.1),
                Features.rollingAutocorrelation(60, 1), Features.rateOfChange(1), Features.hourOfDay(paris),
                Features.dayOfWeek(paris), Features.dayCycle(paris), Features.weekCycle(paris),
                Features.standardScaler().fit(training), Features.minMaxScaler().fit(training),
                Features.robustScaler().fit(training))) {
            all.put(f.spec().id(), f);
        }
        return all;
    }

    /**
     * One column (the transform's own kernel) and two (the stream over columns, whose second column misses a
     * value now and then, so the columns' states drift apart).
     */
    @ParameterizedTest(name = "{0} column(s)")
    @ValueSource(ints = {1, 2})
    void everyTransformsStreamAllocatesNothingPerReading(int width) {
        AllocationCounter counter = new AllocationCounter();
        Map<String, FeatureTransform> all = everyTransform(width);
        assertThat(new TreeSet<>(all.keySet())).as("every registered transform is measured")
                .isEqualTo(new TreeSet<>(Features.ids()));
        double[] v = series(READINGS, 5);
        double[] w = series(READINGS, 6);
        double[] in = new double[width];
        List<String> allocating = new ArrayList<>();
        for (Map.Entry<String, FeatureTransform> e : all.entrySet()) {
            FeatureStream s = e.getValue().open(width);
            double[] out = new double[s.outputWidth()];
            long[] time = {1_700_000_000_000L};
            long bytes = counter.leastOf(ROUNDS, () -> {
                for (int i = 0; i < READINGS; i++) {
                    in[0] = v[i];
                    if (width > 1) {
                        in[1] = i % 89 == 0 ? Double.NaN : w[i];
                    }
                    s.apply(time[0] += MINUTE, in, out);
                }
            });
            if (bytes != 0) {
                allocating.add(e.getKey() + ": " + bytes + " bytes");
            }
            assertThat(out[0]).as(e.getKey()).isFinite();
        }
        assertThat(allocating).as("least bytes allocated over " + READINGS + " readings").isEmpty();
    }

    @Test
    void aPipelineRunAllocatesNothingPerReadingWithMissingValues() {
        AllocationCounter counter = new AllocationCounter();
        for (NanPolicy policy : NanPolicy.values()) {
            FeaturePipeline pipeline = FeaturePipeline.builder("a", "b")
                    .add(Features.rollingMean(60), "a").add(Features.rollingStd(60), "a")
                    .add(Features.rollingMin(60), "b").add(Features.rollingMax(60), "b")
                    .add(Features.rollingMedian(60), "a").add(Features.diff(1), "b")
                    .add(Features.ewma(0.1), "a").add(Features.rollingZScore(60), "b")
                    .add(Features.dayCycle(ZoneId.of("Europe/Paris")), "a")
                    .add(Features.rateOfChange(1)) // both columns: the stream over columns
                    .nanPolicy(policy)
                    .build();
            FeaturePipeline.Run run = pipeline.open();
            double[] a = series(ROUNDS * READINGS, 7);
            double[] b = series(ROUNDS * READINGS, 8); // enough for every round, though most runs stop at the second
            double[] in = new double[2];
            double[] out = new double[pipeline.width()];
            boolean[] mask = new boolean[out.length];
            long[] time = {1_700_000_000_000L};
            int[] next = {0};
            long bytes = counter.leastOf(ROUNDS, () -> {
                for (int end = next[0] + READINGS; next[0] < end; next[0]++) {
                    int i = next[0];
                    in[0] = i % 97 == 0 ? Double.NaN : a[i];
                    in[1] = i % 89 == 0 ? Double.NaN : b[i];
                    time[0] += MINUTE;
                    if ((i & 1) == 0) {
                        run.apply(time[0], in, out);
                    } else {
                        run.apply(time[0], in, out, mask);
                    }
                }
            });
            assertThat(bytes).as("bytes allocated over %d readings, %s", READINGS, policy).isZero();
        }
    }
}
