package io.github.anomaly4j.tck;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Spec;

/**
 * A minimal, correct detector plugin (id {@value #ID}) that the kit's own tests run against: the model stores each
 * column's mean and scores {@code max_j |x_j - mean_j|}; the streaming mode does the same against a running mean.
 * No randomness.
 */
final class MeanDistanceDetector implements Detector {
    static final String ID = "mean-distance";
    static final Parameter<Integer> WARM_UP = Parameter.integer("warmUp", 5, 0, 1_000_000,
            "readings the streaming mode sees before it scores");

    private final int warmUp;

    MeanDistanceDetector(int warmUp) {
        this.warmUp = WARM_UP.convert(warmUp);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        return Spec.of(ID).with(WARM_UP.name(), warmUp);
    }

    @Override
    public AnomalyModel fit(Frame training) {
        training.requireFinite();
        double[] mean = new double[training.width()];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = mean(training.column(j));
        }
        return new MeanDistanceModel(new MeanDistanceState(mean));
    }

    /** The mean of values scaled by the largest magnitude into [-1, 1], scaled back, so that it cannot overflow. */
    static double mean(double[] values) {
        double scale = 0.0;
        for (double v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0.0) {
            return 0.0;
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v / scale;
        }
        return sum / values.length * scale;
    }

    /** {@code |x - mean|}, saturating at {@link Double#MAX_VALUE} so that scores stay finite. */
    static double distance(double x, double mean) {
        double d = Math.abs(x - mean);
        return d <= Double.MAX_VALUE ? d : Double.MAX_VALUE;
    }

    @Override
    public boolean supportsStreaming() {
        return true;
    }

    @Override
    public StreamingDetector newStreamingDetector(int dimension) {
        return new StreamingMeanDistance(dimension, warmUp);
    }
}
