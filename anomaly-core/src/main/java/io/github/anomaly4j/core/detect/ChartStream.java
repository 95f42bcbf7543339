package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.FeatureVectors;
import java.util.Arrays;

/**
 * Shared machinery of the streaming control charts: checks that happen before any state changes, the warm-up,
 * and the in-control estimate. Per feature the in-control mean and variance are exponentially weighted with rate
 * {@code a = max(1/n, 2/(baseline + 1))} (plain running mean and population variance for the first readings, then
 * an effective window of {@code baseline}), updated by the incremental form of West (1979):
 * {@code mean += a (x - mean)}, {@code var = (1 - a)(var + a (x - mean_old)^2)}. The mean is written as a convex
 * combination and the variance saturates at {@link Double#MAX_VALUE}, so extreme readings cannot make NaN.
 * O(1) per feature and reading; no allocation.
 */
abstract class ChartStream extends StreamBase {
    final double rate;
    final int baseline;
    final double[] mean;
    final double[] variance;
    final double[] first;
    final double[] second;

    ChartStream(String type, int dimension, int baseline, int warmUp) {
        super(type, dimension, warmUp);
        this.baseline = baseline;
        this.rate = 2.0 / (baseline + 1.0);
        this.mean = new double[dimension];
        this.variance = new double[dimension];
        this.first = new double[dimension];
        this.second = new double[dimension];
    }

    @Override
    public final double update(long timestamp, double[] x) {
        StreamChecks.requireLater(timestamp, seen, lastTimestamp);
        FeatureVectors.requireFinite(x, dimension);
        boolean warm = seen >= warmUp;
        double max = 0.0;
        for (int j = 0; j < dimension; j++) {
            if (warm) {
                double s = Robust.capped(chart(j, x[j], Math.max(Math.sqrt(variance[j]),
                        Robust.scaleFloor(mean[j]))));
                if (s > max) {
                    max = s;
                }
            }
            learn(j, x[j]);
        }
        seen++;
        lastTimestamp = timestamp;
        return max;
    }

    /**
     * Advances feature j's chart with reading v against the current in-control mean and standard deviation
     * {@code sd} (positive) and returns the chart's score for v; never NaN.
     */
    abstract double chart(int j, double v, double sd);

    private void learn(int j, double v) {
        if (seen == 0) {
            mean[j] = v;
            variance[j] = 0.0;
            return;
        }
        double a = Math.max(1.0 / (seen + 1), rate);
        double diff = v - mean[j]; // may overflow to an infinity, never NaN
        mean[j] = (1.0 - a) * mean[j] + a * v;
        variance[j] = Math.min((1.0 - a) * (variance[j] + a * diff * diff), Double.MAX_VALUE);
    }

    abstract double[] settings();

    @Override
    public final ChartState snapshot() {
        return new ChartState(type, dimension, settings(), baseline, warmUp, seen, lastTimestamp, mean, variance,
                first, second);
    }

    @Override
    public final void restore(Record snapshot) {
        if (!(snapshot instanceof ChartState s)) {
            throw StreamChecks.wrongSnapshot(type, "ChartState", snapshot);
        }
        if (!s.type().equals(type) || s.dimension() != dimension || s.baseline() != baseline
                || s.warmUp() != warmUp || !Arrays.equals(s.settings(), settings())) {
            throw new IllegalArgumentException("snapshot is of " + s.type() + " (dimension " + s.dimension()
                    + ", baseline " + s.baseline() + ", warmUp " + s.warmUp() + ", settings "
                    + Arrays.toString(s.settings()) + "), this detector is " + type + " (dimension " + dimension
                    + ", baseline " + baseline + ", warmUp " + warmUp + ", settings " + Arrays.toString(settings())
                    + ")");
        }
        System.arraycopy(s.mean(), 0, mean, 0, dimension);
        System.arraycopy(s.variance(), 0, variance, 0, dimension);
        System.arraycopy(s.first(), 0, first, 0, dimension);
        System.arraycopy(s.second(), 0, second, 0, dimension);
        seen = s.seen();
        lastTimestamp = s.lastTimestamp();
    }
}
