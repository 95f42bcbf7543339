package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.detect.AnomalyModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link IsolationForestBenchmark} for a crowded machine: scores its 100,000 points in a plain loop
 * and reports the <em>thread CPU time</em> per point, which (unlike JMH's wall clock) does not count the time the
 * thread spent descheduled while other processes held the cores. Cache and hyper-threading interference still
 * count, so treat it as an upper bound on the cost.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.IsolationForestCpuTime batch
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.IsolationForestCpuTime one
 * }</pre>
 *
 * {@code batch} times {@code scoreBatch} over all points, {@code one} {@code score(double[])} per point. Run one
 * mode per JVM so the JIT sees only the code being timed.
 */
public final class IsolationForestCpuTime {
    private IsolationForestCpuTime() {
    }

    /**
     * @param args {@code batch} or {@code one}; optionally the number of rounds (default 20)
     */
    public static void main(String[] args) {
        if (args.length < 1 || !(args[0].equals("batch") || args[0].equals("one"))) {
            throw new IllegalArgumentException("usage: IsolationForestCpuTime batch|one [rounds]");
        }
        boolean batch = args[0].equals("batch");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        IsolationForestBenchmark b = new IsolationForestBenchmark();
        b.points = IsolationForestBenchmark.gaussianWithOutliers(IsolationForestBenchmark.POINTS,
                IsolationForestBenchmark.DIMENSION, 0.01, IsolationForestBenchmark.SEED);
        b.scores = new double[b.points.length];
        b.frame = io.github.anomaly4j.api.data.Frame.ofRows(b.points);
        AnomalyModel model = IsolationForestBenchmark.anomaly4j().fit(b.frame);
        b.model = model;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        double sink = 0.0;
        for (int round = 0; round < rounds; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            sink += batch ? b.scoreAnomaly4j() : b.scoreOneByOneAnomaly4j();
            long c1 = mx.getCurrentThreadCpuTime();
            best = Math.min(best, (c1 - c0) / (double) b.points.length);
        }
        System.out.printf(Locale.ROOT, "%s %.1f ns CPU/point = %.2f M points/s CPU (best of %d rounds of %d)%s%n",
                args[0], best, 1e3 / best, rounds, b.points.length, Double.isNaN(sink) ? " NaN" : "");
    }
}
