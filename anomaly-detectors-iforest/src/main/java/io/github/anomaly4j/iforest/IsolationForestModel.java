package io.github.anomaly4j.iforest;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.detect.AnomalyModel;

/**
 * A fitted isolation forest: immutable, thread-safe, allocation-free when scoring. The score of {@code x} is
 * {@code s = 2^(-E[h(x)] / c(psi))} (Liu, Ting and Zhou 2008, eq. 2), in (0, 1]; near 1 is anomalous, well below
 * 0.5 normal. {@link #scoreBatch} walks the forest tree by tree over blocks of {@value #BLOCK} points, so each tree
 * stays in L1 cache, and gives exactly the scores of {@link #score} (the path lengths are summed in the same tree
 * order).
 */
final class IsolationForestModel implements AnomalyModel {
    private static final int BLOCK = Forest.BLOCK;

    /** Per-thread block buffers, grown to the widest model a thread scores; shared by all models. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Forest forest;
    private final IsolationForestState state;
    /** The classic forest's split nodes in the form {@link Forest#pathLengthSums} walks; null when extended. */
    private final long[] thresholdKey;
    private final int[] column;

    IsolationForestModel(IsolationForestState state) {
        this.state = state;
        this.forest = Forest.fromState(state);
        this.thresholdKey = forest.extended() ? null : forest.thresholdKeys();
        this.column = forest.extended() ? null : forest.columns();
    }

    @Override
    public String type() {
        return IsolationForest.ID;
    }

    @Override
    public int dimension() {
        return forest.dimension;
    }

    @Override
    public double score(double[] x) {
        FeatureVectors.requireFinite(x, forest.dimension);
        return forest.score(forest.pathLengthSum(x));
    }

    @Override
    public void scoreBatch(double[][] xs, double[] out) {
        AnomalyModel.checkBatch(xs, out);
        int d = forest.dimension;
        for (int i = 0; i < xs.length; i++) {
            FeatureVectors.requireFinite(xs[i], d, i);
        }
        if (forest.extended()) {
            for (int i = 0; i < xs.length; i++) {
                out[i] = forest.score(forest.pathLengthSum(xs[i]));
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        if (scratch.block.length < d * BLOCK) {
            scratch.block = new long[Forest.maskedLength(d * BLOCK)]; // a power of two: Forest masks its indices
        }
        long[] block = scratch.block;
        double[] sums = scratch.sums;
        for (int start = 0; start < xs.length; start += BLOCK) {
            int n = Math.min(BLOCK, xs.length - start);
            for (int p = 0; p < n; p++) {
                double[] x = xs[start + p];
                for (int j = 0; j < d; j++) {
                    block[j * BLOCK + p] = Forest.key(x[j]);
                }
            }
            forest.pathLengthSums(thresholdKey, column, block, n, sums, scratch.idx);
            for (int p = 0; p < n; p++) {
                out[start + p] = forest.score(sums[p]);
            }
        }
    }

    /**
     * A thread's buffers for {@link #scoreBatch}: the block of points column-major (as {@link Forest#key}s), path
     * sums, current nodes.
     */
    private static final class Scratch {
        long[] block = new long[0];
        final double[] sums = new double[BLOCK];
        final int[] idx = new int[BLOCK];
    }

    @Override
    public IsolationForestState state() {
        return state;
    }

    @Override
    public boolean supportsAttribution() {
        return true;
    }

    /**
     * Depth-based attribution: each split on {@code x}'s path credits its feature with the bits of isolation it
     * achieved beyond an even split, {@code max(0, log2(n_parent / n_child) - 1)}, averaged over the trees (see
     * {@link IsolationForest}).
     */
    @Override
    public void attribute(double[] x, double[] out) {
        FeatureVectors.requireFinite(x, forest.dimension);
        if (out == null || out.length < forest.dimension) {
            throw new IllegalArgumentException("out must have at least " + forest.dimension + " slots, got "
                    + (out == null ? "null" : out.length));
        }
        forest.attribute(x, out);
    }

    /** @return the number of trees */
    int trees() {
        return forest.trees;
    }

    @Override
    public String toString() {
        return "IsolationForestModel[" + state + "]";
    }
}
