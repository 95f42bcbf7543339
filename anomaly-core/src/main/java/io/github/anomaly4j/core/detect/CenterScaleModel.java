package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.detect.AnomalyModel;

/**
 * A fitted z-score or MAD model. The score of {@code x} is {@code max_j |x_j - center_j| / scale_j}: the largest
 * standardized deviation over the features, so a point is as anomalous as its most anomalous feature. The
 * attribution of feature {@code j} is its own standardized deviation.
 *
 * <p>Scores saturate at {@link Double#MAX_VALUE} (a difference of two huge finite values can overflow), so they
 * are always finite. Immutable and allocation-free.
 */
final class CenterScaleModel implements AnomalyModel {
    private final String type;
    private final double[] center;
    private final double[] scale;

    CenterScaleModel(String type, CenterScaleState state) {
        this.type = type;
        this.center = state.center();
        this.scale = state.scale();
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int dimension() {
        return center.length;
    }

    @Override
    public double score(double[] x) {
        FeatureVectors.requireFinite(x, center.length);
        return scoreChecked(x);
    }

    private double scoreChecked(double[] x) {
        double max = 0.0;
        for (int j = 0; j < center.length; j++) {
            double z = standardized(x[j], j);
            if (z > max) {
                max = z;
            }
        }
        return max;
    }

    private double standardized(double v, int j) {
        return Robust.capped(Math.abs(v - center[j]) / scale[j]);
    }

    @Override
    public void scoreBatch(double[][] xs, double[] out) {
        AnomalyModel.checkBatch(xs, out);
        for (int i = 0; i < xs.length; i++) {
            FeatureVectors.requireFinite(xs[i], center.length, i);
            out[i] = scoreChecked(xs[i]);
        }
    }

    @Override
    public CenterScaleState state() {
        return new CenterScaleState(center, scale);
    }

    @Override
    public boolean supportsAttribution() {
        return true;
    }

    @Override
    public void attribute(double[] x, double[] out) {
        FeatureVectors.requireFinite(x, center.length);
        if (out == null || out.length < center.length) {
            throw new IllegalArgumentException("out must hold " + center.length + " values");
        }
        for (int j = 0; j < center.length; j++) {
            out[j] = standardized(x[j], j);
        }
    }

    @Override
    public String toString() {
        return type + "-model[dimension=" + center.length + "]";
    }
}
