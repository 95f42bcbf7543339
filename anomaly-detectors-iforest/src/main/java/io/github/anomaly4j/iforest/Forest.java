package io.github.anomaly4j.iforest;

import java.util.Arrays;

/**
 * The trees of an isolation forest, stored as implicit complete binary trees in flat arrays shared by the forest.
 *
 * <p><b>Layout.</b> Every tree is a complete binary tree of height {@code depth = ceil(log2 psi)} (Liu, Ting and
 * Zhou 2008, section 4: the height limit), so node {@code i} has children {@code 2i+1} and {@code 2i+2} and no
 * pointers are stored. A tree has {@code internal = 2^depth - 1} split nodes and {@code leaves = 2^depth} leaf
 * slots; tree {@code t}'s split nodes are {@code [t*internal, (t+1)*internal)} of {@link #feature} and
 * {@link #threshold}, its leaf slots {@code [t*leaves, (t+1)*leaves)} of {@link #leafLength}. For {@code psi = 256}
 * and 100 trees that is 255 x (2 + 8) + 256 x 8 bytes per tree, about 450 KiB for the forest. A fitted classic
 * model adds the batch form of the split nodes ({@link #thresholdKeys}, {@link #columns}: 255 x (8 + 4) bytes per
 * tree, in arrays padded to a power of two, 384 KiB for 100 trees); batch scoring, which walks one tree over a
 * block of points, reads 5 KiB per tree (keys, columns, leaf lengths) and runs from L1.
 *
 * <p>A node that stops splitting early (one point left, or all points equal) is a <em>pass-through</em>: threshold
 * {@code +Infinity}, so every finite value goes left, down to the leftmost leaf slot below it, which holds the
 * early leaf's path length {@code h = depth(node) + c(size)}. Every walk is therefore exactly {@code depth} steps,
 * with no leaf test, and each step is branch-free:
 * {@code i = 2i + 1 + signbit(threshold[i] - x[feature[i]])}. The sign bit of {@code t - x} is 1 exactly when
 * {@code x > t}: for doubles {@code t - x} is zero only when {@code t == x}, and {@code -0.0} is never stored as a
 * threshold, so the trick agrees with the comparison {@code x > t} training used.
 *
 * <p><b>Double thresholds.</b> Thresholds are doubles. Floats would halve the footprint, but a float has 24 bits:
 * a feature such as {@code 1000 + 0.001 z} has only a few hundred distinct float values over its range, so float
 * splits would change the ranking under a mere change of units (a test checks that it does not). Training
 * partitions a node with the same comparison {@code x > t} that scoring uses.
 *
 * <p><b>Extended forest</b> (Hariri, Kind and Brunner 2018): a node splits on the hyperplane
 * {@code x . n > offset}; {@link #normal} holds {@code n} as floats (random directions need no more),
 * {@code dimension} per split node, and {@link #threshold} the offset. The dot product is summed in double in
 * feature order, the same code in training and scoring. Pass-through nodes have {@code n = 0} and offset
 * {@code +Infinity}.
 *
 * <p>An instance is mutable only while trees are being grown ({@link TreeGrower}, the streaming detector); a fitted
 * model never changes its forest after construction.
 */
final class Forest {
    /** The largest subsample size: leaf sizes and node counts must stay small. */
    static final int MAX_SAMPLE_SIZE = 1 << 16;
    /** The largest number of features: feature indices are stored as {@code char}. */
    static final int MAX_DIMENSION = Character.MAX_VALUE;

    /** Points per block of {@link #pathLengthSums}: 128 x 8 features x 8 bytes = 8 KiB, beside one tree's 5 KiB
     * in L1 (64 and 256 measured no faster). */
    static final int BLOCK = 128;
    /** {@code log2(BLOCK)}: the column of feature {@code f} in a block starts at {@code f << SHIFT}. */
    static final int SHIFT = 7;

    final int dimension;
    final int trees;
    final int sampleSize;
    final int extensionLevel;
    final int depth;
    final int internal;
    final int leaves;
    /** Split feature per split node (classic forest only). */
    final char[] feature;
    /** Split value (classic) or hyperplane offset (extended) per split node; +Infinity marks a pass-through. */
    final double[] threshold;
    /** Hyperplane normals, {@code dimension} per split node; null for the classic forest. */
    final float[] normal;
    /** Training points in each leaf slot; 0 for slots below a pass-through's right child. */
    final int[] leafSize;
    /** Path length {@code depth of the leaf + c(size)} per leaf slot. */
    final double[] leafLength;
    /** Training points reaching each node, split nodes then leaf slots per tree: for attribution. */
    final int[] nodeSize;
    /** {@code trees * c(sampleSize)}, the divisor of the summed path length; 0 when {@code c} is 0 (psi = 1). */
    final double normaliser;

    Forest(int dimension, int trees, int sampleSize, int extensionLevel) {
        this.dimension = dimension;
        this.trees = trees;
        this.sampleSize = sampleSize;
        this.extensionLevel = extensionLevel;
        this.depth = PathLength.heightLimit(sampleSize);
        this.internal = (1 << depth) - 1;
        this.leaves = 1 << depth;
        this.feature = new char[trees * internal];
        this.threshold = new double[trees * internal];
        this.normal = extensionLevel > 0 ? new float[trees * internal * dimension] : null;
        this.leafSize = new int[trees * leaves];
        this.leafLength = new double[trees * leaves];
        this.nodeSize = new int[trees * (internal + leaves)];
        double c = PathLength.c(sampleSize);
        this.normaliser = trees * c;
    }

    /** The most nodes (split nodes and leaf slots, times the dimension in an extended forest) a state holds. */
    static final int MAX_STATE_NODES = Integer.MAX_VALUE / 2;

    /**
     * Refuses a forest whose state {@link IsolationForestState} would refuse, before anything is grown: the split
     * nodes and leaf slots of {@code trees} trees of subsample {@code psi}, times {@code dimension} when extended.
     */
    static void requireStateSize(int trees, int psi, int extensionLevel, int dimension) {
        long nodes = (2L << PathLength.heightLimit(psi)) - 1;
        long size = trees * nodes * (extensionLevel > 0 ? dimension : 1);
        if (size > MAX_STATE_NODES) {
            throw new IllegalArgumentException(trees + " trees x " + nodes + " nodes (sampleSize " + psi + ")"
                    + (extensionLevel > 0 ? " x " + dimension + " features of the hyperplane normals" : "")
                    + " make " + size + ", more than a model's state holds (" + MAX_STATE_NODES + "); use fewer "
                    + "trees" + (extensionLevel > 0 ? ", a smaller sampleSize or fewer features" : " or a smaller "
                    + "sampleSize"));
        }
    }

    /** Refuses settings whose arrays would overflow {@code int} indexing instead of failing later. */
    static void requireArray(String what, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " would need " + size + " values in one array, more than a "
                    + "Java array holds (" + (Integer.MAX_VALUE - 8) + "); use fewer trees, a smaller sampleSize or "
                    + "window, or fewer features");
        }
    }

    boolean extended() {
        return normal != null;
    }

    /** Makes tree {@code t} all pass-through with empty leaves, before it is (re)grown. */
    void clearTree(int t) {
        Arrays.fill(feature, t * internal, (t + 1) * internal, (char) 0);
        Arrays.fill(threshold, t * internal, (t + 1) * internal, Double.POSITIVE_INFINITY);
        if (normal != null) {
            Arrays.fill(normal, t * internal * dimension, (t + 1) * internal * dimension, 0f);
        }
        Arrays.fill(leafSize, t * leaves, (t + 1) * leaves, 0);
    }

    /** Recomputes the leaf path lengths and node sizes of tree {@code t} from its leaf sizes and pass-throughs. */
    void deriveTree(int t) {
        int nodeBase = t * (internal + leaves);
        for (int slot = 0; slot < leaves; slot++) {
            int size = leafSize[t * leaves + slot];
            // climb the chain of pass-throughs whose leftmost slot this is, to the depth where the leaf really is
            int node = internal + slot;
            int d = depth;
            while (node > 0 && (node & 1) == 1 && passThrough(t, (node - 1) >> 1)) {
                node = (node - 1) >> 1;
                d--;
            }
            leafLength[t * leaves + slot] = d + PathLength.c(size);
            nodeSize[nodeBase + internal + slot] = size;
        }
        for (int node = internal - 1; node >= 0; node--) {
            nodeSize[nodeBase + node] = nodeSize[nodeBase + 2 * node + 1] + nodeSize[nodeBase + 2 * node + 2];
        }
    }

    boolean passThrough(int t, int node) {
        return threshold[t * internal + node] == Double.POSITIVE_INFINITY;
    }

    /**
     * A {@code long} whose signed order is the order of the doubles: {@code key(u) > key(v)} exactly when
     * {@code u > v}, for any non-NaN doubles except that {@code key(-0.0) < key(0.0)}, which never matters here:
     * thresholds are never -0.0, and -0.0 and 0.0 compare alike with every other threshold. The sign bit flips the
     * order of the negative doubles' magnitudes.
     */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** 1 when {@code v > t} and 0 otherwise, without a branch; {@code t} is never -0.0 and {@code v} is finite. */
    static int right(double t, double v) {
        return (int) (Double.doubleToRawLongBits(t - v) >>> 63);
    }

    /** The dot product of {@code x} and the normal of split node {@code node}, in feature order. */
    double dot(int node, double[] x) {
        int base = node * dimension;
        double s = 0.0;
        for (int j = 0; j < dimension; j++) {
            s += normal[base + j] * x[j];
        }
        return s;
    }

    /** The sum over the trees of the path length of {@code x}, in tree order. */
    double pathLengthSum(double[] x) {
        double sum = 0.0;
        if (normal == null) {
            final char[] feature = this.feature;
            final double[] threshold = this.threshold;
            final double[] leafLength = this.leafLength;
            final int internal = this.internal;
            final int depth = this.depth;
            int t = 0;
            // four trees walked side by side: independent chains of loads the core can overlap
            for (int base = 0, leafBase = -internal; t + 4 <= trees; t += 4, base += 4 * internal,
                    leafBase += 4 * leaves) {
                int i0 = 0;
                int i1 = 0;
                int i2 = 0;
                int i3 = 0;
                int b1 = base + internal;
                int b2 = b1 + internal;
                int b3 = b2 + internal;
                for (int level = 0; level < depth; level++) {
                    int n0 = base + i0;
                    int n1 = b1 + i1;
                    int n2 = b2 + i2;
                    int n3 = b3 + i3;
                    i0 = 2 * i0 + 1 + right(threshold[n0], x[feature[n0]]);
                    i1 = 2 * i1 + 1 + right(threshold[n1], x[feature[n1]]);
                    i2 = 2 * i2 + 1 + right(threshold[n2], x[feature[n2]]);
                    i3 = 2 * i3 + 1 + right(threshold[n3], x[feature[n3]]);
                }
                sum += leafLength[leafBase + i0];
                sum += leafLength[leafBase + leaves + i1];
                sum += leafLength[leafBase + 2 * leaves + i2];
                sum += leafLength[leafBase + 3 * leaves + i3];
            }
            for (; t < trees; t++) {
                sum += leafLength[t * leaves - internal + walkClassic(t, x, 0)];
            }
        } else {
            int t = 0;
            // four trees side by side here too: four independent dot products in flight
            for (; t + 4 <= trees; t += 4) {
                int b0 = t * internal;
                int i0 = 0;
                int i1 = 0;
                int i2 = 0;
                int i3 = 0;
                for (int level = 0; level < depth; level++) {
                    int n0 = b0 + i0;
                    int n1 = b0 + internal + i1;
                    int n2 = b0 + 2 * internal + i2;
                    int n3 = b0 + 3 * internal + i3;
                    i0 = 2 * i0 + 1 + (dot(n0, x) > threshold[n0] ? 1 : 0);
                    i1 = 2 * i1 + 1 + (dot(n1, x) > threshold[n1] ? 1 : 0);
                    i2 = 2 * i2 + 1 + (dot(n2, x) > threshold[n2] ? 1 : 0);
                    i3 = 2 * i3 + 1 + (dot(n3, x) > threshold[n3] ? 1 : 0);
                }
                int leafBase = t * leaves - internal;
                sum += leafLength[leafBase + i0];
                sum += leafLength[leafBase + leaves + i1];
                sum += leafLength[leafBase + 2 * leaves + i2];
                sum += leafLength[leafBase + 3 * leaves + i3];
            }
            for (; t < trees; t++) {
                sum += leafLength[t * leaves - internal + walkExtended(t, x)];
            }
        }
        return sum;
    }

    /**
     * The node index (within its tree) of the leaf slot that the point at {@code x[offset..offset + dimension)}
     * reaches in classic tree {@code t}.
     */
    int walkClassic(int t, double[] x, int offset) {
        int base = t * internal;
        int i = 0;
        for (int level = 0; level < depth; level++) {
            int n = base + i;
            i = 2 * i + 1 + right(threshold[n], x[offset + feature[n]]);
        }
        return i;
    }

    /** The node index (within its tree) of the leaf slot {@code x} reaches in extended tree {@code t}. */
    private int walkExtended(int t, double[] x) {
        int base = t * internal;
        int i = 0;
        for (int level = 0; level < depth; level++) {
            int n = base + i;
            i = 2 * i + 1 + (dot(n, x) > threshold[n] ? 1 : 0);
        }
        return i;
    }

    /**
     * @return the smallest power of two at least {@code size} (and at least 1): the length of the arrays that
     *     {@link #pathLengthSums} indexes through a mask
     */
    static int maskedLength(int size) {
        return size <= 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }

    /**
     * @return every split node's threshold as a {@link #key}, for {@link #pathLengthSums} (classic forest), in an
     *     array of {@link #maskedLength} (the tail is unused)
     */
    long[] thresholdKeys() {
        long[] keys = new long[maskedLength(threshold.length)];
        for (int n = 0; n < threshold.length; n++) {
            keys[n] = key(threshold[n]);
        }
        return keys;
    }

    /**
     * @return every split node's column in a block, {@code feature << SHIFT}, for {@link #pathLengthSums}, in an
     *     array of {@link #maskedLength} (the tail is unused)
     */
    int[] columns() {
        int[] columns = new int[maskedLength(feature.length)];
        for (int n = 0; n < feature.length; n++) {
            columns[n] = feature[n] << SHIFT;
        }
        return columns;
    }

    /**
     * Sums the path lengths of {@code n <= BLOCK} points held column-major in {@code block} as keys (the
     * {@link #key} of feature {@code j} of point {@code p} at {@code block[j * BLOCK + p]}) into {@code sums}, using
     * {@code idx} ({@code n} ints) as scratch. Classic forest only; {@code thresholdKey} and {@code column} are
     * {@link #thresholdKeys} and {@link #columns}, which a fitted model computes once. The lengths of
     * {@code thresholdKey}, {@code column} and {@code block} must be powers of two ({@link #maskedLength}).
     *
     * <p>Tree-major and level-synchronous: one tree at a time (its few KiB stay in L1), and within the tree one
     * level at a time for all {@code n} points, the current node of each point kept in {@code idx}. The walk of
     * one point is a chain of dependent loads (node -> column -> value -> compare -> child), but the {@code n}
     * points' steps at one level are independent of each other, so the core overlaps as many as it can hold
     * instead of waiting on one chain (the earlier code walked four trees side by side per point: four chains).
     * The root's split is the same for every point, so level 0 loads it once, and level 1 has two nodes,
     * picked by the root's bit with a mask instead of loads (a ternary there became a branch, wrong half the
     * time). Comparing keys keeps the step in integer registers (the double comparison's sign bit had to move
     * from a vector register each step) and reads the column already shifted: about 9 % less time per point
     * than comparing doubles (docs/isolation-forest.md), with the same comparisons, so the same leaves.
     * {@code idx} holds each point's node as an index into the whole forest's arrays, not into its tree: a step
     * is then {@code g -> 2g + (1 - base) + bit} with {@code 1 - base} fixed for the tree, one addition fewer per
     * step (about 10 % less time per point). Every index of a step is masked with its array's length - 1: the
     * indices are in range anyway, so the mask changes nothing, but C2 proves {@code (i & (length - 1)) < length}
     * and drops the three bounds checks of a step, then unrolls the loop further (about 4 % less time). C2 keeps a
     * few of this loop's values on the stack however it is written, so each instruction saved counts
     * (docs/isolation-forest.md). Each point's sum is built in tree order, exactly as {@link #pathLengthSum}
     * builds it, so both give bit-identical scores.
     */
    void pathLengthSums(long[] thresholdKey, int[] column, long[] block, int n, double[] sums, int[] idx) {
        Arrays.fill(sums, 0, n, 0.0);
        final double[] leafLength = this.leafLength;
        final int internal = this.internal;
        final int depth = this.depth; // at least 1
        if (Integer.bitCount(thresholdKey.length) != 1 || Integer.bitCount(column.length) != 1
                || Integer.bitCount(block.length) != 1) {
            throw new IllegalStateException("batch arrays must have power-of-two lengths: " + thresholdKey.length
                    + ", " + column.length + ", " + block.length);
        }
        // every index below is already in range; masking it with the array's length - 1 (a power of two) changes
        // nothing but lets C2 drop the bounds checks (each mask from its own array: C2 proves an index in range
        // only against that array's length)
        final int columnMask = column.length - 1;
        final int keyMask = thresholdKey.length - 1;
        final int blockMask = block.length - 1;
        for (int t = 0; t < trees; t++) {
            final int base = t * internal;
            final int off = 1 - base; // child of g (forest index): base + 2(g - base) + 1 + bit
            final int rootColumn = column[base];
            final long rootKey = thresholdKey[base];
            int level = 1;
            if (depth == 1) {
                for (int p = 0; p < n; p++) {
                    idx[p] = base + 1 + (block[rootColumn + p] > rootKey ? 1 : 0);
                }
            } else {
                final int leftColumn = column[base + 1];
                final long leftKey = thresholdKey[base + 1];
                final int flipColumn = leftColumn ^ column[base + 2];
                final long flipKey = leftKey ^ thresholdKey[base + 2];
                for (int p = 0; p < n; p++) {
                    int r = block[rootColumn + p] > rootKey ? 1 : 0;
                    int c = leftColumn ^ (flipColumn & -r);
                    long k = leftKey ^ (flipKey & -r);
                    idx[p] = base + 3 + 2 * r + (block[(c + p) & blockMask] > k ? 1 : 0);
                }
                level = 2;
            }
            for (; level < depth; level++) {
                for (int p = 0; p < n; p++) {
                    int g = idx[p];
                    idx[p] = 2 * g + off
                            + (block[(column[g & columnMask] + p) & blockMask] > thresholdKey[g & keyMask] ? 1 : 0);
                }
            }
            // leaf slot g - base - internal of tree t, whose slots start at t * leaves = base + t
            final int leafBase = t - internal;
            for (int p = 0; p < n; p++) {
                sums[p] += leafLength[leafBase + idx[p]];
            }
        }
    }

    /**
     * The anomaly score {@code 2^(-E[h] / c(psi))} of a summed path length. With one training point (psi = 1)
     * both {@code E[h]} and {@code c(1)} are 0 and nothing tells points apart: the score is then 0.5, the score of
     * a point whose path is as long as the average (scikit-learn takes the ratio as 1 there too), as with two equal
     * rows or constant data.
     */
    double score(double pathLengthSum) {
        if (normaliser == 0.0) {
            return 0.5;
        }
        return Exp2.of(-pathLengthSum / normaliser); // the same bits on every JVM
    }

    /**
     * Depth-based attribution: at every split on {@code x}'s path the feature(s) of the split are credited with
     * {@code max(0, log2(n_parent / n_child) - 1)}, where {@code n} counts the training points reaching the node and
     * the child is the one {@code x} takes (an empty child counts as one point): the bits of isolation the split
     * achieved for {@code x} beyond the one bit of an even split, which every point gets on its way down. A split
     * that cuts {@code x} off from most of the node's points scores high; ordinary halvings score about nothing,
     * so an inlier's attribution is small everywhere. Extended splits share their credit among the features in
     * proportion to {@code |n_j|}. The credits are averaged over the trees.
     */
    void attribute(double[] x, double[] out) {
        Arrays.fill(out, 0, dimension, 0.0);
        for (int t = 0; t < trees; t++) {
            int base = t * internal;
            int sizeBase = t * (internal + leaves);
            int i = 0;
            for (int level = 0; level < depth; level++) {
                int n = base + i;
                int child;
                if (normal == null) {
                    child = 2 * i + 1 + right(threshold[n], x[feature[n]]);
                } else {
                    child = 2 * i + 1 + (dot(n, x) > threshold[n] ? 1 : 0);
                }
                if (threshold[n] != Double.POSITIVE_INFINITY) {
                    double bits = log2((double) nodeSize[sizeBase + i] / Math.max(1, nodeSize[sizeBase + child]))
                            - 1.0;
                    if (bits <= 0.0) {
                        i = child;
                        continue;
                    }
                    if (normal == null) {
                        out[feature[n]] += bits;
                    } else {
                        double norm = 0.0;
                        for (int j = 0; j < dimension; j++) {
                            norm += Math.abs(normal[n * dimension + j]);
                        }
                        for (int j = 0; j < dimension; j++) {
                            out[j] += bits * Math.abs(normal[n * dimension + j]) / norm;
                        }
                    }
                }
                i = child;
            }
        }
        for (int j = 0; j < dimension; j++) {
            out[j] /= trees;
        }
    }

    private static double log2(double v) {
        return StrictMath.log(v) / StrictMath.log(2.0);
    }

    // ------------------------------------------------------------------------------------------ state

    IsolationForestState toState() {
        int[] features = new int[feature.length];
        double[] thresholds = new double[threshold.length];
        for (int n = 0; n < feature.length; n++) {
            if (threshold[n] == Double.POSITIVE_INFINITY) {
                features[n] = -1;
            } else {
                features[n] = normal == null ? feature[n] : 0;
                thresholds[n] = threshold[n];
            }
        }
        return new IsolationForestState(dimension, trees, sampleSize, extensionLevel, features, thresholds,
                normal == null ? new float[0] : normal.clone(), leafSize.clone());
    }

    /** Rebuilds a forest from a validated state record. */
    static Forest fromState(IsolationForestState state) {
        Forest f = new Forest(state.dimension(), state.trees(), state.sampleSize(), state.extensionLevel());
        int[] features = state.features();
        double[] thresholds = state.thresholds();
        for (int n = 0; n < features.length; n++) {
            if (features[n] < 0) {
                f.threshold[n] = Double.POSITIVE_INFINITY;
            } else {
                f.feature[n] = f.normal == null ? (char) features[n] : 0;
                f.threshold[n] = thresholds[n];
            }
        }
        if (f.normal != null) {
            float[] normals = state.normals();
            for (int n = 0; n < features.length; n++) {
                if (features[n] >= 0) {
                    System.arraycopy(normals, n * f.dimension, f.normal, n * f.dimension, f.dimension);
                }
            }
        }
        System.arraycopy(state.leafSizes(), 0, f.leafSize, 0, f.leafSize.length);
        for (int t = 0; t < f.trees; t++) {
            f.deriveTree(t);
        }
        return f;
    }

    /** Copies tree {@code from} of {@code source} (same shape) into tree {@code to} of this forest. */
    void copyTree(Forest source, int from, int to) {
        System.arraycopy(source.feature, from * internal, feature, to * internal, internal);
        System.arraycopy(source.threshold, from * internal, threshold, to * internal, internal);
        if (normal != null) {
            System.arraycopy(source.normal, from * internal * dimension, normal, to * internal * dimension,
                    internal * dimension);
        }
        System.arraycopy(source.leafSize, from * leaves, leafSize, to * leaves, leaves);
        System.arraycopy(source.leafLength, from * leaves, leafLength, to * leaves, leaves);
        System.arraycopy(source.nodeSize, from * (internal + leaves), nodeSize, to * (internal + leaves),
                internal + leaves);
    }
}
