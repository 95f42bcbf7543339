package io.github.anomaly4j.features;

/**
 * The value {@code k} readings back (mode {@link #LAG}), or the change per second over the last {@code k} readings
 * (mode {@link #RATE}: {@code (x_t - x_{t-k}) * 1000 / (time_t - time_{t-k})}). A ring buffer of
 * {@code 2^j > k} values (and timestamps); NaN until {@code k} earlier values have been seen.
 */
final class LagKernel extends Kernel {
    static final int LAG = 0;
    static final int RATE = 1;

    private final int mode;
    private final int k;
    private final double[] ring;
    private final long[] times;
    private final int mask;
    private long count;

    LagKernel(int mode, int k) {
        this.mode = mode;
        this.k = k;
        this.ring = new double[Checks.ceilPow2(k + 1)];
        this.times = mode == RATE ? new long[ring.length] : null;
        this.mask = ring.length - 1;
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
        long c = count;
        if (mode == RATE) {
            requireAfterLast(timestamp, -1);
            times[(int) c & mask] = timestamp;
        }
        ring[(int) c & mask] = x;
        count = c + 1;
        if (c < k) {
            out[off] = Double.NaN;
            return;
        }
        int back = (int) (c - k) & mask;
        if (mode == LAG) {
            out[off] = ring[back];
        } else {
            // times increase, so the interval is positive: negative only when it overflows a long (more than 2^63 ms)
            long dt = timestamp - times[back];
            out[off] = (x - ring[back]) * 1000.0 / (dt > 0 ? (double) dt : dt + 0x1p64);
        }
    }

    @Override
    boolean keepsTimes() {
        return times != null;
    }

    @Override
    boolean holdsTime() {
        return times != null && count > 0;
    }

    @Override
    long lastTime() {
        if (!holdsTime()) {
            return super.lastTime();
        }
        return times[(int) (count - 1) & mask];
    }

    @Override
    ColumnSnapshot save() {
        double[] v = new double[3 + ring.length];
        v[0] = k;
        v[1] = mode;
        v[2] = 0;
        System.arraycopy(ring, 0, v, 3, ring.length);
        long[] c = new long[1 + (times == null ? 0 : times.length)];
        c[0] = count;
        if (times != null) {
            System.arraycopy(times, 0, c, 1, times.length);
        }
        return new ColumnSnapshot(c, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout(mode == LAG ? "lag" : "rate-of-change", 1 + (times == null ? 0 : times.length),
                3 + ring.length);
        require(s.value(0) == k && s.value(1) == mode, "lag differs");
        require(s.counter(0) >= 0, "negative count");
        requireFinite(s, 3, ring.length, "the ring");
        if (times != null) {
            // the readings still in the ring came in strictly increasing time, or the rate divides by t - t' <= 0
            long count = s.counter(0);
            for (long i = Math.max(0, count - ring.length) + 1; i < count; i++) {
                long before = s.counter(1 + ((int) (i - 1) & mask));
                long after = s.counter(1 + ((int) i & mask));
                require(before < after, "the times in the ring go from " + before + " to " + after
                        + "; they must increase");
            }
        }
    }

    @Override
    void load(ColumnSnapshot s) {
        count = s.counter(0);
        double[] v = s.values();
        System.arraycopy(v, 3, ring, 0, ring.length);
        if (times != null) {
            long[] c = s.counters();
            System.arraycopy(c, 1, times, 0, times.length);
        }
    }
}
