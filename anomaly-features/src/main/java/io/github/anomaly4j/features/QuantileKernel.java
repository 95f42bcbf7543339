package io.github.anomaly4j.features;

/**
 * Rolling quantile over the last {@code n} values. The quantile interpolates linearly between order statistics
 * (Hyndman and Fan's definition 7): with {@code h = (n - 1) q}, {@code v = s[floor h] + (h - floor h)(s[floor h + 1]
 * - s[floor h])}. The result equals sorting the window from scratch, exactly.
 *
 * <p>Only the order statistics near rank {@code floor h} matter, so the kernel keeps the window in arrival order (a
 * ring buffer) and, sorted, only a <em>slice</em> of it: every window value in a value range {@code [a, b]}, with
 * the count of window values below {@code a}. An update compares the leaving and the new value with {@code a} and
 * {@code b} (branch-free for the count below); only a value inside the range touches the slice, an insertion step
 * over a few elements. When the ranks needed leave the slice (the window drifted), one pass over the ring collects
 * the {@value #SPARE} + missing nearest values on that side; the far side is trimmed back to {@value #SPARE}
 * spare ranks. Ties are whole: the slice holds every copy of a value in range, so ranks stay exact. At a window of
 * 60 on noisy data this touches a handful of elements per update instead of a third of the window.
 *
 * <p>Cost. An update inside the slice is O(slice size). A refill is one pass over the window, O(n), nearly
 * branch-free (a value nearer than those already kept steps through a buffer of a few; the others are one
 * test); it leaves {@value #SPARE} ranks to spare, so a steady drift (a trend, or values alternating between far
 * sides) refills at most about twice every {@value #SPARE} updates: amortised O(n / {@value #SPARE}). A new
 * minimum at rank 0 or maximum at rank {@code n - 1} (a falling series at {@code q = 0}, a rising one at
 * {@code q = 1}) joins the slice without a pass. No update costs more than O(n), the cost of the fully sorted
 * window this replaced; a window of mostly equal values reaches it, since the slice holds every copy of a value at
 * its edge.
 */
final class QuantileKernel extends Kernel {
    /** Ranks kept beyond those needed, on each side, when the slice is rebuilt or trimmed. */
    static final int SPARE = 8;
    /** The slice is trimmed back when it grows beyond this many values (it grows while values drift inside). */
    private static final int CAP = 4 * SPARE + 2;

    private final int n;
    private final double q;
    private final double[] ring;
    private final int mask;
    /** The sorted slice: every window value in [a, b], in {@code slice[0..size)}. */
    private final double[] slice;
    /** Scratch for rebuilding the slice. */
    private final double[] scratch;
    /** The rank of the lower order statistic, and of the highest one the output reads. */
    private final int lo;
    private final int hi;
    private final double frac;
    private long count;
    private double a;
    private double b;
    /** The number of window values below {@link #a}: the rank of {@code slice[0]}. */
    private int below;
    private int size;
    /** Set by {@link #nearest}: copies of the farthest kept value left out. */
    private int ties;
    /** Passes over the whole window made by {@link #cover} so far (not state: for tests of the update's cost). */
    long passes;

    QuantileKernel(int n, double q) {
        this.n = n;
        this.q = q;
        this.ring = new double[Checks.ceilPow2(n)];
        this.mask = ring.length - 1;
        this.slice = new double[n + 1];
        this.scratch = new double[n];
        double h = (n - 1) * q;
        int floor = (int) Math.floor(h);
        if (floor >= n - 1) {
            floor = n - 1;
            h = floor;
        }
        this.lo = floor;
        this.frac = h - floor;
        this.hi = frac == 0.0 ? lo : lo + 1;
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

    /**
     * @return 1 if {@code u < v}, else 0, for finite values without a branch (the sign of an exact-or-nonzero
     *     difference)
     */
    private static int below(double u, double v) {
        return (int) (Double.doubleToRawLongBits(u - v) >>> 63);
    }

    /** The steady-state step is kept small so that it inlines into {@link #apply}; the first window fills apart. */
    @Override
    void update(long timestamp, double value, double[] out, int off) {
        // -0.0 + 0.0 is 0.0: one zero keeps the sorted order a function of the values alone
        double x = value + 0.0;
        long c = count;
        if (c < n) {
            fill(x, out, off);
            return;
        }
        double old = ring[(int) (c - n) & mask];
        ring[(int) c & mask] = x;
        count = c + 1;
        double lower = a;
        double upper = b;
        below += below(x, lower) - below(old, lower);
        boolean oldIn = old >= lower & old <= upper;
        boolean newIn = x >= lower & x <= upper;
        if (oldIn | newIn) {
            replace(old, x, oldIn, newIn);
        }
        if (lo < below || hi >= below + size) {
            cover();
        } else if (size > CAP) {
            trim();
        }
        emit(out, off);
    }

    /** One of the first {@code n} values; when the window fills, sorts it once and emits. */
    private void fill(double x, double[] out, int off) {
        ring[(int) count & mask] = x;
        count++;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        build();
        emit(out, off);
    }

    private void emit(double[] out, int off) {
        double[] s = slice;
        int i = lo - below;
        double v = s[i];
        out[off] = frac == 0.0 ? v : interpolate(v, s[i + 1], frac);
    }

    /**
     * {@code a + frac (b - a)} for {@code a <= b}; when {@code b - a} overflows (values of opposite signs more than
     * {@code Double.MAX_VALUE} apart) the same point as {@code (1 - frac) a + frac b}, which cannot overflow, instead
     * of an infinity (as R computes it; numpy returns an infinity).
     */
    static double interpolate(double a, double b, double frac) {
        double gap = b - a;
        return gap <= Double.MAX_VALUE ? a + frac * gap : (1.0 - frac) * a + frac * b;
    }

    /** Takes {@code old} out of the slice if it was in range and puts {@code x} in if it is (an insertion step). */
    private void replace(double old, double x, boolean oldIn, boolean newIn) {
        double[] s = slice;
        int sz = size;
        if (oldIn) {
            int i = 0;
            while (s[i] != old) {
                i++;
            }
            if (newIn) {
                if (x > old) {
                    while (i + 1 < sz && s[i + 1] < x) {
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
            } else {
                System.arraycopy(s, i + 1, s, i, sz - i - 1);
                size = sz - 1;
            }
        } else {
            int i = sz;
            while (i > 0 && s[i - 1] > x) {
                s[i] = s[i - 1];
                i--;
            }
            s[i] = x;
            size = sz + 1;
        }
    }

    /**
     * Extends the slice until it holds ranks {@code lo..hi} with {@value #SPARE} to spare on the side it lacked:
     * one pass over the window keeps the nearest values beyond the range in a small sorted buffer and counts the
     * copies of the farthest one it left out, which join the slice too, so it holds every copy (a new value that
     * is the only one beyond the slice, a new extreme at rank 0 or {@code n - 1}, joins it directly, without the
     * pass). Then trims the far side.
     */
    private void cover() {
        double[] buf = scratch;
        double[] s = slice;
        double newest = ring[(int) (count - 1) & mask];
        if (lo < below && below == 1 && newest < a) {
            // the newest value is the only one below a (a new minimum, as on a falling series at q = 0): the
            // slice takes it in front, without a pass over the window
            System.arraycopy(s, 0, s, 1, size);
            s[0] = newest;
            size++;
            below = 0;
            a = newest;
        } else if (hi >= below + size && below + size == n - 1 && newest > b) {
            // the newest value is the only one above b (a new maximum): appended likewise
            s[size++] = newest;
            b = newest;
        }
        if (lo < below) {
            // the e largest values below a, ascending in buf
            int f = nearest(a, Math.min(below, below - lo + SPARE), false);
            double edge = buf[0];
            int missing = ties;
            int add = f + missing;
            System.arraycopy(s, 0, s, add, size);
            java.util.Arrays.fill(s, 0, missing, edge);
            System.arraycopy(buf, 0, s, missing, f);
            size += add;
            below -= add;
            a = edge;
        }
        if (hi >= below + size) {
            // the e smallest values above b, descending in buf
            int f = nearest(b, Math.min(n - below - size, hi - below - size + 1 + SPARE), true);
            double edge = buf[0];
            int missing = ties;
            int end = size;
            for (int i = f - 1; i >= 0; i--) {
                s[end++] = buf[i];
            }
            java.util.Arrays.fill(s, end, end + missing, edge);
            size = end + missing;
            b = edge;
        }
        trim();
    }

    /**
     * One pass over the window: keeps in {@code scratch[0..f)} the {@code e} window values nearest below
     * {@code limit} (above it when {@code above}), farthest first, so {@code scratch[0]} is the farthest, and counts
     * in {@link #ties} the window values equal to {@code scratch[0]} that it left out (copies beyond the {@code e}).
     *
     * <p>Once {@code e} values are kept, a value is looked at only if it lies between {@code scratch[0]} and
     * {@code limit}: one test, false for almost every value after the first few (a value there is nearer than one
     * already kept), so the loop runs without mispredicted branches. A value equal to {@code scratch[0]} is a
     * left-out copy; a kept value pushed out is one too when the new {@code scratch[0]} equals it. Values farther
     * than {@code scratch[0]} can never equal a later {@code scratch[0]}, which only moves nearer.
     *
     * @return {@code f}, at most {@code e}
     */
    private int nearest(double limit, int e, boolean above) {
        passes++;
        double[] buf = scratch;
        int f = 0;
        int left = 0;
        // one method with a loop for each side, mirrored: too big for C2 to inline into cover (FreqInlineSize), so
        // it is compiled on its own, which measured faster than inside cover; one loop over sign-flipped values is
        // small enough to be inlined and measured about 10 % slower per update
        if (above) {
            double edge = Double.POSITIVE_INFINITY;
            for (long k = count - n; k < count; k++) {
                double v = ring[(int) k & mask];
                if (v > limit & v <= edge) {
                    if (f < e) {
                        int i = f++;
                        while (i > 0 && v > buf[i - 1]) {
                            buf[i] = buf[i - 1];
                            i--;
                        }
                        buf[i] = v;
                        if (f == e) {
                            edge = buf[0];
                        }
                    } else if (v == edge) {
                        left++;
                    } else {
                        int i = 0;
                        while (i + 1 < e && buf[i + 1] > v) {
                            buf[i] = buf[i + 1];
                            i++;
                        }
                        buf[i] = v;
                        left = buf[0] == edge ? left + 1 : 0;
                        edge = buf[0];
                    }
                }
            }
        } else {
            double edge = Double.NEGATIVE_INFINITY;
            for (long k = count - n; k < count; k++) {
                double v = ring[(int) k & mask];
                if (v < limit & v >= edge) {
                    if (f < e) {
                        int i = f++;
                        while (i > 0 && v < buf[i - 1]) {
                            buf[i] = buf[i - 1];
                            i--;
                        }
                        buf[i] = v;
                        if (f == e) {
                            edge = buf[0];
                        }
                    } else if (v == edge) {
                        left++;
                    } else {
                        int i = 0;
                        while (i + 1 < e && buf[i + 1] < v) {
                            buf[i] = buf[i + 1];
                            i++;
                        }
                        buf[i] = v;
                        left = buf[0] == edge ? left + 1 : 0;
                        edge = buf[0];
                    }
                }
            }
        }
        ties = left;
        return f;
    }

    /** Drops whole groups of equal values from either end while more than {@value #SPARE} ranks remain spare. */
    private void trim() {
        double[] s = slice;
        int spare = lo - below;
        int drop = 0;
        while (spare - drop > SPARE) {
            double v = s[drop];
            int c = 1;
            while (drop + c < size && s[drop + c] == v) {
                c++;
            }
            if (spare - drop - c < 0) {
                break;
            }
            drop += c;
        }
        if (drop > 0) {
            // one move for all the groups dropped (a drifting window drops several at each refill)
            System.arraycopy(s, drop, s, 0, size - drop);
            size -= drop;
            below += drop;
            a = s[0];
        }
        while (below + size - 1 - hi > SPARE) {
            double v = s[size - 1];
            int c = 1;
            while (c < size && s[size - 1 - c] == v) {
                c++;
            }
            if (below + size - 1 - c < hi) {
                break;
            }
            size -= c;
            b = s[size - 1];
        }
    }

    /** Sorts the full window and takes the slice around ranks {@code lo..hi} (when it fills, and on restore). */
    private void build() {
        double[] t = scratch;
        long first = count - n;
        for (int i = 0; i < n; i++) {
            t[i] = ring[(int) (first + i) & mask];
        }
        java.util.Arrays.sort(t, 0, n);
        int from = Math.max(0, lo - SPARE);
        int to = Math.min(n - 1, hi + SPARE);
        a = t[from];
        b = t[to];
        while (from > 0 && t[from - 1] == a) {
            from--;
        }
        while (to + 1 < n && t[to + 1] == b) {
            to++;
        }
        below = from;
        size = to - from + 1;
        System.arraycopy(t, from, slice, 0, size);
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
        // the ring holds one zero (update adds 0.0); a snapshot from elsewhere may hold -0.0, which the branch-free
        // count below a (the sign of a difference) and the sort would tell apart from 0.0
        for (int i = 0; i < ring.length; i++) {
            ring[i] = v[2 + i] + 0.0;
        }
        // the slice is a function of the window: rebuild it rather than trust it
        if (count >= n) {
            build();
        }
    }
}
