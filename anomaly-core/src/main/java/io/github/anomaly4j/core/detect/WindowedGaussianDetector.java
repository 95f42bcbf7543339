package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Spec;

/**
 * NAB's "windowedGaussian" detector (plugin id {@value #ID}; Numenta Anomaly Benchmark,
 * {@code nab/detectors/gaussian}): each reading is scored against a Gaussian with the mean and population standard
 * deviation of a window of earlier readings, and the score is {@code 1 - Q(|x - mean| / sd)}, one minus the normal
 * upper-tail probability of the reading's distance, in [0.5, 1] (0 before the first reading has been seen).
 *
 * <p><b>Streaming</b>, exactly as NAB: the window grows to {@code window} readings (statistics refreshed after every
 * reading); once full, new readings wait in a buffer and every {@code step} readings the window slides by
 * {@code step} at once. A standard deviation of exactly 0 is replaced by 1e-6. The window statistics are updated
 * incrementally (O(1) per reading) and recomputed exactly once per {@code window} readings, so the scores match
 * NAB's published raw scores to about 1e-12 ({@code WindowedGaussianDetectorTest}). <b>Batch</b>: {@link #fit}
 * learns the mean and population standard deviation of the last {@code window} training rows of each feature; the
 * model scores the largest per-feature {@code 1 - Q}.
 *
 * <pre>{@code
 * WindowedGaussianDetector detector = WindowedGaussianDetector.builder().window(6400).step(100).build();
 * }</pre>
 */
public final class WindowedGaussianDetector implements Detector {
    /** The plugin id. */
    public static final String ID = "windowed-gaussian";
    /** NAB's replacement for a zero standard deviation. */
    static final double ZERO_SD = 1e-6;
    static final int MAX_WINDOW = 1_000_000;

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 6400, 2, MAX_WINDOW,
            "readings in the window (NAB: 6400)");
    static final Parameter<Integer> STEP = Parameter.integer("step", 100, 1, MAX_WINDOW,
            "once the window is full, it slides by this many readings at a time, 1..window (NAB: 100)");
    static final Parameter<Integer> WARM_UP = Parameter.integer("warmUp", 1, 1, MAX_WINDOW,
            "readings seen before the first score, 1..window (NAB: 1)");

    private final int window;
    private final int step;
    private final int warmUp;

    private WindowedGaussianDetector(int window, int step, int warmUp) {
        check(window, step, warmUp);
        this.window = window;
        this.step = step;
        this.warmUp = warmUp;
    }

    static void check(int window, int step, int warmUp) {
        WINDOW.convert(window);
        if (step < 1 || step > window) {
            throw new IllegalArgumentException("step must be in 1..window (" + window + "), got " + step);
        }
        if (warmUp < 1 || warmUp > window) {
            throw new IllegalArgumentException("warmUp must be in 1..window (" + window + "), got " + warmUp);
        }
    }

    /** @return a builder with NAB's defaults (window 6400, step 100, warm-up 1) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        return Spec.of(ID).with(WINDOW.name(), window).with(STEP.name(), step).with(WARM_UP.name(), warmUp);
    }

    @Override
    public AnomalyModel fit(Frame training) {
        training.requireFinite();
        int d = training.width();
        int n = Math.min(training.rows(), window);
        int from = training.rows() - n;
        double[] mean = new double[d];
        double[] sd = new double[d];
        double[] out = new double[2];
        for (int j = 0; j < d; j++) {
            Robust.meanStd(training.column(j), from, from + n, out);
            mean[j] = out[0];
            sd[j] = populationSd(out[1], n);
        }
        return new GaussianTailModel(new CenterScaleState(mean, sd));
    }

    /** The population standard deviation from a sample one, with NAB's 1e-6 for 0. */
    static double populationSd(double sampleSd, int n) {
        double sd = n < 2 ? 0.0 : sampleSd * Math.sqrt((n - 1.0) / n);
        return sd == 0.0 ? ZERO_SD : sd;
    }

    @Override
    public boolean supportsStreaming() {
        return true;
    }

    @Override
    public StreamingDetector newStreamingDetector(int dimension) {
        return new Stream(dimension, window, step, warmUp);
    }

    /** @return readings in the window */
    public int window() {
        return window;
    }

    /** @return readings per slide once the window is full */
    public int step() {
        return step;
    }

    /** @return readings before the first score */
    public int warmUp() {
        return warmUp;
    }

    @Override
    public String toString() {
        return spec().toString();
    }

    /**
     * The streaming detector. Layout: per feature a ring of {@code window} values and a buffer of {@code step}
     * values, feature-major in two flat arrays; mean and M2 per feature, updated by Welford's method while the
     * window fills and by the replace-one form when it slides, recomputed exactly (corrected two-pass) after every
     * {@code window / step} slides or when an update overflows. No allocation per reading.
     */
    static final class Stream implements StreamingDetector {
        private final int dimension;
        private final int window;
        private final int step;
        private final int warmUp;
        private final int slidesPerRecompute;
        private final double[] ring;
        private final double[] stepBuffer;
        private final double[] mean;
        private final double[] m2;
        private final double[] sd;
        private final double[] scratch = new double[2];
        private long seen;
        private long lastTimestamp = Long.MIN_VALUE;
        private int position;
        private int pending;
        private int slides;

        Stream(int dimension, int window, int step, int warmUp) {
            check(window, step, warmUp);
            if (dimension < 1 || (long) dimension * window > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("dimension must be at least 1 and dimension x window fit an "
                        + "array, got " + dimension + " x " + window);
            }
            this.dimension = dimension;
            this.window = window;
            this.step = step;
            this.warmUp = warmUp;
            this.slidesPerRecompute = Math.max(1, window / step);
            this.ring = new double[dimension * window];
            this.stepBuffer = new double[dimension * step];
            this.mean = new double[dimension];
            this.m2 = new double[dimension];
            this.sd = new double[dimension];
            java.util.Arrays.fill(sd, ZERO_SD);
        }

        @Override
        public double update(long timestamp, double[] x) {
            StreamChecks.requireLater(timestamp, seen, lastTimestamp);
            FeatureVectors.requireFinite(x, dimension);
            double score = 0.0;
            if (seen >= warmUp) {
                for (int j = 0; j < dimension; j++) {
                    double p = GaussianTail.lowerOfAbs(Math.abs(x[j] - mean[j]) / sd[j]);
                    if (p > score) {
                        score = p;
                    }
                }
            }
            if (seen < window) {
                int n = (int) seen + 1;
                for (int j = 0; j < dimension; j++) {
                    ring[j * window + n - 1] = x[j];
                    grow(j, x[j], n);
                }
            } else {
                for (int j = 0; j < dimension; j++) {
                    stepBuffer[j * step + pending] = x[j];
                }
                if (++pending == step) {
                    slide();
                }
            }
            seen++;
            lastTimestamp = timestamp;
            return score;
        }

        private void grow(int j, double v, int n) {
            if (n == 1) {
                mean[j] = v;
                m2[j] = 0.0;
                sd[j] = ZERO_SD;
                return;
            }
            double delta = v - mean[j];
            double newMean = mean[j] + delta / n;
            double newM2 = m2[j] + delta * (v - newMean);
            if (Double.isFinite(newMean) && Double.isFinite(newM2)) {
                mean[j] = newMean;
                m2[j] = newM2;
                double s = Math.sqrt(newM2 / n);
                sd[j] = s == 0.0 ? ZERO_SD : s;
            } else {
                recompute(j, n);
            }
        }

        private void slide() {
            boolean exact = ++slides >= slidesPerRecompute;
            for (int j = 0; j < dimension; j++) {
                int base = j * window;
                boolean ok = true;
                double mu = mean[j];
                double s2 = m2[j];
                for (int i = 0; i < step; i++) {
                    int slot = base + (position + i) % window;
                    double old = ring[slot];
                    double v = stepBuffer[j * step + i];
                    ring[slot] = v;
                    double newMean = mu + (v - old) / window;
                    s2 += (v - old) * (v - newMean + old - mu);
                    mu = newMean;
                }
                ok = Double.isFinite(mu) && Double.isFinite(s2) && s2 >= 0.0;
                if (exact || !ok) {
                    recompute(j, window);
                } else {
                    mean[j] = mu;
                    m2[j] = s2;
                    double s = Math.sqrt(s2 / window);
                    sd[j] = s == 0.0 ? ZERO_SD : s;
                }
            }
            position = (position + step) % window;
            pending = 0;
            if (exact) {
                slides = 0;
            }
        }

        /** Exact statistics of feature j's n window values (in the first n slots, or the whole ring). */
        private void recompute(int j, int n) {
            Robust.meanStd(ring, j * window, j * window + n, scratch);
            mean[j] = scratch[0];
            m2[j] = scratch[1] * scratch[1] * (n - 1);
            sd[j] = populationSd(scratch[1], n);
        }

        @Override
        public String type() {
            return ID;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public int warmUp() {
            return warmUp;
        }

        @Override
        public boolean isWarm() {
            return seen >= warmUp;
        }

        @Override
        public long lastTimestamp() {
            return seen == 0 ? Long.MIN_VALUE : lastTimestamp;
        }

        @Override
        public WindowedGaussianState snapshot() {
            return new WindowedGaussianState(dimension, window, step, warmUp, seen, lastTimestamp, position, pending,
                    slides, ring, stepBuffer, mean, m2, sd);
        }

        @Override
        public void restore(Record snapshot) {
            if (!(snapshot instanceof WindowedGaussianState s)) {
                throw StreamChecks.wrongSnapshot(ID, "WindowedGaussianState", snapshot);
            }
            if (s.dimension() != dimension || s.window() != window || s.step() != step || s.warmUp() != warmUp) {
                throw new IllegalArgumentException("snapshot has dimension " + s.dimension() + ", window "
                        + s.window() + ", step " + s.step() + ", warmUp " + s.warmUp() + "; this detector has "
                        + dimension + ", " + window + ", " + step + ", " + warmUp);
            }
            System.arraycopy(s.ring(), 0, ring, 0, ring.length);
            System.arraycopy(s.stepBuffer(), 0, stepBuffer, 0, stepBuffer.length);
            System.arraycopy(s.mean(), 0, mean, 0, dimension);
            System.arraycopy(s.m2(), 0, m2, 0, dimension);
            System.arraycopy(s.sd(), 0, sd, 0, dimension);
            seen = s.seen();
            lastTimestamp = s.lastTimestamp();
            position = s.position();
            pending = s.pending();
            slides = s.slides();
        }
    }

    /** Builds a {@link WindowedGaussianDetector}; each option may be set once and is validated at once. */
    public static final class Builder {
        private Integer window;
        private Integer step;
        private Integer warmUp;

        private Builder() {
        }

        /**
         * @param readings readings in the window, 2..1,000,000 (default 6400)
         * @return this builder
         */
        public Builder window(int readings) {
            SetOnce.check(window, "window");
            window = WINDOW.convert(readings);
            return this;
        }

        /**
         * @param readings readings per slide once the window is full, 1..window (default 100)
         * @return this builder
         */
        public Builder step(int readings) {
            SetOnce.check(step, "step");
            step = STEP.convert(readings);
            return this;
        }

        /**
         * @param readings readings before the first score, 1..window (default 1)
         * @return this builder
         */
        public Builder warmUp(int readings) {
            SetOnce.check(warmUp, "warmUp");
            warmUp = WARM_UP.convert(readings);
            return this;
        }

        /** @return the detector */
        public WindowedGaussianDetector build() {
            return new WindowedGaussianDetector(window != null ? window : WINDOW.defaultValue(),
                    step != null ? step : STEP.defaultValue(), warmUp != null ? warmUp : WARM_UP.defaultValue());
        }
    }
}
