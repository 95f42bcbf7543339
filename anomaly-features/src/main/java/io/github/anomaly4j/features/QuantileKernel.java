package io.github.anomaly4j.features;

/**
 * Rolling quantile over the last {@code n} values: the window in arrival order (a ring buffer) and in sorted
 * order (a plain array), with each value's place in the sorted array indexed by its ring slot. An update looks
 * up the leaving value's place, then slides the new value from there to its own place (an insertion-sort step),
 * shifting only the elements between and updating their places: no search, no allocation. The quantile interpolates linearly between order statistics (Hyndman and Fan's definition
 * 7): with {@code h = (n - 1) q}, {@code v = s[floor h] + (h - floor h)(s[floor h + 1] - s[floor h])}. The result
 * equals sorting the window from scratch, exactly.
 */
final class QuantileKernel extends Kernel {
    private final int n;
    private final double q;
    private final double[] ring;
    private final int mask;
    private final double[] sorted;
    /** For each place in {@link #sorted}, the ring slot of its value; and for each ring slot, its place. */
    private final int[] slotOf;
    private final int[] posOf;
    private final int lo;
    private final double frac;
    private long count;

    QuantileKernel(int n, double q) {
        this.n = n;
        this.q = q;
        this.ring = new double[Checks.ceilPow2(n)];
        this.mask = ring.length - 1;
        this.sorted = new double[n];
        this.slotOf = new int[n];
        this.posOf = new int[ring.length];
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
        int[] slots = slotOf;
        int[] pos = posOf;
        int slot = (int) count & mask;
        int i;
        if (count < n) {
            int size = (int) count;
            i = lowerBound(s, 0, size, x);
            for (int k = size; k > i; k--) {
                s[k] = s[k - 1];
                int sl = slots[k - 1];
                slots[k] = sl;
                pos[sl] = k;
            }
        } else {
            // the leaving value's place is known; slide the new value from there to its own place
            i = pos[(int) (count - n) & mask];
            double old = s[i];
            if (x > old) {
                while (i + 1 < n && s[i + 1] < x) {
                    s[i] = s[i + 1];
                    int sl = slots[i + 1];
                    slots[i] = sl;
                    pos[sl] = i;
                    i++;
                }
            } else {
                while (i > 0 && s[i - 1] > x) {
                    s[i] = s[i - 1];
                    int sl = slots[i - 1];
                    slots[i] = sl;
                    pos[sl] = i;
                    i--;
                }
            }
        }
        s[i] = x;
        slots[i] = slot;
        pos[slot] = i;
        ring[(int) count & mask] = x;
        count++;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        double v = s[lo];
        out[off] = frac == 0.0 ? v : v + frac * (s[lo + 1] - v);
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
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (first + i) & mask;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(ring[a], ring[b]));
        for (int i = 0; i < size; i++) {
            sorted[i] = ring[order[i]];
            slotOf[i] = order[i];
            posOf[order[i]] = i;
        }
    }
}
