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
    void update(long timestamp, double x, double[] out, int off) {
        run = x == last ? run + 1 : 1;
        last = x;
        if (count == 0) {
            shift = x;
        }
        double[] r = ring;
        if (count >= n) {
            remove((r[(int) (count - n) & mask] - shift) * scale);
        }
        r[(int) count & mask] = x;
        add((x - shift) * scale);
        count++;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        double sum1 = s1 + c1;
        double sum2 = s2 + c2;
        double q = sum1 * sum1 * invN;
        if (++sinceRebuild >= rebuildEvery || count == n || q > CANCELLATION * sum2 || sum2 < peak * SHRUNK
                || !(sum2 <= HUGE)) {
            rebuild();
            sum1 = s1 + c1;
            sum2 = s2 + c2;
            q = sum1 * sum1 * invN;
        }
        if (run >= n) {
            out[off] = mode == MEAN ? x : 0.0;
            return;
        }
        switch (mode) {
            case MEAN:
                out[off] = shift + sum1 * invN * invScale;
                return;
            case VARIANCE:
                out[off] = Math.max(0.0, sum2 - q) * invN1 * invScale * invScale;
                return;
            case STD:
                out[off] = Math.sqrt(Math.max(0.0, sum2 - q) * invN1) * invScale;
                return;
            default:
                double m2 = sum2 - q;
                out[off] = m2 > 0.0 ? ((x - shift) * scale - sum1 * invN) / Math.sqrt(m2 * invN1) : 0.0;
        }
    }

    private void add(double d) {
        double p = d * d;
        double e = Math.fma(d, d, -p);
        double t = s1 + d;
        double b = t - s1;
        c1 += (s1 - (t - b)) + (d - b);
        s1 = t;
        t = s2 + p;
        b = t - s2;
        c2 += ((s2 - (t - b)) + (p - b)) + e;
        s2 = t;
        if (t > peak) {
            peak = t;
        }
    }

    private void remove(double d) {
        double p = -(d * d);
        double e = -Math.fma(d, d, p);
        d = -d;
        double t = s1 + d;
        double b = t - s1;
        c1 += (s1 - (t - b)) + (d - b);
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
        double maxAbs = 0.0;
        for (long i = first; i < count; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(ring[(int) i & mask] - newShift));
        }
        if (!Double.isFinite(maxAbs)) {
            // the spread overflows a double: fall back to an unshifted, unscaled window
            newShift = 0.0;
            maxAbs = 0.0;
        }
        shift = newShift;
        int exp = maxAbs == 0.0 ? 0 : Math.getExponent(maxAbs);
        scale = Math.scalb(1.0, -exp);
        invScale = Math.scalb(1.0, exp);
        s1 = 0.0;
        c1 = 0.0;
        s2 = 0.0;
        c2 = 0.0;
        peak = 0.0;
        for (long i = first; i < count; i++) {
            add((ring[(int) i & mask] - shift) * scale);
        }
        sinceRebuild = 0;
    }

    @Override
    ColumnSnapshot save() {
        double[] v = new double[11 + ring.length];
        v[0] = last;
        v[1] = shift;
        v[2] = scale;
        v[3] = invScale;
        v[4] = s1;
        v[5] = c1;
        v[6] = s2;
        v[7] = c2;
        v[8] = peak;
        v[9] = n;
        v[10] = mode;
        System.arraycopy(ring, 0, v, 11, ring.length);
        return new ColumnSnapshot(new long[] {count, run, sinceRebuild}, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("rolling moments", 3, 11 + ring.length);
        require(s.value(9) == n && s.value(10) == mode, "window or statistic differs");
        require(s.counter(0) >= 0 && s.counter(1) >= 0 && s.counter(2) >= 0, "negative counter");
    }

    @Override
    void load(ColumnSnapshot s) {
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
        double[] v = s.values();
        System.arraycopy(v, 11, ring, 0, ring.length);
    }
}
