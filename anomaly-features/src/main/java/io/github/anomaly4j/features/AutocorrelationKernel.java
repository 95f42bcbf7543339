package io.github.anomaly4j.features;

/**
 * Rolling autocorrelation at lag {@code k} over the last {@code n} values, as NIST StRD defines it:
 * {@code r = sum_{t<n-k} (x_t - m)(x_{t+k} - m) / sum_t (x_t - m)^2} with {@code m} the window mean.
 *
 * <p>Expanding the numerator around the mean leaves five running sums of {@code d = (x - shift) * scale}: all
 * values {@code S1}, their squares {@code S2}, the lagged products {@code P}, the oldest {@code k} values {@code H}
 * and the newest {@code k} values {@code T}; then {@code num = P - m (2 S1 - H - T) + (n - k) m^2} and
 * {@code den = S2 - S1 m} with {@code m = S1 / n}. Each sum is a compensated (TwoSum) pair and each product is
 * split exactly by a fused multiply-add, so a value leaving the window takes out exactly what it put in. Shift,
 * power-of-two scale and rebuilds follow {@link MomentsKernel}. A constant window (zero variance) gives 0.
 *
 * <p>For lag 1 the kernel does not carry {@code H} and {@code T}: each is a single value, the oldest and the
 * newest {@code d}, which the update has at hand, exactly (the carried sums hold the same value up to their
 * compensation's rounding; on test series the outputs were identical). Longer lags carry them as compensated sums,
 * since a plain sum of several ring values would round differently. Snapshots still hold both, so their layout
 * is unchanged.
 */
final class AutocorrelationKernel extends Kernel {
    private static final int S1 = 0;
    private static final int S2 = 2;
    private static final int P = 4;
    private static final int H = 6;
    private static final int T = 8;
    private static final double SHRUNK = 0x1p-40;
    private static final double HUGE = 0x1p900;
    private static final double CANCELLATION = 63.0 / 64.0;

    private final int n;
    private final int k;
    /** Lag 1: the end sums are single ring values, read instead of carried (see the class comment). */
    private final boolean direct;
    private final double invN;
    private final double[] ring;
    private final int mask;
    private final int rebuildEvery;
    /** Compensated sums: value at even index, its running compensation at the next. */
    private final double[] acc = new double[10];

    private long count;
    private long run;
    private double last = Double.NaN;
    private double shift;
    private double scale = 1.0;
    private double peak;
    private int sinceRebuild;

    AutocorrelationKernel(int n, int k) {
        this.n = n;
        this.k = k;
        this.direct = k == 1;
        this.invN = 1.0 / n;
        this.ring = new double[Checks.ceilPow2(n)];
        this.mask = ring.length - 1;
        this.rebuildEvery = (int) Math.min(Integer.MAX_VALUE, 64L * n);
    }

    private double d(long i) {
        return (ring[(int) i & mask] - shift) * scale;
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

    /** The steady-state step is kept small so that it inlines into {@link #apply}; the first window fills apart. */
    @Override
    void update(long timestamp, double x, double[] out, int off) {
        run = x == last ? run + 1 : 1;
        last = x;
        long t = count;
        if (t < n) {
            fill(x, out, off);
            return;
        }
        double[] a = acc;
        double dt = (x - shift) * scale;
        long o = t - n;
        double dOld = d(o);
        double dOldPair = d(o + k);
        double dBack = d(t - k);
        ring[(int) t & mask] = x;
        // each sum changes by a difference of two terms: form it error-free first, then add it once
        difference(a, S1, dt, 0.0, dOld, 0.0);
        double pt = dt * dt;
        double po = dOld * dOld;
        difference(a, S2, pt, Math.fma(dt, dt, -pt), po, Math.fma(dOld, dOld, -po));
        double pn = dBack * dt;
        double pl = dOld * dOldPair;
        difference(a, P, pn, Math.fma(dBack, dt, -pn), pl, Math.fma(dOld, dOldPair, -pl));
        if (!direct) {
            difference(a, H, dOldPair, 0.0, dOld, 0.0);
            difference(a, T, dt, 0.0, dBack, 0.0);
        }
        count = t + 1;
        emit(direct ? dOldPair + dt : Double.NaN, out, off);
    }

    /** One of the first {@code n} values: adds it to the sums; when the window fills, rebuilds and emits. */
    private void fill(double x, double[] out, int off) {
        long t = count;
        if (t == 0) {
            shift = x;
        }
        ring[(int) t & mask] = x;
        addFilling(t, t, (x - shift) * scale);
        count = t + 1;
        if (count < n) {
            out[off] = Double.NaN;
            return;
        }
        emit(Double.NaN, out, off);
    }

    /**
     * Writes the autocorrelation of the full window, rebuilding the sums first when they call for it.
     *
     * @param ends {@code H + T} when the caller has it (lag 1), else NaN
     */
    private void emit(double ends, double[] out, int off) {
        double[] a = acc;
        double s1 = a[S1] + a[S1 + 1];
        double s2 = a[S2] + a[S2 + 1];
        if (s2 > peak) {
            peak = s2;
        }
        double m = s1 * invN;
        double ht = ends;
        // s2 == 0 in a window that is not constant: its squares underflowed at a scale left by other values
        if (++sinceRebuild >= rebuildEvery || count == n || s1 * m > CANCELLATION * s2 || s2 < peak * SHRUNK
                || !(s2 <= HUGE) || s2 == 0.0 && run < n) {
            rebuild();
            s1 = a[S1] + a[S1 + 1];
            s2 = a[S2] + a[S2 + 1];
            m = s1 * invN;
            ht = Double.NaN;
        }
        double den = s2 - s1 * m;
        if (run >= n || !(den > 0.0)) {
            out[off] = 0.0;
            return;
        }
        if (ht != ht) {
            ht = ends();
        }
        double p = a[P] + a[P + 1];
        out[off] = (p - m * (2.0 * s1 - ht) + (n - k) * m * m) / den;
    }

    /** @return {@code H + T}: read from the ring at lag 1, else from the carried sums */
    private double ends() {
        if (!direct) {
            return (acc[H] + acc[H + 1]) + (acc[T] + acc[T + 1]);
        }
        return head() + tail();
    }

    /** @return {@code H} at lag 1: the oldest value's {@code d} */
    private double head() {
        return d(count - n);
    }

    /** @return {@code T} at lag 1: the newest value's {@code d} */
    private double tail() {
        return d(count - 1);
    }

    /**
     * Adds the value at ring index {@code i}, the {@code rel}-th of a window filling from empty, to the sums: used
     * while the first window fills and when a rebuild replays the window.
     *
     * @param rel the value's place in the window, from 0
     * @param i its ring index (equal to {@code rel} while the first window fills)
     * @param di {@code d(i)}
     */
    private void addFilling(long rel, long i, double di) {
        double[] a = acc;
        sum(a, S1, di);
        square(a, S2, di, 1.0);
        if (rel >= k) {
            double dBack = d(i - k);
            product(a, P, dBack, di);
            sum(a, T, -dBack);
        }
        sum(a, T, di);
        if (rel < k) {
            sum(a, H, di);
        }
    }

    /** Adds {@code (u + ue) - (v + ve)} to the compensated sum at {@code i}; {@code u - v} is split exactly. */
    private static void difference(double[] a, int i, double u, double ue, double v, double ve) {
        double h = u - v;
        double z = h - u;
        double l = ((u - (h - z)) + (-v - z)) + (ue - ve);
        double s = a[i];
        double t = s + h;
        double b = t - s;
        a[i + 1] += ((s - (t - b)) + (h - b)) + l;
        a[i] = t;
    }

    private static void sum(double[] a, int i, double x) {
        double s = a[i];
        double t = s + x;
        double b = t - s;
        a[i + 1] += (s - (t - b)) + (x - b);
        a[i] = t;
    }

    private static void square(double[] a, int i, double d, double sign) {
        product(a, i, sign * d, d);
    }

    private static void product(double[] a, int i, double u, double v) {
        double p = u * v;
        double e = Math.fma(u, v, -p);
        double s = a[i];
        double t = s + p;
        double b = t - s;
        a[i + 1] += ((s - (t - b)) + (p - b)) + e;
        a[i] = t;
    }

    private void rebuild() {
        long first = count - n;
        double newShift = shift + (acc[S1] + acc[S1 + 1]) * invN / scale;
        if (run >= n || !Double.isFinite(newShift)) {
            newShift = last;
        }
        newShift = MomentsKernel.centre(ring, first, count, mask, newShift, last);
        double maxAbs = MomentsKernel.largestDeviation(ring, first, count, mask, newShift);
        shift = newShift;
        scale = Math.scalb(1.0, -(maxAbs == 0.0 ? 0 : Math.getExponent(maxAbs)));
        java.util.Arrays.fill(acc, 0.0);
        // replay the window as if it had filled from empty
        long saved = count;
        for (long i = first; i < saved; i++) {
            addFilling(i - first, i, d(i));
        }
        peak = acc[S2] + acc[S2 + 1];
        sinceRebuild = 0;
    }

    @Override
    ColumnSnapshot save() {
        double[] v = new double[17 + ring.length];
        v[0] = last;
        v[1] = shift;
        v[2] = scale;
        v[3] = peak;
        v[4] = n;
        v[5] = k;
        System.arraycopy(acc, 0, v, 6, 10);
        if (direct && count >= n) {
            // the end sums this kernel does not carry, as a carrying one would hold them
            v[6 + H] = head();
            v[6 + H + 1] = 0.0;
            v[6 + T] = tail();
            v[6 + T + 1] = 0.0;
        }
        System.arraycopy(ring, 0, v, 17, ring.length);
        return new ColumnSnapshot(new long[] {count, run, sinceRebuild}, v);
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("rolling-autocorrelation", 3, 17 + ring.length);
        require(s.value(4) == n && s.value(5) == k, "window or lag differs");
        requireShiftedSums(s, 17, ring.length, rebuildEvery);
    }

    @Override
    void load(ColumnSnapshot s) {
        count = s.counter(0);
        run = s.counter(1);
        sinceRebuild = (int) s.counter(2);
        last = s.value(0);
        shift = s.value(1);
        scale = s.value(2);
        peak = s.value(3);
        double[] v = s.values();
        System.arraycopy(v, 6, acc, 0, 10);
        System.arraycopy(v, 17, ring, 0, ring.length);
    }
}
