package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;

/**
 * What the EWMA and CUSUM control charts share. A chart accumulates evidence over time, which a fitted
 * {@link AnomalyModel} (a stateless function of one reading) cannot hold: the batch model learns the in-control
 * mean and standard deviation of each feature and scores the chart's first step from the in-control state, the
 * standardized deviation {@code max_j |x_j - mean_j| / sd_j}; the accumulating chart is the streaming mode.
 */
abstract class ChartDetector implements Detector {
    final int baseline;
    final int warmUp;

    ChartDetector(int baseline, int warmUp) {
        ChartSettings.check(baseline, warmUp);
        this.baseline = baseline;
        this.warmUp = warmUp;
    }

    @Override
    public final AnomalyModel fit(Frame training) {
        training.requireFinite();
        int d = training.width();
        double[] center = new double[d];
        double[] scale = new double[d];
        double[] cs = new double[2];
        for (int j = 0; j < d; j++) {
            Robust.meanStd(training.column(j), 0, training.rows(), cs);
            center[j] = cs[0];
            scale[j] = Math.max(cs[1], Robust.scaleFloor(cs[0]));
        }
        return new CenterScaleModel(id(), new CenterScaleState(center, scale));
    }

    @Override
    public final boolean supportsStreaming() {
        return true;
    }

    @Override
    public abstract StreamingDetector newStreamingDetector(int dimension);

    /** @return the effective length of the streaming in-control estimate */
    public final int baseline() {
        return baseline;
    }

    /** @return readings the streaming mode learns from before it scores */
    public final int warmUp() {
        return warmUp;
    }

    @Override
    public final String toString() {
        return spec().toString();
    }
}
