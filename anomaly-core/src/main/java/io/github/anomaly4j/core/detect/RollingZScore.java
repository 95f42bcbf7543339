package io.github.anomaly4j.core.detect;

/**
 * Streaming z-score over a sliding window.
 *
 * <p>Per feature it keeps the window's statistics of the values minus a shift taken from the data (the
 * shifted-data algorithm: for offset data such as 1e9 + noise, {@code x - shift} is exact, so the running mean and
 * sum of squared deviations (M2) keep the digits of the spread rather than of the offset). They are updated in O(1)
 * by Welford's method while the window fills and by the add-one-remove-one form once it is full. Rounding error is
 * bounded by recomputing exactly (scaled corrected two-pass, with a fresh shift) every {@code window} updates, and
 * whenever an incremental step overflows, underflows, cancels (M2 shrinking far below the size of the update, as
 * when a spike leaves the window), or the shift drifts far from the window. The amortised cost is O(1) per feature
 * and reading on ordinary data, O(window) while a window is constant or has a spread below about 1e-125.
 */
final class RollingZScore extends RollingDetector {
    /**
     * Below this M2 the incremental update may have lost digits to underflow (squares of deviations under 1e-154
     * are subnormal or zero), so the exact recomputation takes over. Also covers constant windows (M2 = 0).
     */
    private static final double TINY_M2 = 1e-250;
    /**
     * Recompute when the new M2 is below this fraction of (old M2 + |update term|): the incremental error bound
     * (a few eps times that sum) would exceed about 1e-12 of the new M2.
     */
    private static final double CANCELLATION_RATIO = 1e-4;
    /** Recompute (with a fresh shift) when the window mean is more than 1e4 standard deviations from the shift. */
    private static final double SHIFT_DRIFT_SQUARED = 1e8;

    private final double[] shift;
    private final double[] mean;
    private final double[] m2;
    private final double[] sd;
    private final double[] scratch = new double[2];
    private int sinceRecompute;

    RollingZScore(int dimension, int window, int warmUp) {
        super(ZScoreDetector.ID, dimension, window, warmUp);
        this.shift = new double[dimension];
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
        this.sd = new double[dimension];
    }

    @Override
    double deviation(double v, int j) {
        double scale = Math.max(sd[j], Robust.scaleFloor(shift[j] + mean[j]));
        return Math.abs((v - shift[j]) - mean[j]) / scale;
    }

    @Override
    void learn(int j, double x, double old, int filled) {
        if (filled == 0) {
            shift[j] = x;
            mean[j] = 0.0;
            m2[j] = 0.0;
            sd[j] = 0.0;
            return;
        }
        double xs = x - shift[j];
        double mu = mean[j];
        double newMean;
        double term;
        int n;
        if (filled < window) {
            n = filled + 1;
            double delta = xs - mu;
            newMean = mu + delta / n;
            term = delta * (xs - newMean);
        } else {
            n = window;
            double olds = old - shift[j];
            newMean = mu + (xs - olds) / n;
            term = (xs - olds) * (xs - newMean + olds - mu);
        }
        double newM2 = m2[j] + term;
        // The incremental M2 carries an absolute error of a few eps times (old M2 + |term|); when that is large
        // relative to the new M2 (a spike leaving the window: cancellation), or the shift has drifted far from the
        // window (x - shift no longer exact to the spread's digits), recompute exactly instead.
        double bound = (m2[j] + Math.abs(term)) * CANCELLATION_RATIO;
        if (Double.isFinite(newMean) && Double.isFinite(newM2) && newM2 >= TINY_M2 && newM2 >= bound
                && Math.abs(newMean) * Math.abs(newMean) <= newM2 / (n - 1) * SHIFT_DRIFT_SQUARED) {
            mean[j] = newMean;
            m2[j] = newM2;
            sd[j] = Math.sqrt(newM2 / (n - 1));
        } else {
            recompute(j, n);
        }
    }

    @Override
    void afterUpdate() {
        if (++sinceRecompute >= window) {
            int n = filled();
            for (int j = 0; j < dimension; j++) {
                recompute(j, n);
            }
            sinceRecompute = 0;
        }
    }

    /**
     * Exact statistics of feature j's n most recent values, which occupy the first n slots until the ring wraps
     * and all of them after. The new shift is the value in the first slot (always in the window).
     */
    private void recompute(int j, int n) {
        int from = j * window;
        double k = buffer[from];
        Robust.meanStd(buffer, from, from + n, k, scratch);
        if (!Double.isFinite(scratch[0])) {
            k = 0.0;
            Robust.meanStd(buffer, from, from + n, 0.0, scratch);
        }
        shift[j] = k;
        mean[j] = scratch[0];
        sd[j] = scratch[1];
        m2[j] = scratch[1] * scratch[1] * (n - 1); // +Infinity for extreme data: the next step recomputes again
    }

    @Override
    public RollingState snapshot() {
        return new RollingState(type, dimension, window, warmUp, seen, lastTimestamp, position, buffer, shift, mean,
                m2, sd, sinceRecompute);
    }

    @Override
    public void restore(Record snapshot) {
        RollingState s = checkSnapshot(snapshot);
        if (s.shift().length != dimension || s.mean().length != dimension || s.m2().length != dimension
                || s.sd().length != dimension) {
            throw new IllegalArgumentException("z-score snapshot needs shift, mean, m2 and sd of length "
                    + dimension);
        }
        restoreRing(s);
        System.arraycopy(s.shift(), 0, shift, 0, dimension);
        System.arraycopy(s.mean(), 0, mean, 0, dimension);
        System.arraycopy(s.m2(), 0, m2, 0, dimension);
        System.arraycopy(s.sd(), 0, sd, 0, dimension);
        sinceRecompute = s.sinceRecompute();
    }
}
