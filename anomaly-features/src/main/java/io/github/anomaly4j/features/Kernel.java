package io.github.anomaly4j.features;

/**
 * The per-column state machine of a transform. One implementation per transform family, each final, so the
 * per-column loop in {@link ColumnwiseStream} stays monomorphic when a single transform runs.
 */
abstract class Kernel {

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
}
