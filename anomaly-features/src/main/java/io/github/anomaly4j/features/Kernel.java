package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.util.List;

/**
 * The per-column state machine of a transform. One implementation per transform family, each final. A kernel is
 * also the stream of a one-column transform: each subclass implements {@link #apply} itself (the same three lines),
 * so the call to its {@code update} is monomorphic and inlined however many transform types a process runs;
 * several columns go through {@link ColumnwiseStream}. Both take the same snapshots.
 */
abstract class Kernel implements FeatureStream {
    /** The transform's spec, named in snapshots; set by the opener. */
    String transform = "";

    @Override
    public final int outputWidth() {
        return 1;
    }

    /**
     * @return the only input value, NaN for a missing one
     * @throws IllegalArgumentException for the wrong width, no room for the output or an infinite value
     */
    final double single(double[] in, double[] out) {
        if (in.length != 1) {
            throw new IllegalArgumentException("'" + transform + "' was opened for 1 input value, got " + in.length);
        }
        Checks.requireRoom(transform, out, 1);
        double x = in[0];
        if (Double.isInfinite(x)) {
            throw new IllegalArgumentException("'" + transform + "': input 0 is " + x
                    + "; values must be finite (NaN marks a missing value)");
        }
        return x;
    }

    @Override
    public final TransformSnapshot snapshot() {
        return new TransformSnapshot(transform, 1, List.of(save()));
    }

    @Override
    public final void restore(Record snapshot) {
        if (!(snapshot instanceof TransformSnapshot s) || !s.transform().equals(transform) || s.inputWidth() != 1
                || s.columns().size() != 1) {
            throw new IllegalArgumentException("cannot restore " + ColumnwiseStream.describe(snapshot)
                    + " into a stream of '" + transform + "' over 1 column");
        }
        check(s.columns().get(0));
        load(s.columns().get(0));
    }

    /**
     * Consumes one finite value.
     *
     * @param timestamp epoch milliseconds
     * @param x a finite value
     * @param out receives the outputs at {@code off, off + 1, ...}
     * @param off the first output slot
     */
    abstract void update(long timestamp, double x, double[] out, int off);

    abstract ColumnSnapshot save();

    /** @return whether this kernel checks each reading's time against the last one's (rate-of-change does) */
    boolean keepsTimes() {
        return false;
    }

    /** @return whether it holds a reading's time: {@link #keepsTimes} and at least one reading taken */
    boolean holdsTime() {
        return false;
    }

    /**
     * @return the time of the latest reading it holds
     * @throws IllegalStateException unless {@link #holdsTime}
     */
    long lastTime() {
        throw new IllegalStateException("'" + transform + "' holds no time");
    }

    /**
     * Refuses a timestamp that is not after the latest one this kernel holds, without changing anything: the
     * check of {@link #update} itself, and of a stream over several columns before it updates any.
     *
     * @param timestamp epoch milliseconds of the next reading
     * @param column the input column, named in the message when several are read; -1 for one
     */
    final void requireAfterLast(long timestamp, int column) {
        if (holdsTime() && timestamp <= lastTime()) {
            throw new IllegalArgumentException("'" + transform + "'" + (column >= 0 ? ", input " + column : "")
                    + ": timestamp " + timestamp + " is not after the previous reading's (" + lastTime() + ")");
        }
    }

    /**
     * Checks that a snapshot fits this kernel, without changing anything.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    abstract void check(ColumnSnapshot s);

    /** Loads a snapshot that {@link #check} accepted. */
    abstract void load(ColumnSnapshot s);

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("snapshot is inconsistent: " + what);
        }
    }

    /** Requires {@code s.value(from) .. s.value(from + length - 1)} to be finite (ring buffers hold only inputs). */
    static void requireFinite(ColumnSnapshot s, int from, int length, String what) {
        for (int i = from; i < from + length; i++) {
            require(Double.isFinite(s.value(i)), what + " holds " + s.value(i) + "; it holds only finite inputs");
        }
    }

    /**
     * The checks shared by the shifted-sums kernels ({@link MomentsKernel}, {@link AutocorrelationKernel}), whose
     * snapshots hold the last value at 0, the shift at 1, the scale at 2, the ring from {@code ringAt}, and the
     * counters count, run of equal values and updates since the last rebuild.
     */
    static void requireShiftedSums(ColumnSnapshot s, int ringAt, int ringLength, int rebuildEvery) {
        require(s.counter(0) >= 0 && s.counter(1) >= 0 && s.counter(2) >= 0, "negative counter");
        long count = s.counter(0);
        require(s.counter(1) <= count, "a run of " + s.counter(1) + " equal values in " + count);
        require(s.counter(2) <= rebuildEvery, s.counter(2) + " updates since the last rebuild, at most "
                + rebuildEvery);
        requireFinite(s, ringAt, ringLength, "the window");
        require(count == 0 || s.value(0) == s.value(ringAt + ((int) (count - 1) & (ringLength - 1))),
                "the last value is not the newest in the window");
        requireShiftAndScale(s.value(1), s.value(2));
    }

    /**
     * Requires the shift and power-of-two scale of the rolling sums ({@link MomentsKernel},
     * {@link AutocorrelationKernel}): a rebuild sets the shift to a finite value and the scale to {@code 2^-e} with
     * {@code e} the exponent of a double, so its reciprocal is exact.
     */
    private static void requireShiftAndScale(double shift, double scale) {
        require(Double.isFinite(shift), "shift is " + shift + ", must be finite");
        require(scale > 0.0 && scale < Double.POSITIVE_INFINITY && Math.scalb(1.0, Math.getExponent(scale)) == scale
                && Double.isFinite(1.0 / scale), "scale is " + scale + ", must be a power of two in [2^-1023, 2^1023]");
    }
}
