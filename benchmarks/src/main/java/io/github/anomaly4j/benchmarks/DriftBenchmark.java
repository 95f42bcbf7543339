package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.drift.Drift;
import io.github.anomaly4j.drift.DriftEvent;
import io.github.anomaly4j.drift.DriftMonitor;
import io.github.anomaly4j.drift.KolmogorovSmirnovTest;
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
 * Cost of the drift tests and of the drift monitor, in microseconds per operation.
 *
 * <ul>
 *   <li>{@code ks10k}: two-sample Kolmogorov-Smirnov on 10,000 vs 10,000 values with the default (automatic, here
 *       exact) p-value: two sorted copies, a merge, the exact p-value;</li>
 *   <li>{@code ks10kAsymptotic}: the same with the asymptotic p-value;</li>
 *   <li>{@code monitorUpdate}: one reading into a monitor of one feature and the score (windows of 500, KS and PSI
 *       every 100 readings), the check's cost amortised over the readings;</li>
 *   <li>{@code monitorUpdateBetweenChecks}: one reading when no check is due: must be 0 B/op with
 *       {@code -prof gc} (fixed memory, no allocation per reading).</li>
 * </ul>
 * Data: standard normal from fixed {@link SplittableRandom} seeds, generated in {@code @Setup}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DriftBenchmark {
    static final int RING = 4096;

    double[] reference;
    double[] current;
    double[] ring;
    double[] row = new double[1];
    int next;
    KolmogorovSmirnovTest ks = Drift.ks();
    KolmogorovSmirnovTest ksAsymptotic = KolmogorovSmirnovTest.create(0.05, KolmogorovSmirnovTest.Method.ASYMPTOTIC);
    DriftMonitor monitor;
    DriftMonitor quietMonitor;

    static double[] normal(long seed, int n, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = shift + r.nextGaussian();
        }
        return x;
    }

    @Setup
    public void setUp() {
        reference = normal(1, 10_000, 0);
        current = normal(2, 10_000, 0.02);
        ring = normal(3, RING, 0);
        monitor = Drift.monitor().features("value").score("score").tests(Drift.ks(), Drift.psi())
                .referenceWindow(500).currentWindow(500).checkEveryReadings(100)
                .afterDrift(DriftMonitor.AfterDrift.KEEP).build();
        quietMonitor = Drift.monitor().features("value").score("score").referenceWindow(500).currentWindow(500)
                .checkEveryReadings(Integer.MAX_VALUE).afterDrift(DriftMonitor.AfterDrift.KEEP).build();
        for (int i = 0; i < 2000; i++) {
            row[0] = ring[i];
            monitor.update(row, Math.abs(ring[i]));
            quietMonitor.update(row, Math.abs(ring[i]));
        }
    }

    @Benchmark
    public DriftResult ks10k() {
        return ks.test(reference, current);
    }

    @Benchmark
    public DriftResult ks10kAsymptotic() {
        return ksAsymptotic.test(reference, current);
    }

    @Benchmark
    public DriftEvent monitorUpdate() {
        double v = ring[next];
        next = (next + 1) & (RING - 1);
        row[0] = v;
        return monitor.update(row, Math.abs(v));
    }

    @Benchmark
    public DriftEvent monitorUpdateBetweenChecks() {
        double v = ring[next];
        next = (next + 1) & (RING - 1);
        row[0] = v;
        return quietMonitor.update(row, Math.abs(v));
    }
}
