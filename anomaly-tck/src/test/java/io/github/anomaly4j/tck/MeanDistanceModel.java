package io.github.anomaly4j.tck;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.detect.AnomalyModel;

/** A fitted mean-distance model; attribution of column {@code j} is {@code |x_j - mean_j|}. Immutable. */
final class MeanDistanceModel implements AnomalyModel {
    private final double[] mean;

    MeanDistanceModel(MeanDistanceState state) {
        this.mean = state.mean();
    }

    @Override
    public String type() {
        return MeanDistanceDetector.ID;
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public double score(double[] x) {
        FeatureVectors.requireFinite(x, mean.length);
        double max = 0.0;
        for (int j = 0; j < mean.length; j++) {
            max = Math.max(max, MeanDistanceDetector.distance(x[j], mean[j]));
        }
        return max;
    }

    @Override
    public MeanDistanceState state() {
        return new MeanDistanceState(mean);
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
            out[j] = MeanDistanceDetector.distance(x[j], mean[j]);
        }
    }
}
