package io.github.anomaly4j.features;

/**
 * Rolling mean, variance, standard deviation and z-score over the last {@code n} values.
 *
 * <p>Layout and numerics: the window lives in a ring buffer of {@code 2^k >= n} slots. The kernel keeps the sums
 * of {@code d = (x - shift) * scale} and of {@code d^2}, each as a compensated (TwoSum) pair, with every square
 * split exactly into {@code p + e} by a fused multiply-add. A value leaving the window subtracts exactly the
 * terms it added, so the sums carry no error beyond the compensated rounding (about {@code 2^-104} of their
 * largest magnitude). Shifting by a value near the window mean avoids the catastrophic cancellation of the
 * textbook {@code sum(x^2) - sum(x)^2 / n} formula (Chan, Golub and LeVeque, "Algorithms for computing the sample
 * variance", 1983); scaling by a power of two is exact and keeps squares away from overflow and underflow.
 *
 * <p>The kernel rebuilds its sums from the ring buffer (O(n), amortised O(1)) when the window first fills, when the
 * shift has drifted far from the mean (the cancellation in {@code S2 - S1^2/n} exceeds a factor 64), when the sums
 * have shrunk far below their peak (old rounding would show), and every {@code 64 n} values. A window of equal
 * values returns that value and a variance of exactly zero.
 */
final class MomentsKernel extends Kernel {
    static final int MEAN = 0;
    static final int VARIANCE = 1;
    static final int STD = 2;
    static final int ZSCORE = 3;

    private static final double SHRUNK = 0x1p-40;
    private static final double HUGE = 0x1p900;
    private static final double CANCELLATION = 63.0 / 64.0;
    private static final double ILL_CONDITIONED = 0x1p-40;

    /** Where {@link #save} puts the statistic ({@link #mode}) among a snapshot's values. */
    private static final int MODE_SLOT = 10;

    private final int mode;
    private final int n;
    private final double invN;
    private final double invN1;
    private final double[] ring;
    private final int mask;
    private final int rebuildEvery;

    private long count;
    private long run;
    private double last = Double.NaN;
    private double shift;
    private double scale = 1.0;
    private double invScale = 1.0;
    private double s1;
    private double c1;
    private double s2;
    private double c2;
    private double peak;
    private int sinceRebuild;
    /** Sum of |x| over the window (plain double; only a conditioning estimate, reset by every rebuild). */
    private double absSum;
    /** The largest {@link #absSum} since the last rebuild. */
    private double peakAbs;
    /**
     * In a {@link FeaturePipeline}, a variance, standard deviation or z-score kernel over the same column and
     * window as an earlier one, in the same state, reads that kernel's state instead of repeating its update (the
     * three evolve their state identically; only the last step of the output differs). Null otherwise. Set only
     * by {@link #follow}, which the pipeline calls on freshly opened or restored kernels, and only the pipeline
     * feeds such a kernel, right after its leader.
     */
    private MomentsKernel leader;
    /** Scratch for the exact summation of an ill-conditioned window: Shewchuk's non-overlapping partials. */
    private double[] partials = new double[64];

    MomentsKernel(int mode, int n) {
        this.mode = mode;
        this.n = n;
        this.invN = 1.0 / n;
        this.invN1 = n > 1 ? 1.0 / (n - 1) : Double.NaN;
        this.ring = new double[Checks.ceilPow2(n)];
        this.mask = ring.length - 1;
        this.rebuildEvery = (int) Math.min(Integer.MAX_VALUE, 64L * n);
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
     * The steady-state step (window full, not the mean) is kept small so that it inlines into {@link #apply}; the
     * first {@code n} values and the mean go through their own methods.
     */
    @Override
    void update(long timestamp, double x, double[] out, int off) {
        if (leader != null) {
            out[off] = followed(x);
            return;
        }
        run = x == last ? run + 1 : 1;
        last = x;
        long c = count;
        if (c < n) {
            fill(x, out, off);
            return;
        }
        if (mode == MEAN) {
            updateMean(x, out, off);
            return;
        }
        replace(ring[(int) (c - n) & mask], x);
        ring[(int) c & mask] = x;
        count = c + 1;
        double sum1 = s1 + c1;
        double sum2 = s2 + c2;
        double q = sum1 * sum1 * invN;
        // sum2 == 0 in a window that is not constant: its squares underflowed at a scale left by other values
        if (++sinceRebuild >= rebuildEvery || q > CANCELLATION * sum2 || sum2 < peak * SHRUNK || !(sum2 <= HUGE)
                || sum2 == 0.0 && run < n) {
            rebuild();
            sum1 = s1 + c1;
            sum2 = s2 + c2;
            q = sum1 * sum1 * invN;
        }
        out[off] = run >= n ? 0.0 : spread(this, x, sum1, sum2, q);
    }

    /**
     * Makes this kernel follow {@code other} (see {@link #leader}) if both compute a spread (not the mean) over the
     * same window and their states are equal apart from the statistic.
     *
     * @return whether it now follows
     */
    boolean follow(MomentsKernel other) {
        if (other == this || other.leader != null || leader != null || other.n != n || mode == MEAN
                || other.mode == MEAN) {
            return false;
        }
        ColumnSnapshot mine = save();
        ColumnSnapshot theirs = other.save();
        double[] a = mine.values();
        double[] b = theirs.values();
        a[MODE_SLOT] = b[MODE_SLOT]; // the states may differ only in the statistic
        if (!java.util.Arrays.equals(mine.counters(), theirs.counters()) || !java.util.Arrays.equals(a, b)) {
            return false;
        }
        leader = other;
        return true;
    }

    /** What {@link #update} would write, from the leader's state, which has just taken the same {@code x}. */
    private double followed(double x) {
        MomentsKernel l = leader;
        if (l.count < n) {
            return Double.NaN;
        }
        if (l.run >= n) {
            return 0.0;
        }
        double sum1 = l.s1 + l.c1;
        double sum2 = l.s2 + l.c2;
        return spread(l, x, sum1, sum2, sum1 * sum1 * invN);
    }

    /** One of the first {@code n} values: adds it; when the window fills, rebuilds (re-centres) and emits. */
    private void fill(double x, double[] out, int off) {
        if (count == 0) {
            shift = x;
        }
        if (mode == MEAN) {
            updateMean(x, out, off);
            return;
        }
        add(x);
        ring[(int) count & mask] = x;
        count++;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        rebuild();
        double sum1 = s1 + c1;
        double sum2 = s2 + c2;
        out[off] = run >= n ? 0.0 : spread(this, x, sum1, sum2, sum1 * sum1 * invN);
    }

    /**
     * @param st the kernel whose state (shift and scale) the sums belong to: this one, or its leader
     * @param x the newest value
     * @param sum1 the sum of {@code d}
     * @param sum2 the sum of {@code d^2}
     * @param q {@code sum1^2 / n}
     * @return the variance, standard deviation or z-score of a window that is not constant
     */
    private double spread(MomentsKernel st, double x, double sum1, double sum2, double q) {
        double inv = st.invScale;
        switch (mode) {
            case VARIANCE:
                return Math.max(0.0, sum2 - q) * invN1 * inv * inv;
            case STD:
                return Math.sqrt(Math.max(0.0, sum2 - q) * invN1) * inv;
            default:
                double sh = st.shift;
                double sc = st.scale;
                double m2 = sum2 - q;
                double dx = x - sh;
                double bv = dx - x;
                double dxLow = (x - (dx - bv)) + (-sh - bv);
                return m2 > 0.0 ? ((dx * sc - sum1 * invN) + dxLow * sc) / Math.sqrt(m2 * invN1) : 0.0;
        }
    }

    /**
     * The mean needs only the first sum (its accuracy does not depend on the shift) and the sum of magnitudes that
     * tells an ill-conditioned window; it rebuilds when that sum shrinks far below its peak (a huge value left).
     */
    private void updateMean(double x, double[] out, int off) {
        double[] r = ring;
        if (count >= n) {
            double old = r[(int) (count - n) & mask];
            replaceSum(old, x);
            absSum += Math.abs(x) - Math.abs(old);
        } else {
            add(x);
            absSum += Math.abs(x);
        }
        if (absSum > peakAbs) {
            peakAbs = absSum;
        }
        r[(int) count & mask] = x;
        count++;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        if (++sinceRebuild >= rebuildEvery || count == n || absSum < peakAbs * SHRUNK) {
            rebuild();
            peakAbs = absSum;
        }
        if (run >= n) {
            out[off] = x;
            return;
        }
        double m = mean();
        // |sum x| far below sum |x|: cancellation a double-double cannot carry; sum the window exactly
        m = Math.abs(m) * n >= absSum * ILL_CONDITIONED ? m : exactMean(1.0);
        // a sum beyond the double range (values near Double.MAX_VALUE): sum the window scaled by 2^-26, exactly
        // (n <= 2^24 such values cannot overflow), and scale the mean back
        out[off] = Math.abs(m) <= Double.MAX_VALUE ? m : Math.scalb(exactMean(0x1p-26), 26);
    }

    /** {@link #replace} for the first sum only. */
    private void replaceSum(double old, double x) {
        double sh = shift;
        double sc = scale;
        double hx = x - sh;
        double bx = hx - x;
        double lx = ((x - (hx - bx)) + (-sh - bx)) * sc;
        double dx = hx * sc;
        double ho = old - sh;
        double bo = ho - old;
        double lo = ((old - (ho - bo)) + (-sh - bo)) * sc;
        double dold = ho * sc;
        double h1 = dx - dold;
        double v1 = h1 - dx;
        double l1 = (dx - (h1 - v1)) + (-dold - v1);
        double t = s1 + h1;
        double b = t - s1;
        c1 += ((s1 - (t - b)) + (h1 - b)) + (l1 + (lx - lo));
        s1 = t;
    }

    /**
     * The window mean, rounded once from the (nearly) exact sum {@code n shift + S1 / scale}: the shift cancels
     * exactly, so a mean near zero of large values keeps its relative accuracy.
     */
    private double mean() {
        double p = n * shift;
        double e = Math.fma(n, shift, -p);
        double u = s1 * invScale;
        double t = p + u;
        double b = t - p;
        double low = ((p - (t - b)) + (u - b)) + e + c1 * invScale;
        return (t + low) * invN;
    }

    /**
     * The correctly rounded sum of the window (Shewchuk, "Adaptive precision floating-point arithmetic and fast
     * robust geometric predicates", 1997: the non-overlapping expansion, finished with round-half-even as in
     * Python's {@code math.fsum}) divided by {@code n}. O(n); used only for windows whose sum cancels by more than
     * a factor 2^40, or whose sum overflows.
     *
     * @param factor a power of two each value is multiplied by first (1, or small enough that the sum cannot overflow)
     */
    private double exactMean(double factor) {
        int np = 0;
        double[] p = partials;
        for (long k = count - n; k < count; k++) {
            double x = ring[(int) k & mask] * factor;
            int i = 0;
            for (int j = 0; j < np; j++) {
                double y = p[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double tmp = x;
                    x = y;
                    y = tmp;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) {
                    p[i++] = lo;
                }
                x = hi;
            }
            if (i == p.length) {
                p = java.util.Arrays.copyOf(p, 2 * p.length);
                partials = p;
            }
            p[i++] = x;
            np = i;
        }
        double hi = 0.0;
        if (np > 0) {
            hi = p[--np];
            double lo = 0.0;
            while (np > 0) {
                double x = hi;
                double y = p[--np];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) {
                    break;
                }
            }
            if (np > 0 && ((lo < 0.0 && p[np - 1] < 0.0) || (lo > 0.0 && p[np - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                if (y == x - hi) {
                    hi = x;
                }
            }
        }
        return hi / n;
    }

    /** Adds {@code x - shift}, split exactly (TwoDiff) into a rounded part and its error, and its square. */
    private void add(double x) {
        double hi = x - shift;
        double bv = hi - x;
        double lo = ((x - (hi - bv)) + (-shift - bv)) * scale;
        double d = hi * scale;
        double p = d * d;
        double e = Math.fma(d, d, -p);
        double t = s1 + d;
        double b = t - s1;
        c1 += ((s1 - (t - b)) + (d - b)) + lo;
        s1 = t;
        t = s2 + p;
        b = t - s2;
        c2 += ((s2 - (t - b)) + (p - b)) + e;
        s2 = t;
        if (t > peak) {
            peak = t;
        }
    }

    /**
     * Removes {@code old} and adds {@code x} in one step: the differences of the exact parts are formed first
     * (error-free, independent of the sums), so only one compensated addition per sum sits on the critical path.
     */
    private void replace(double old, double x) {
        double sh = shift;
        double sc = scale;
        // exact x - shift and old - shift, each as hi + lo (TwoDiff)
        double hx = x - sh;
        double bx = hx - x;
        double lx = ((x - (hx - bx)) + (-sh - bx)) * sc;
        double dx = hx * sc;
        double ho = old - sh;
        double bo = ho - old;
        double lo = ((old - (ho - bo)) + (-sh - bo)) * sc;
        double dold = ho * sc;
        // dx - dold exactly as h1 + l1 (TwoSum), squares exactly as p + e (FMA), their difference as h2 + l2
        double h1 = dx - dold;
        double v1 = h1 - dx;
        double l1 = (dx - (h1 - v1)) + (-dold - v1);
        double px = dx * dx;
        double ex = Math.fma(dx, dx, -px);
        double po = dold * dold;
        double eo = Math.fma(dold, dold, -po);
        double h2 = px - po;
        double v2 = h2 - px;
        double l2 = (px - (h2 - v2)) + (-po - v2);
        double t = s1 + h1;
        double b = t - s1;
        c1 += ((s1 - (t - b)) + (h1 - b)) + (l1 + (lx - lo));
        s1 = t;
        t = s2 + h2;
        b = t - s2;
        c2 += ((s2 - (t - b)) + (h2 - b)) + (l2 + (ex - eo));
        s2 = t;
        if (t > peak) {
            peak = t;
        }
    }

    /** Takes out exactly what {@link #add} put in for the same {@code x}. */
    private void remove(double x) {
        double hi = x - shift;
        double bv = hi - x;
        double lo = ((x - (hi - bv)) + (-shift - bv)) * scale;
        double d = hi * scale;
        double p = -(d * d);
        double e = -Math.fma(d, d, p);
        d = -d;
        double t = s1 + d;
        double b = t - s1;
        c1 += ((s1 - (t - b)) + (d - b)) - lo;
        s1 = t;
        t = s2 + p;
        b = t - s2;
        c2 += ((s2 - (t - b)) + (p - b)) + e;
        s2 = t;
    }

    /** Re-centres on the current mean, rescales by a power of two, and recomputes the sums from the window. */
    private void rebuild() {
        int m = (int) Math.min(count, n);
        long first = count - m;
        double newShift = shift + (s1 + c1) / m * invScale;
        if (run >= m || !Double.isFinite(newShift)) {
            // a constant window centres exactly on its value, so its sums are exactly zero
            newShift = last;
        }
        newShift = centre(ring, first, count, mask, newShift, last);
        double maxAbs = largestDeviation(ring, first, count, mask, newShift);
        shift = newShift;
        int exp = maxAbs == 0.0 ? 0 : Math.getExponent(maxAbs);
        scale = Math.scalb(1.0, -exp);
        invScale = Math.scalb(1.0, exp);
        s1 = 0.0;
        c1 = 0.0;
        s2 = 0.0;
        c2 = 0.0;
        peak = 0.0;
        absSum = 0.0;
        for (long i = first; i < count; i++) {
            add(ring[(int) i & mask]);
            absSum += Math.abs(ring[(int) i & mask]);
        }
        sinceRebuild = 0;
    }

    /**
     * The shift a rebuild centres the window {@code ring[first..count)} on (shared with
     * {@link AutocorrelationKernel}): {@code candidate}, the mean from the old sums, if it lies within the window's
     * values; otherwise the newest value, since that mean carries the old sums' rounding, of the order of values
     * that have left (after 1e200 left, values near 1 would cancel to a spread of 0); and 0 when the spread about
     * either overflows a double, so that {@code x - 0} cannot overflow and the scale, from the largest {@code |x|},
     * keeps the squares finite too (unscaled, the squares overflowed and the spread was lost).
     */
    static double centre(double[] ring, long first, long count, int mask, double candidate, double newest) {
        double spread = 0.0;
        double least = Double.POSITIVE_INFINITY;
        double most = Double.NEGATIVE_INFINITY;
        for (long i = first; i < count; i++) {
            double x = ring[(int) i & mask];
            spread = Math.max(spread, Math.abs(x - candidate));
            least = Math.min(least, x);
            most = Math.max(most, x);
        }
        double shift = candidate;
        if (!(candidate >= least && candidate <= most)) {
            shift = newest;
            spread = Math.max(most - newest, newest - least);
        }
        return Double.isFinite(spread) ? shift : 0.0;
    }

    /** @return the largest {@code |x - shift|} over {@code ring[first..count)}, which the scale is chosen from */
    static double largestDeviation(double[] ring, long first, long count, int mask, double shift) {
        double largest = 0.0;
        for (long i = first; i < count; i++) {
            largest = Math.max(largest, Math.abs(ring[(int) i & mask] - shift));
        }
        return largest;
    }

    @Override
    ColumnSnapshot save() {
        // a follower's state is its leader's (the statistic aside)
        MomentsKernel st = leader != null ? leader : this;
        double[] v = new double[13 + ring.length];
        v[0] = st.last;
        v[1] = st.shift;
        v[2] = st.scale;
        v[3] = st.invScale;
        v[4] = st.s1;
        v[5] = st.c1;
        v[6] = st.s2;
        v[7] = st.c2;
        v[8] = st.peak;
        v[9] = n;
        v[MODE_SLOT] = mode;
        v[11] = st.absSum;
        v[12] = st.peakAbs;
        System.arraycopy(st.ring, 0, v, 13, ring.length);
        return new ColumnSnapshot(new long[] {st.count, st.run, st.sinceRebuild}, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("rolling moments", 3, 13 + ring.length);
        require(s.value(9) == n && s.value(MODE_SLOT) == mode, "window or statistic differs");
        requireShiftedSums(s, 13, ring.length, rebuildEvery);
        require(s.value(3) == 1.0 / s.value(2), "1/scale is " + s.value(3) + " for scale " + s.value(2));
    }

    @Override
    void load(ColumnSnapshot s) {
        leader = null;
        count = s.counter(0);
        run = s.counter(1);
        sinceRebuild = (int) s.counter(2);
        last = s.value(0);
        shift = s.value(1);
        scale = s.value(2);
        invScale = s.value(3);
        s1 = s.value(4);
        c1 = s.value(5);
        s2 = s.value(6);
        c2 = s.value(7);
        peak = s.value(8);
        absSum = s.value(11);
        peakAbs = s.value(12);
        double[] v = s.values();
        System.arraycopy(v, 13, ring, 0, ring.length);
    }
}
