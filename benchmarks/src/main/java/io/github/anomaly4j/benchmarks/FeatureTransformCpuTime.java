package io.github.anomaly4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A companion to {@link FeatureTransformBenchmark} for a crowded machine: runs one of its methods in a plain loop
 * and reports the <em>thread CPU time</em> per update, which (unlike JMH's wall-clock average) does not count the
 * time the thread spent descheduled while other processes held the cores. It still includes cache and
 * hyper-threading interference, so treat it as an upper bound; JMH on a quiet machine is the reference.
 *
 * <pre>{@code
 * for m in rollingMean rollingMedian pipeline8; do
 *   java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.FeatureTransformCpuTime $m
 * done
 * }</pre>
 *
 * Run one method per JVM, so that the call below stays monomorphic as it is under JMH.
 */
public final class FeatureTransformCpuTime {
    private FeatureTransformCpuTime() {
    }

    /**
     * @param args one method name of {@link FeatureTransformBenchmark}; optionally the updates per round
     * @throws Exception if the method does not exist
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: FeatureTransformCpuTime <benchmark method> [updates]");
        }
        Method m = FeatureTransformBenchmark.class.getMethod(args[0]);
        if (!m.isAnnotationPresent(Benchmark.class)) {
            throw new IllegalArgumentException(args[0] + " is not a benchmark method");
        }
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        FeatureTransformBenchmark b = new FeatureTransformBenchmark();
        b.setUp();
        DoubleSupplier op = () -> {
            try {
                return (double) m.invoke(b);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        DoubleSupplier direct = direct(b, args[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        double sink = op.getAsDouble();
        for (int round = 0; round < 5; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < updates; i++) {
                sink += direct.getAsDouble();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            best = Math.min(best, (c1 - c0) / (double) updates);
        }
        System.out.printf(Locale.ROOT, "%s %.1f ns CPU/update (best of 5 rounds of %d)%s%n", args[0], best, updates,
                Double.isNaN(sink) ? "" : "");
    }

    private static DoubleSupplier direct(FeatureTransformBenchmark b, String name) {
        switch (name) {
            case "lag": return b::lag;
            case "diff": return b::diff;
            case "seasonalDiff": return b::seasonalDiff;
            case "rollingMean": return b::rollingMean;
            case "rollingVariance": return b::rollingVariance;
            case "rollingStd": return b::rollingStd;
            case "rollingMin": return b::rollingMin;
            case "rollingMax": return b::rollingMax;
            case "rollingMedian": return b::rollingMedian;
            case "rollingQuantile": return b::rollingQuantile;
            case "rollingZScore": return b::rollingZScore;
            case "ewma": return b::ewma;
            case "ewVariance": return b::ewVariance;
            case "rollingAutocorrelation": return b::rollingAutocorrelation;
            case "rateOfChange": return b::rateOfChange;
            case "hourOfDay": return b::hourOfDay;
            case "dayOfWeek": return b::dayOfWeek;
            case "dayCycle": return b::dayCycle;
            case "weekCycle": return b::weekCycle;
            case "standardScaler": return b::standardScaler;
            case "minMaxScaler": return b::minMaxScaler;
            case "robustScaler": return b::robustScaler;
            case "pipeline8": return b::pipeline8;
            default: throw new IllegalArgumentException("no benchmark method " + name);
        }
    }
}
