package io.github.anomaly4j.core;

import java.util.Arrays;

/**
 * A streaming threshold from extreme-value theory: SPOT and, with a drift {@code depth}, DSPOT (Siffer, Fouque,
 * Termier and Largouet, "Anomaly Detection in Streams with Extreme Value Theory", KDD 2017, algorithms 1 to 4).
 *
 * <p><b>Calibration</b> ({@link #fit}): on initial scores, the {@code level} quantile {@code t} is taken as the
 * peak threshold, a generalized Pareto distribution is fitted by maximum likelihood (Grimshaw's reduction) to the
 * excesses over {@code t}, and the alarm threshold is
 * {@code z_q = t + scale/shape ((risk n / N_t)^(-shape) - 1)} (equation 1 of the paper; {@code t - scale log(risk
 * n / N_t)} when {@code shape = 0}), the score exceeded with probability {@code risk}. <b>Stream</b>
 * ({@link Stream#update}): a score above {@code z_q} is an alarm and is not learnt; a score in {@code (t, z_q]} is
 * a new peak, the tail is refitted and {@code z_q} moves; any other score only counts. DSPOT applies all of this
 * to the score minus the mean of the last {@code depth} non-alarm scores, so a slowly drifting score level does not
 * raise alarms.
 *
 * <p>Cost: O(1) per ordinary score; a peak (about 1 in {@code 1/(1-level)} scores) refits the tail to the
 * {@code maxPeaks} most recent peaks (default 1,000), warm-started, in O(maxPeaks); the exceedance rate
 * {@code N_t / n} counts every peak. The peak store grows by doubling up to {@code maxPeaks} (the only
 * allocation). The stream is single-writer state with a
 * {@linkplain Stream#snapshot() snapshot} that restores bit-identically.
 *
 * <pre>{@code
 * PeaksOverThreshold.Stream spot = PeaksOverThreshold.builder().risk(1e-3).build().fit(initialScores);
 * boolean alarm = spot.update(score); // and spot.threshold() is the cut-off in force
 * }</pre>
 */
public final class PeaksOverThreshold {
    /** The default quantile of the initial scores above which peaks are taken. */
    public static final double DEFAULT_LEVEL = 0.98;

    /** The default number of most recent peaks the tail is fitted to. */
    public static final int DEFAULT_MAX_PEAKS = 1000;

    private final double risk;
    private final double level;
    private final int depth;
    private final int maxPeaks;

    private PeaksOverThreshold(double risk, double level, int depth, int maxPeaks) {
        check(risk, level, depth);
        checkRiskBelowPeakRate(risk, level);
        checkMaxPeaks(maxPeaks);
        this.risk = risk;
        this.level = level;
        this.depth = depth;
        this.maxPeaks = maxPeaks;
    }

    /**
     * The tail is fitted above the {@code level} quantile and extrapolated to {@code risk}: a risk of {@code 1 - level}
     * or more lies below the peak threshold, where the fit says nothing (z_q would fall back to t).
     */
    static void checkRiskBelowPeakRate(double risk, double level) {
        if (!(risk < 1.0 - level)) {
            throw new IllegalArgumentException("risk " + risk + " must be below 1 - level = " + (1.0 - level)
                    + " (the share of scores above the peak threshold); lower the risk or the level");
        }
    }

    static void checkMaxPeaks(int maxPeaks) {
        if (maxPeaks < 10 || maxPeaks > 10_000_000) {
            throw new IllegalArgumentException("maxPeaks must be in 10..10000000, got " + maxPeaks);
        }
    }

    static void check(double risk, double level, int depth) {
        if (!(risk > 0.0 && risk < 1.0)) {
            throw new IllegalArgumentException("risk must be in (0, 1), got " + risk);
        }
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (depth < 0 || depth > 1_000_000) {
            throw new IllegalArgumentException("depth must be in 0..1000000 (0 = SPOT, no drift correction), got "
                    + depth);
        }
    }

    /** @return a builder with the defaults (risk 1e-4, level 0.98, depth 0: SPOT, maxPeaks 1,000) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calibrates on initial scores and returns the stream that continues from them.
     *
     * @param initial initial scores, finite; at least {@code depth + 10}
     * @return the stream
     * @throws IllegalArgumentException for too few or non-finite scores
     */
    public Stream fit(double[] initial) {
        if (initial == null || initial.length < depth + 10) {
            throw new IllegalArgumentException("peaks over threshold needs at least depth + 10 = " + (depth + 10)
                    + " initial scores, got " + (initial == null ? 0 : initial.length));
        }
        for (int i = 0; i < initial.length; i++) {
            if (!Double.isFinite(initial[i])) {
                throw new IllegalArgumentException("initial score " + i + " is " + initial[i]
                        + "; scores must be finite");
            }
        }
        Stream s = new Stream(risk, level, depth, maxPeaks);
        s.calibrate(initial);
        return s;
    }

    /** @return the target probability of an alarm on normal data */
    public double risk() {
        return risk;
    }

    /** @return the quantile above which peaks are taken */
    public double level() {
        return level;
    }

    /** @return the drift window (0 for SPOT) */
    public int depth() {
        return depth;
    }

    /** @return how many of the most recent peaks the tail is fitted to */
    public int maxPeaks() {
        return maxPeaks;
    }

    /** The adaptive threshold on a stream of scores. Single-writer. */
    public static final class Stream {
        private final double risk;
        private final double level;
        private final int depth;
        private final double[] window;
        private final int maxPeaks;
        private final double[] fit = new double[2];
        private double[] peaks = new double[16];
        private double[] scratch = new double[16];
        private int peakCount;
        private int peakNext;
        private long peakTotal;
        private long count;
        private double t;
        private double shape;
        private double scale;
        private double zq;
        private int position;
        private double windowSum;

        Stream(double risk, double level, int depth, int maxPeaks) {
            this.maxPeaks = maxPeaks;
            this.risk = risk;
            this.level = level;
            this.depth = depth;
            this.window = new double[depth];
        }

        void calibrate(double[] initial) {
            int n = initial.length - depth;
            double[] x = new double[n];
            double sum = 0.0;
            for (int i = 0; i < depth; i++) {
                sum += initial[i];
            }
            for (int i = 0; i < n; i++) {
                double v = initial[depth + i];
                x[i] = depth == 0 ? v : v - sum / depth;
                if (depth > 0) {
                    sum += v - initial[i];
                }
            }
            for (int i = 0; i < depth; i++) {
                window[i] = initial[initial.length - depth + i];
            }
            windowSum = sum;
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            t = Thresholds.quantileOfSorted(sorted, level);
            count = n;
            for (double v : x) {
                if (v > t) {
                    addPeak(v - t);
                }
            }
            refit();
        }

        /** Stores a peak; once {@code maxPeaks} are stored, the newest replaces the oldest (a ring). */
        private void addPeak(double excess) {
            peakTotal++;
            if (peakCount == maxPeaks) {
                peaks[peakNext] = excess;
                peakNext = peakNext + 1 == maxPeaks ? 0 : peakNext + 1;
                return;
            }
            if (peakCount == peaks.length) {
                int capacity = Math.min(maxPeaks, peaks.length * 2);
                peaks = Arrays.copyOf(peaks, capacity);
                scratch = new double[capacity];
            }
            peaks[peakCount++] = excess;
        }

        private void refit() {
            if (peakCount == 0) {
                shape = 0.0;
                scale = 0.0;
                zq = t;
                return;
            }
            double hint = scale > 0.0 ? shape / scale : 0.0; // warm start from the previous fit
            GeneralizedPareto.fit(peaks, peakCount, Double.NEGATIVE_INFINITY, fit, hint, scratch);
            shape = fit[0];
            scale = fit[1];
            double r = risk * count / peakTotal; // the exceedance rate counts every peak ever seen
            zq = r >= 1.0 ? t : t + GeneralizedPareto.quantile(r, shape, scale);
        }

        /**
         * Judges a score and learns from it unless it is an alarm.
         *
         * @param score a finite score
         * @return whether it exceeds the threshold in force
         */
        public boolean update(double score) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("score must be finite, got " + score);
            }
            double local = depth == 0 ? 0.0 : windowSum / depth;
            double x = score - local;
            if (x > zq) {
                return true;
            }
            count++;
            if (x > t) {
                addPeak(x - t);
                refit();
            } else if (depth == 0) {
                return false;
            }
            if (depth > 0) {
                windowSum += score - window[position];
                window[position] = score;
                position = position + 1 == depth ? 0 : position + 1;
            }
            return false;
        }

        /** @return the cut-off in force for the next score, in score units (drift level included for DSPOT) */
        public double threshold() {
            return zq + (depth == 0 ? 0.0 : windowSum / depth);
        }

        /** @return the peak threshold t (relative to the drift level for DSPOT) */
        public double peakThreshold() {
            return t;
        }

        /** @return the fitted generalized Pareto shape */
        public double shape() {
            return shape;
        }

        /** @return the fitted generalized Pareto scale (0 before any peak) */
        public double scale() {
            return scale;
        }

        /** @return a record of the complete state */
        public PeaksOverThresholdState snapshot() {
            return new PeaksOverThresholdState(risk, level, depth, maxPeaks, t, count, peakTotal,
                    Arrays.copyOf(peaks, peakCount), peakNext, window, position, windowSum, shape, scale, zq);
        }

        /**
         * Replaces the state with a snapshot of a stream with the same settings.
         *
         * @param s the snapshot
         * @throws IllegalArgumentException when its settings differ
         */
        public void restore(PeaksOverThresholdState s) {
            if (s == null || s.risk() != risk || s.level() != level || s.depth() != depth
                    || s.maxPeaks() != maxPeaks) {
                throw new IllegalArgumentException("snapshot settings " + (s == null ? "null" : "risk " + s.risk()
                        + ", level " + s.level() + ", depth " + s.depth() + ", maxPeaks " + s.maxPeaks())
                        + " differ from this stream's (risk " + risk + ", level " + level + ", depth " + depth
                        + ", maxPeaks " + maxPeaks + ")");
            }
            double[] p = s.peaks();
            int capacity = Math.min(maxPeaks, Math.max(16, Integer.highestOneBit(Math.max(1, p.length)) * 2));
            peaks = Arrays.copyOf(p, Math.max(capacity, p.length));
            scratch = new double[peaks.length];
            peakCount = p.length;
            peakNext = s.peakNext();
            peakTotal = s.peakTotal();
            count = s.count();
            t = s.peakThreshold();
            System.arraycopy(s.window(), 0, window, 0, depth);
            position = s.position();
            windowSum = s.windowSum();
            shape = s.shape();
            scale = s.scale();
            zq = s.threshold();
        }
    }

    /** Builds {@link PeaksOverThreshold} settings; each option may be set once and is validated at once. */
    public static final class Builder {
        private Double risk;
        private Double level;
        private Integer depth;
        private Integer maxPeaks;

        private Builder() {
        }

        /**
         * @param peaks how many of the most recent peaks the tail is fitted to, 10..10,000,000 (default 1,000);
         *     bounds memory and the cost of a refit, while the exceedance rate still counts every peak
         * @return this builder
         */
        public Builder maxPeaks(int peaks) {
            if (maxPeaks != null) {
                throw new IllegalStateException("maxPeaks was already set to " + maxPeaks);
            }
            checkMaxPeaks(peaks);
            maxPeaks = peaks;
            return this;
        }

        /**
         * @param probability target probability of an alarm on normal data, in (0, 1) and below {@code 1 - level}
         *     (checked by {@link #build}) (default 1e-4)
         * @return this builder
         */
        public Builder risk(double probability) {
            if (risk != null) {
                throw new IllegalStateException("risk was already set to " + risk);
            }
            check(probability, DEFAULT_LEVEL, 0);
            risk = probability;
            return this;
        }

        /**
         * @param quantile quantile of the initial scores above which peaks are taken, in (0, 1) (default 0.98)
         * @return this builder
         */
        public Builder level(double quantile) {
            if (level != null) {
                throw new IllegalStateException("level was already set to " + level);
            }
            check(0.5, quantile, 0);
            level = quantile;
            return this;
        }

        /**
         * @param readings drift window of DSPOT, 0..1,000,000 (default 0: SPOT, no drift correction)
         * @return this builder
         */
        public Builder depth(int readings) {
            if (depth != null) {
                throw new IllegalStateException("depth was already set to " + depth);
            }
            check(0.5, DEFAULT_LEVEL, readings);
            depth = readings;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException when the risk is not below {@code 1 - level}
         */
        public PeaksOverThreshold build() {
            return new PeaksOverThreshold(risk != null ? risk : 1e-4, level != null ? level : DEFAULT_LEVEL,
                    depth != null ? depth : 0, maxPeaks != null ? maxPeaks : DEFAULT_MAX_PEAKS);
        }
    }
}
