package io.github.anomaly4j.features;

import java.util.Arrays;

/**
 * The running state of one transform over one input column: its counters and its numbers, in a layout the
 * transform owns. Restoring checks the layout, so a snapshot of one transform cannot be loaded into another.
 *
 * @param counters counts and indexes
 * @param values buffers and running sums, bit for bit
 */
public record ColumnSnapshot(long[] counters, double[] values) {
    /**
     * Copies the arrays.
     *
     * @param counters counts and indexes
     * @param values buffers and running sums, bit for bit
     */
    public ColumnSnapshot {
        java.util.Objects.requireNonNull(counters, "counters");
        java.util.Objects.requireNonNull(values, "values");
        counters = counters.clone();
        values = values.clone();
    }

    /** @return a copy of the counters */
    @Override
    public long[] counters() {
        return counters.clone();
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    long counter(int i) {
        return counters[i];
    }

    double value(int i) {
        return values[i];
    }

    int counterCount() {
        return counters.length;
    }

    int valueCount() {
        return values.length;
    }

    void copyValues(int from, double[] to, int length) {
        System.arraycopy(values, from, to, 0, length);
    }

    ColumnSnapshot requireLayout(String transform, int counterCount, int valueCount) {
        if (counters.length != counterCount || values.length != valueCount) {
            throw new IllegalArgumentException("snapshot does not fit '" + transform + "': it holds "
                    + counters.length + " counters and " + values.length + " values, the transform needs "
                    + counterCount + " and " + valueCount);
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnSnapshot s && Arrays.equals(counters, s.counters)
                && Arrays.equals(bits(values), bits(s.values));
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counters) + Arrays.hashCode(bits(values));
    }

    @Override
    public String toString() {
        return "ColumnSnapshot[counters=" + Arrays.toString(counters) + ", values=" + values.length + " numbers]";
    }
}
