package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.StreamingDetector;

/**
 * The robust median/MAD detector (plugin id {@value #ID}): the modified z-score of Iglewicz and Hoaglin (1993),
 * {@code |x - median| / (1.4826 MAD)}, which a few outliers in the training data cannot mask the way they inflate a
 * standard deviation.
 *
 * <p><b>Batch</b>: {@link #fit} learns each feature's median and MAD from the training rows; the model scores the
 * largest modified z-score over the features. <b>Streaming</b>: {@link #newStreamingDetector} scores each reading
 * against the median and MAD of the previous {@code window} readings (O(window) per reading: a sorted window
 * updated by binary search, and a merge outwards from the median for the MAD).
 *
 * <p>When more than half the values are equal the MAD is 0; the scale then falls back to
 * {@code 1.2533 x mean absolute deviation from the median} (Iglewicz and Hoaglin), and for a constant feature to
 * {@code max(1e-12 |median|, 1e-300)}: a reading equal to the constant scores 0, any other very high.
 */
public final class MadDetector extends CenterScaleDetector {
    /** The plugin id. */
    public static final String ID = "mad";

    private MadDetector(int window, int warmUp) {
        super(ID, window, warmUp);
    }

    /** @return a builder with the defaults (window 100, warm-up min(20, window)) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void estimate(double[] column, double[] out) {
        double[] sorted = Robust.sortedCopy(column);
        Robust.medianScale(sorted, 0, sorted.length, out);
    }

    @Override
    StreamingDetector newStream(int dimension, int window, int warmUp) {
        return new RollingMad(dimension, window, warmUp);
    }

    /** Builds a {@link MadDetector}; each option may be set once and is validated at once. */
    public static final class Builder extends WindowedBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @return the detector */
        public MadDetector build() {
            return new MadDetector(windowOrDefault(), warmUpOrDefault());
        }
    }
}
