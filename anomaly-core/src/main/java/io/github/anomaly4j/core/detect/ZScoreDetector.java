package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.StreamingDetector;

/**
 * The z-score detector (plugin id {@value #ID}): how many standard deviations a reading lies from the mean.
 *
 * <p><b>Batch</b>: {@link #fit} learns each feature's mean and sample standard deviation from the training rows;
 * the model scores {@code max_j |x_j - mean_j| / sd_j}. <b>Streaming</b>: {@link #newStreamingDetector} scores each
 * reading against the mean and standard deviation of the previous {@code window} readings, then adds it to the
 * window.
 *
 * <p>A constant feature has standard deviation 0; its scale is floored at {@code max(1e-12 |mean|, 1e-300)}, so a
 * reading equal to the constant scores 0 and any other reading scores very high (saturating at
 * {@link Double#MAX_VALUE}). Means and deviations are computed on values scaled into [-1, 1] with a corrected
 * two-pass algorithm, so extreme inputs cannot overflow.
 *
 * <pre>{@code
 * ZScoreDetector detector = ZScoreDetector.builder().window(60).warmUp(10).build();
 * }</pre>
 */
public final class ZScoreDetector extends CenterScaleDetector {
    /** The plugin id. */
    public static final String ID = "zscore";

    private ZScoreDetector(int window, int warmUp) {
        super(ID, window, warmUp);
    }

    /** @return a builder with the defaults (window 100, warm-up min(20, window)) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void estimate(double[] column, double[] out) {
        Robust.meanStd(column, 0, column.length, out);
    }

    @Override
    StreamingDetector newStream(int dimension, int window, int warmUp) {
        return new RollingZScore(dimension, window, warmUp);
    }

    /** Builds a {@link ZScoreDetector}; each option may be set once and is validated at once. */
    public static final class Builder extends WindowedBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @return the detector */
        public ZScoreDetector build() {
            return new ZScoreDetector(windowOrDefault(), warmUpOrDefault());
        }
    }
}
