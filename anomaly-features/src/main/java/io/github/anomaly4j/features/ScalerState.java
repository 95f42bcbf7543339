package io.github.anomaly4j.features;

/**
 * Saved parameters of a scaler: output {@code (x - center[c]) / scale[c]} for column {@code c}. Both arrays are
 * empty before the scaler is fitted.
 *
 * @param center per-column centre (mean, minimum or median)
 * @param scale per-column scale (standard deviation, range or interquartile range), each finite and positive
 */
public record ScalerState(double[] center, double[] scale) {
    /**
     * Checks and copies the arrays.
     *
     * @param center per-column centre (mean, minimum or median)
     * @param scale per-column scale (standard deviation, range or interquartile range), each finite and positive
     */
    public ScalerState {
        java.util.Objects.requireNonNull(center, "center");
        java.util.Objects.requireNonNull(scale, "scale");
        center = center.clone();
        scale = scale.clone();
        if (center.length != scale.length) {
            throw new IllegalArgumentException("scaler has " + center.length + " centres but " + scale.length
                    + " scales");
        }
        for (int c = 0; c < center.length; c++) {
            if (!Double.isFinite(center[c])) {
                throw new IllegalArgumentException("scaler centre of column " + c + " is " + center[c]);
            }
            if (!(scale[c] > 0.0 && scale[c] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("scaler scale of column " + c + " must be finite and positive, got "
                        + scale[c]);
            }
        }
    }

    /** @return a copy of the centres */
    @Override
    public double[] center() {
        return center.clone();
    }

    /** @return a copy of the scales */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** @return whether the scaler has been fitted */
    public boolean fitted() {
        return center.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScalerState s && java.util.Arrays.equals(center, s.center)
                && java.util.Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(center) + java.util.Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "ScalerState[center=" + java.util.Arrays.toString(center) + ", scale="
                + java.util.Arrays.toString(scale) + "]";
    }
}
