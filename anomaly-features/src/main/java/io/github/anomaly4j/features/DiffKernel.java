package io.github.anomaly4j.features;

/**
 * The difference {@code (1 - B^s)^d x}: {@code d} stages, each subtracting the value its input had {@code s}
 * readings earlier ({@code d = 1, s = 1} is {@code x_t - x_{t-1}}; {@code s = 24} on hourly data removes a daily
 * cycle). Each stage keeps a ring of {@code 2^j >= s} values in one flat array. The output is the same arithmetic
 * expression of the last {@code d s + 1} inputs whatever came before, so it matches a from-scratch recomputation
 * exactly. NaN until {@code d s} values have been seen.
 */
final class DiffKernel extends Kernel {
    private final int order;
    private final int lag;
    private final int cap;
    private final int mask;
    private final double[] rings;
    private final long[] counts;

    DiffKernel(int order, int lag) {
        this.order = order;
        this.lag = lag;
        this.cap = Checks.ceilPow2(lag);
        this.mask = cap - 1;
        this.rings = new double[order * cap];
        this.counts = new long[order];
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
        double y = x;
        double[] r = rings;
        for (int j = 0, base = 0; j < order; j++, base += cap) {
            long c = counts[j];
            double prev = r[base + ((int) (c - lag) & mask)];
            r[base + ((int) c & mask)] = y;
            counts[j] = c + 1;
            if (c < lag) {
                out[off] = Double.NaN;
                return;
            }
            y = y - prev;
        }
        out[off] = y;
    }

    @Override
    ColumnSnapshot save() {
        double[] v = new double[2 + rings.length];
        v[0] = order;
        v[1] = lag;
        System.arraycopy(rings, 0, v, 2, rings.length);
        return new ColumnSnapshot(counts, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("diff", order, 2 + rings.length);
        require(s.value(0) == order && s.value(1) == lag, "order or lag differs");
        for (int j = 0; j < order; j++) {
            require(s.counter(j) >= 0, "negative count");
        }
        for (int j = 1; j < order; j++) {
            // stage j takes a value each time stage j - 1 emits one, which it does from its lag-th value on
            long expected = Math.max(0, s.counter(j - 1) - lag);
            require(s.counter(j) == expected, "stage " + j + " has seen " + s.counter(j) + " values, stage " + (j - 1)
                    + " has emitted " + expected);
        }
        // the first stage holds inputs; later ones hold differences, which may overflow to infinities and NaN
        requireFinite(s, 2, cap, "the first stage");
    }

    @Override
    void load(ColumnSnapshot s) {
        long[] c = s.counters();
        System.arraycopy(c, 0, counts, 0, order);
        double[] v = s.values();
        System.arraycopy(v, 2, rings, 0, rings.length);
    }
}
