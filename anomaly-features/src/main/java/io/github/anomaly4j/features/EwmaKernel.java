package io.github.anomaly4j.features;

/**
 * Exponentially weighted mean {@code m_t = m_{t-1} + alpha (x_t - m_{t-1})} (mode {@link #MEAN}) or variance (mode
 * {@link #VARIANCE}), with the variance updated as in West (1979) / Finch, "Incremental calculation of weighted
 * mean and variance" (2009, eq. 143): {@code diff = x - m; m += alpha diff; v = (1 - alpha)(v + alpha diff^2)}.
 * The first value starts the mean (variance 0). A recursion, so chunking and restarts cannot change a bit. At
 * {@code alpha = 1} the mean is the newest value and the variance 0 by definition, both written as such:
 * {@code m + (x - m)} loses {@code x} beside a huge {@code m} (1e200 then 3 gave 0), and {@code 0 * (v + diff^2)}
 * would be NaN once {@code diff^2} overflows.
 */
final class EwmaKernel extends Kernel {
    static final int MEAN = 0;
    static final int VARIANCE = 1;

    private final int mode;
    private final double alpha;
    private final double oneMinusAlpha;
    private boolean started;
    private double mean;
    private double variance;

    EwmaKernel(int mode, double alpha) {
        this.mode = mode;
        this.alpha = alpha;
        this.oneMinusAlpha = 1.0 - alpha;
    }

    @Override
    public void apply(long timestamp, double[] in, double[] out) {
        double x = single(in, out);
        if (x == x) {
            update(timestamp, x, out, 0);
        } else {
            out[0] = Double.NaN;
        }
    }

    @Override
    void update(long timestamp, double x, double[] out, int off) {
        if (!started || oneMinusAlpha == 0.0) {
            // the first value, and at alpha = 1 every value, is the mean exactly, with variance 0 (see above)
            started = true;
            mean = x;
            variance = 0.0;
        } else {
            double diff = x - mean;
            if (Math.abs(diff) <= Double.MAX_VALUE) {
                double incr = alpha * diff;
                mean += incr;
                variance = oneMinusAlpha * (variance + diff * incr);
            } else {
                farApart(x);
            }
        }
        out[off] = mode == MEAN ? mean : variance;
    }

    /**
     * The same step when {@code x - mean} overflows (values more than {@code Double.MAX_VALUE} apart, of opposite
     * signs): the mean as the weighted sum of the two, the variance from half the difference, neither of which
     * overflows; the variance is then {@code +Infinity} only if it is beyond the double range.
     */
    private void farApart(double x) {
        double half = 0.5 * x - 0.5 * mean;
        variance = oneMinusAlpha * (variance + 4.0 * ((alpha * half) * half));
        mean = oneMinusAlpha * mean + alpha * x;
    }

    @Override
    ColumnSnapshot save() {
        return new ColumnSnapshot(new long[] {started ? 1 : 0}, new double[] {alpha, mode, mean, variance});
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("ewma", 1, 4);
        require(Double.compare(s.value(0), alpha) == 0 && s.value(1) == mode, "alpha differs");
        require(s.counter(0) == 0 || s.counter(0) == 1, "started flag");
        if (s.counter(0) == 1) {
            // a started stream's mean lies between readings; its variance is >= 0, +Infinity beyond the double range
            require(Double.isFinite(s.value(2)), "mean is " + s.value(2) + ", must be finite");
            require(s.value(3) >= 0.0, "variance is " + s.value(3) + ", must be >= 0");
        }
    }

    @Override
    void load(ColumnSnapshot s) {
        started = s.counter(0) == 1;
        mean = s.value(2);
        variance = s.value(3);
    }
}
