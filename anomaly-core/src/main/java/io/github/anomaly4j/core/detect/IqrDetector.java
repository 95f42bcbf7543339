package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.StreamingDetector;

/**
 * Tukey's fences (plugin id {@value #ID}): how far a reading lies from the middle half of the data, in
 * interquartile ranges. The score of {@code x} is {@code |x - (Q1 + Q3) / 2| / (Q3 - Q1)}, so a reading lies
 * outside Tukey's fences {@code [Q1 - k IQR, Q3 + k IQR]} exactly when its score exceeds {@code k + 1/2}: the
 * classic outlier fence {@code k = 1.5} is a threshold of 2.0 and the "far out" fence {@code k = 3} one of 3.5
 * (Tukey, Exploratory Data Analysis, 1977). Quartiles are type-7 quantiles (linear interpolation, as R and NumPy).
 *
 * <p><b>Batch</b>: {@link #fit} learns each feature's quartiles from the training rows; the model scores the largest
 * per-feature score. <b>Streaming</b>: {@link #newStreamingDetector} scores each reading against the quartiles of
 * the previous {@code window} readings (a sorted window: binary search plus one memory move per reading).
 *
 * <p>When the quartiles coincide (more than half the values equal) the IQR is 0 and the scale falls back to
 * {@code max(1e-12 |midhinge|, 1e-300)}: a reading at the midhinge scores 0, any other very high.
 *
 * <pre>{@code
 * IqrDetector detector = IqrDetector.builder().window(200).build();
 * }</pre>
 */
public final class IqrDetector extends CenterScaleDetector {
    /** The plugin id. */
    public static final String ID = "iqr";

    private IqrDetector(int window, int warmUp) {
        super(ID, window, warmUp);
    }

    /** @return a builder with the defaults (window 100, warm-up min(20, window)) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void estimate(double[] column, double[] out) {
        double[] sorted = Robust.sortedCopy(column);
        midhingeAndIqr(sorted, 0, sorted.length, out);
    }

    /** Midhinge {@code (Q1 + Q3) / 2} and IQR of the sorted run sorted[from, from + n), into out[0], out[1]. */
    static void midhingeAndIqr(double[] sorted, int from, int n, double[] out) {
        double q1 = quantile(sorted, from, n, 0.25);
        double q3 = quantile(sorted, from, n, 0.75);
        out[0] = q1 * 0.5 + q3 * 0.5; // halves first: no overflow for extreme values
        out[1] = Robust.capped(q3 - q1);
    }

    private static double quantile(double[] sorted, int from, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        double frac = h - lo;
        if (lo + 1 >= n || frac == 0.0) {
            return sorted[from + lo];
        }
        double a = sorted[from + lo];
        double b = sorted[from + lo + 1];
        return a + frac * (b * 0.5 - a * 0.5) * 2.0; // halves: b - a may overflow for extreme values
    }

    @Override
    StreamingDetector newStream(int dimension, int window, int warmUp) {
        return new RollingIqr(dimension, window, warmUp);
    }

    /** Builds an {@link IqrDetector}; each option may be set once and is validated at once. */
    public static final class Builder extends WindowedBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @return the detector */
        public IqrDetector build() {
            return new IqrDetector(windowOrDefault(), warmUpOrDefault());
        }
    }
}
