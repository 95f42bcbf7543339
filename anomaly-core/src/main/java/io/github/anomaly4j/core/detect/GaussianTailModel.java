package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.detect.AnomalyModel;

/**
 * A fitted windowed-Gaussian model: the score of {@code x} is {@code max_j P(Z <= |x_j - mean_j| / sd_j)}, that
 * is {@code max_j (1 - Q(|x_j - mean_j| / sd_j))} with {@code Q} the standard normal upper tail, in [0.5, 1]. The
 * attribution of feature {@code j} is its own {@code 1 - Q}. Immutable and allocation-free.
 */
final class GaussianTailModel implements AnomalyModel {
    private final double[] mean;
    private final double[] sd;

    GaussianTailModel(CenterScaleState state) {
        this.mean = state.center();
        this.sd = state.scale();
    }

    @Override
    public String type() {
        return WindowedGaussianDetector.ID;
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public double score(double[] x) {
        FeatureVectors.requireFinite(x, mean.length);
        return scoreChecked(x);
    }

    private double scoreChecked(double[] x) {
        double max = 0.0;
        for (int j = 0; j < mean.length; j++) {
            double p = feature(x[j], j);
            if (p > max) {
                max = p;
            }
        }
        return max;
    }

    private double feature(double v, int j) {
        return GaussianTail.lowerOfAbs(Math.abs(v - mean[j]) / sd[j]);
    }

    @Override
    public void scoreBatch(double[][] xs, double[] out) {
        AnomalyModel.checkBatch(xs, out);
        for (int i = 0; i < xs.length; i++) {
            FeatureVectors.requireFinite(xs[i], mean.length, i);
            out[i] = scoreChecked(xs[i]);
        }
    }

    @Override
    public CenterScaleState state() {
        return new CenterScaleState(mean, sd);
    }

    @Override
    public boolean supportsAttribution() {
        return true;
    }

    @Override
    public void attribute(double[] x, double[] out) {
        FeatureVectors.requireFinite(x, mean.length);
        if (out == null || out.length < mean.length) {
            throw new IllegalArgumentException("out must hold " + mean.length + " values");
        }
        for (int j = 0; j < mean.length; j++) {
            out[j] = feature(x[j], j);
        }
    }

    @Override
    public String toString() {
        return "windowed-gaussian-model[dimension=" + mean.length + "]";
    }
}
