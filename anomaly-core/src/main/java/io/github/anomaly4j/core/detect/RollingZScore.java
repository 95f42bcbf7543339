package io.github.anomaly4j.core.detect;

/**
 * Streaming z-score over a sliding window.
 *
 * <p>Per feature it keeps the window's mean and sum of squared deviations (M2), updated in O(1) by Welford's
 * method while the window fills and by the add-one-remove-one form once it is full. Rounding error of the
 * incremental updates is bounded by recomputing exactly (scaled corrected two-pass) every {@code window} updates,
 * and whenever an incremental step would overflow, so the amortised cost stays O(1) per feature and reading.
 */
final class RollingZScore extends RollingDetector {
    private final double[] mean;
    private final double[] m2;
    private final double[] sd;
    private final double[] scratch = new double[2];
    private int sinceRecompute;

    RollingZScore(int dimension, int window, int warmUp) {
        super(ZScoreDetector.ID, dimension, window, warmUp);
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
        this.sd = new double[dimension];
    }

    @Override
    double score(double[] x) {
        double max = 0.0;
        for (int j = 0; j < dimension; j++) {
            double scale = Math.max(sd[j], Robust.scaleFloor(mean[j]));
            double z = Math.abs(x[j] - mean[j]) / scale;
            if (!(z <= Double.MAX_VALUE)) {
                z = Double.MAX_VALUE;
            }
            if (z > max) {
                max = z;
            }
        }
        return max;
    }

    @Override
    void learn(int j, double x, double old, int filled) {
        double mu = mean[j];
        double newMean;
        double newM2;
        int n;
        if (filled < window) {
            n = filled + 1;
            double delta = x - mu;
            newMean = mu + delta / n;
            newM2 = m2[j] + delta * (x - newMean);
        } else {
            n = window;
            newMean = mu + (x - old) / n;
            newM2 = m2[j] + (x - old) * (x - newMean + old - mu);
        }
        if (Double.isFinite(newMean) && Double.isFinite(newM2)) {
            mean[j] = newMean;
            m2[j] = Math.max(0.0, newM2);
            sd[j] = n > 1 ? Math.sqrt(m2[j] / (n - 1)) : 0.0;
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

    /** Exact statistics of feature j's n most recent values (the first n slots until the ring wraps). */
    private void recompute(int j, int n) {
        int from = j * window;
        Robust.meanStd(buffer, from, from + n, scratch);
        mean[j] = scratch[0];
        sd[j] = scratch[1];
        double s2 = scratch[1] * scratch[1] * (n - 1);
        m2[j] = s2; // +Infinity for extreme data: the next incremental step then recomputes exactly again
    }

    @Override
    public RollingState snapshot() {
        return new RollingState(type, dimension, window, warmUp, seen, lastTimestamp, position, buffer, mean, m2, sd,
                sinceRecompute);
    }

    @Override
    public void restore(Record snapshot) {
        RollingState s = checkSnapshot(snapshot);
        if (s.mean().length != dimension || s.m2().length != dimension || s.sd().length != dimension) {
            throw new IllegalArgumentException("z-score snapshot needs mean, m2 and sd of length " + dimension);
        }
        restoreRing(s);
        System.arraycopy(s.mean(), 0, mean, 0, dimension);
        System.arraycopy(s.m2(), 0, m2, 0, dimension);
        System.arraycopy(s.sd(), 0, sd, 0, dimension);
        sinceRecompute = s.sinceRecompute();
    }
}
