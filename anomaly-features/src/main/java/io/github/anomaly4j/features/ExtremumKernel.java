package io.github.anomaly4j.features;

/**
 * Rolling minimum or maximum over the last {@code n} values with a monotonic deque (the "ascending minima"
 * algorithm): each value enters and leaves the deque once, so an update is amortised O(1) and allocates nothing.
 * The deque lives in two ring arrays (sequence numbers and values) of {@code 2^k >= n} slots. A maximum is kept as
 * the minimum of negated values; negation is exact.
 */
final class ExtremumKernel extends Kernel {
    private final int n;
    private final double sign;
    private final long[] seq;
    private final double[] val;
    private final int mask;
    private long head;
    private long tail;
    private long count;

    ExtremumKernel(int n, boolean max) {
        this.n = n;
        this.sign = max ? -1.0 : 1.0;
        int cap = Checks.ceilPow2(n);
        this.seq = new long[cap];
        this.val = new double[cap];
        this.mask = cap - 1;
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
        double v = sign * x;
        long t = tail;
        long h = head;
        // expire first, so the deque never holds more than n entries and fits its 2^k >= n slots
        long oldest = count - n;
        while (t > h && seq[(int) h & mask] <= oldest) {
            h++;
        }
        while (t > h && val[(int) (t - 1) & mask] >= v) {
            t--;
        }
        seq[(int) t & mask] = count;
        val[(int) t & mask] = v;
        t++;
        head = h;
        tail = t;
        count++;
        out[off] = count >= n ? sign * val[(int) h & mask] : Double.NaN;
    }

    @Override
    ColumnSnapshot save() {
        int size = (int) (tail - head);
        double[] v = new double[2 + size];
        long[] c = new long[4 + size];
        v[0] = n;
        v[1] = sign;
        c[0] = count;
        c[1] = head;
        c[2] = tail;
        c[3] = size;
        for (int i = 0; i < size; i++) {
            v[2 + i] = val[(int) (head + i) & mask];
            c[4 + i] = seq[(int) (head + i) & mask];
        }
        return new ColumnSnapshot(c, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        require(s.counterCount() >= 4 && s.valueCount() >= 2, "too short");
        require(s.value(0) == n && s.value(1) == sign, "window or direction differs");
        long size = s.counter(3);
        require(size >= 0 && size <= seq.length && s.counter(2) - s.counter(1) == size
                && s.counterCount() == 4 + size && s.valueCount() == 2 + size, "deque size");
        require(s.counter(0) >= 0, "negative count");
        // after an update the deque holds the newest reading and, before it, readings of the window (sequence
        // numbers count - n .. count - 1), with sequence numbers and values both strictly increasing; a deque that
        // breaks this never expires an entry, outgrows its slots or answers with a value not in the window
        long count = s.counter(0);
        require(count == 0 ? size == 0 : size > 0 && s.counter(4 + (int) size - 1) == count - 1
                && s.counter(4) >= count - n, "the deque does not hold the newest reading and only the window");
        requireFinite(s, 2, (int) size, "the deque");
        for (int i = 1; i < size; i++) {
            require(s.counter(4 + i - 1) < s.counter(4 + i) && s.value(2 + i - 1) < s.value(2 + i),
                    "the deque's sequence numbers and values must increase");
        }
    }

    @Override
    void load(ColumnSnapshot s) {
        count = s.counter(0);
        head = s.counter(1);
        tail = s.counter(2);
        int size = (int) (tail - head);
        for (int i = 0; i < size; i++) {
            val[(int) (head + i) & mask] = s.value(2 + i);
            seq[(int) (head + i) & mask] = s.counter(4 + i);
        }
    }
}
