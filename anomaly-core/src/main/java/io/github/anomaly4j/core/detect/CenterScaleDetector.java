package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Spec;

/**
 * What the z-score and MAD detectors share: window settings, a batch fit that estimates a center and a scale per
 * feature, and a windowed streaming mode. Subclasses supply the estimator and the streaming implementation.
 */
abstract class CenterScaleDetector implements Detector {
    private final String id;
    private final int window;
    private final int warmUp;

    CenterScaleDetector(String id, int window, int warmUp) {
        int resolved = RollingWindowSettings.resolveWarmUp(warmUp, window);
        RollingWindowSettings.check(window, resolved);
        this.id = id;
        this.window = window;
        this.warmUp = resolved;
    }

    /** Writes the center and the (unfloored) scale of a column into out[0], out[1]. */
    abstract void estimate(double[] column, double[] out);

    abstract StreamingDetector newStream(int dimension, int window, int warmUp);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Spec spec() {
        return Spec.of(id).with(RollingWindowSettings.WINDOW.name(), window)
                .with(RollingWindowSettings.WARM_UP.name(), warmUp);
    }

    @Override
    public final AnomalyModel fit(Frame training) {
        training.requireFinite();
        int d = training.width();
        double[] center = new double[d];
        double[] scale = new double[d];
        double[] cs = new double[2];
        for (int j = 0; j < d; j++) {
            estimate(training.column(j), cs);
            center[j] = cs[0];
            scale[j] = Math.max(cs[1], Robust.scaleFloor(cs[0]));
        }
        return new CenterScaleModel(id, new CenterScaleState(center, scale));
    }

    @Override
    public final boolean supportsStreaming() {
        return true;
    }

    @Override
    public final StreamingDetector newStreamingDetector(int dimension) {
        return newStream(dimension, window, warmUp);
    }

    /** @return the streaming window length */
    public final int window() {
        return window;
    }

    /** @return readings needed before the streaming mode scores */
    public final int warmUp() {
        return warmUp;
    }

    @Override
    public final String toString() {
        return spec().toString();
    }
}
