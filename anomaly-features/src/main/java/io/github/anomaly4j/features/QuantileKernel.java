package io.github.anomaly4j.features;

/**
 * Rolling quantile over the last {@code n} values: the window in arrival order (a ring buffer) and in sorted
 * order (a plain array). An update finds the leaving value by binary search, then slides the new value from there
 * to its own place (an insertion-sort step), shifting only the elements between: O(log n) comparisons plus a
 * short move, no allocation. The quantile interpolates linearly between order statistics (Hyndman and Fan's definition
 * 7): with {@code h = (n - 1) q}, {@code v = s[floor h] + (h - floor h)(s[floor h + 1] - s[floor h])}. The result
 * equals sorting the window from scratch, exactly.
 */
final class QuantileKernel extends Kernel {
    private final int n;
    private final double q;
    private final double[] ring;
    private final int mask;
    private final double[] sorted;
    private final int lo;
    private final double frac;
    private long count;

    QuantileKernel(int n, double q) {
        this.n = n;
        this.q = q;
        this.ring = new double[Checks.ceilPow2(n)];
        this.mask = ring.length - 1;
        this.sorted = new double[n];
        double h = (n - 1) * q;
        int floor = (int) Math.floor(h);
        if (floor >= n - 1) {
            floor = n - 1;
            h = floor;
        }
        this.lo = floor;
        this.frac = h - floor;
    }

    @Override
    public void apply(long timestamp, double[] in, double[] out) {
        double x = single(in);
        if (x == x) {
            update(timestamp, x, out, 0);
        } else {
            out[0] = Double.NaN;
        }
    }

    @Override
    void update(long timestamp, double value, double[] out, int off) {
        // -0.0 + 0.0 is 0.0: one zero keeps the sorted order a function of the values alone
        double x = value + 0.0;
        double[] s = sorted;
        if (count < n) {
            int size = (int) count;
            int j = lowerBound(s, 0, size, x);
            System.arraycopy(s, j, s, j + 1, size - j);
            s[j] = x;
        } else {
            double old = ring[(int) (count - n) & mask];
            int i = lowerBoundAll(s, n, old);
            // slide the new value from the leaving value's place to its own, shifting what lies between
            if (x > old) {
                while (i + 1 < n && s[i + 1] < x) {
                    s[i] = s[i + 1];
                    i++;
                }
            } else {
                while (i > 0 && s[i - 1] > x) {
                    s[i] = s[i - 1];
                    i--;
                }
            }
            s[i] = x;
        }
        ring[(int) count & mask] = x;
        count++;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        double v = s[lo];
        out[off] = frac == 0.0 ? v : v + frac * (s[lo + 1] - v);
    }

    /** @return the first index in [0, n) whose value is not below x; n = to (branch-free halving) */
    private static int lowerBoundAll(double[] s, int n, double x) {
        int base = 0;
        int len = n;
        while (len > 1) {
            int half = len >>> 1;
            base = s[base + half - 1] < x ? base + half : base;
            len -= half;
        }
        return s[base] < x ? base + 1 : base;
    }

    /** @return the first index in [from, to) whose value is not below x */
    private static int lowerBound(double[] s, int from, int to, double x) {
        int a = from;
        int b = to;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (s[mid] < x) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    @Override
    ColumnSnapshot save() {
        double[] v = new double[2 + ring.length];
        v[0] = n;
        v[1] = q;
        System.arraycopy(ring, 0, v, 2, ring.length);
        return new ColumnSnapshot(new long[] {count}, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("rolling quantile", 1, 2 + ring.length);
        require(s.value(0) == n && Double.compare(s.value(1), q) == 0, "window or quantile differs");
        require(s.counter(0) >= 0, "negative count");
        long first = Math.max(0, s.counter(0) - n);
        for (long i = first; i < s.counter(0); i++) {
            require(Double.isFinite(s.value(2 + ((int) i & mask))), "non-finite value in the window");
        }
    }

    @Override
    void load(ColumnSnapshot s) {
        count = s.counter(0);
        double[] v = s.values();
        System.arraycopy(v, 2, ring, 0, ring.length);
        // the sorted copy is a function of the window: rebuild it rather than trust it
        int size = (int) Math.min(count, n);
        long first = count - size;
        for (int i = 0; i < size; i++) {
            sorted[i] = ring[(int) (first + i) & mask];
        }
        java.util.Arrays.sort(sorted, 0, size);
    }
}
