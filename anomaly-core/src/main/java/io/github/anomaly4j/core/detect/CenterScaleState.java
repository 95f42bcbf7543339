package io.github.anomaly4j.core.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * State of a fitted z-score or MAD model: a center and a positive scale per feature.
 *
 * @param center per-feature center (mean or median), finite
 * @param scale per-feature scale (standard deviation or scaled MAD), finite and positive
 */
public record CenterScaleState(double[] center, double[] scale) {

    /**
     * Validates and copies.
     *
     * @param center per-feature center (mean or median), each finite
     * @param scale per-feature scale, as many as centers, each finite and positive
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a center is not finite, or a
     *     scale is not finite and positive
     */
    public CenterScaleState {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(scale, "scale");
        if (center.length == 0 || center.length != scale.length) {
            throw new IllegalArgumentException("center and scale must have the same non-zero length, got "
                    + center.length + " and " + scale.length);
        }
        for (int j = 0; j < center.length; j++) {
            if (!Double.isFinite(center[j])) {
                throw new IllegalArgumentException("center[" + j + "] must be finite, got " + center[j]);
            }
            if (!(scale[j] > 0.0 && scale[j] <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("scale[" + j + "] must be finite and positive, got " + scale[j]);
            }
        }
        center = center.clone();
        scale = scale.clone();
    }

    /** @return a copy of the per-feature centers */
    @Override
    public double[] center() {
        return center.clone();
    }

    /** @return a copy of the per-feature scales */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CenterScaleState s && Arrays.equals(center, s.center) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(center) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "CenterScaleState[center=" + Arrays.toString(center) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
