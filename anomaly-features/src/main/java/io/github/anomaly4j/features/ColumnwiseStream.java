package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream that runs one {@link Kernel} per input column. A NaN input is a missing reading: that column's state
 * stays as it was and its outputs are NaN. Infinite inputs are refused before any state changes.
 */
final class ColumnwiseStream implements FeatureStream {
    private final String transform;
    private final Kernel[] kernels;
    private final int perColumn;
    /**
     * Whether the kernels keep times (rate-of-change): a column that skipped missing readings holds an older time
     * than the others, so a timestamp between the two would pass one column and be refused by the next, after the
     * first had changed; such a stream checks every column's time first.
     */
    private final boolean timed;

    ColumnwiseStream(String transform, Kernel[] kernels, int perColumn) {
        this.transform = transform;
        this.kernels = kernels;
        this.perColumn = perColumn;
        this.timed = kernels.length > 0 && kernels[0].keepsTimes();
    }

    /** @return the kernels, one per column, for the pipeline's checks (not to be changed) */
    Kernel[] kernels() {
        return kernels;
    }

    @Override
    public int outputWidth() {
        return kernels.length * perColumn;
    }

    @Override
    public void apply(long timestamp, double[] in, double[] out) {
        Kernel[] ks = kernels;
        if (in.length != ks.length) {
            throw new IllegalArgumentException("'" + transform + "' was opened for " + ks.length
                    + " input values, got " + in.length);
        }
        Checks.requireRoom(transform, out, ks.length * perColumn);
        for (int c = 0; c < ks.length; c++) {
            double x = in[c];
            if (!(Math.abs(x) <= Double.MAX_VALUE)) {
                if (x != x) {
                    continue;
                }
                throw new IllegalArgumentException("'" + transform + "': input " + c + " is " + x
                        + "; values must be finite (NaN marks a missing value)");
            }
        }
        if (timed) {
            for (int c = 0; c < ks.length; c++) {
                if (in[c] == in[c]) {
                    ks[c].requireAfterLast(timestamp, c);
                }
            }
        }
        int off = 0;
        for (int c = 0; c < ks.length; c++, off += perColumn) {
            double x = in[c];
            if (x != x) {
                for (int j = 0; j < perColumn; j++) {
                    out[off + j] = Double.NaN;
                }
            } else {
                ks[c].update(timestamp, x, out, off);
            }
        }
    }

    @Override
    public TransformSnapshot snapshot() {
        List<ColumnSnapshot> columns = new ArrayList<>(kernels.length);
        for (Kernel k : kernels) {
            columns.add(k.save());
        }
        return new TransformSnapshot(transform, kernels.length, columns);
    }

    @Override
    public void restore(Record snapshot) {
        if (!(snapshot instanceof TransformSnapshot s) || !s.transform().equals(transform)
                || s.inputWidth() != kernels.length || s.columns().size() != kernels.length) {
            throw new IllegalArgumentException("cannot restore " + describe(snapshot) + " into a stream of '"
                    + transform + "' over " + kernels.length + " columns");
        }
        // Check every column first: a bad one must leave this stream untouched.
        for (int c = 0; c < kernels.length; c++) {
            kernels[c].check(s.columns().get(c));
        }
        for (int c = 0; c < kernels.length; c++) {
            kernels[c].load(s.columns().get(c));
        }
    }

    static String describe(Record snapshot) {
        if (snapshot instanceof TransformSnapshot s) {
            return "a snapshot of '" + s.transform() + "' over " + s.inputWidth() + " columns";
        }
        return snapshot == null ? "null" : "a " + snapshot.getClass().getSimpleName();
    }
}
