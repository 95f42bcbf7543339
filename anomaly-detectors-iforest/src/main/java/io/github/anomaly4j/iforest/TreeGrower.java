package io.github.anomaly4j.iforest;

/**
 * Grows one isolation tree at a time into a {@link Forest}, with scratch space reused from tree to tree. One grower
 * per thread; a tree depends only on its data and its own seed, so trees can be grown in any order, on any thread.
 *
 * <p><b>Subsample.</b> {@code psi = min(sampleSize, n)} distinct rows, drawn with Floyd's algorithm (a bit set of
 * {@code n} bits, no {@code int[n]} shuffle), copied column-major into a {@code dimension x psi} buffer.
 *
 * <p><b>Classic split</b>, as scikit-learn's {@code IsolationForest} (an extra-tree with one feature per split):
 * the feature is drawn uniformly among those not constant on the node's points (a partial Fisher-Yates shuffle
 * that skips constant ones); the split value is drawn uniformly in {@code [min, max)} of that feature on the node,
 * points with {@code x > t} go right. A node with one
 * point, or whose points are all equal, or at the height limit, is a leaf.
 *
 * <p><b>Range-weighted classic split</b> ({@code splitFeatures = range}): the feature is drawn with probability
 * proportional to its range {@code max - min} on the node's points (Random Cut Forest's rule; Guha et al. 2016),
 * the value uniformly in {@code [min, max)} as above. It costs a scan of every feature at every node. With the
 * streaming forest's insertion scoring it makes the tree's split exactly the cut that rule draws given that it
 * does not separate the scored reading from the node's points (see {@link InsertionScorer}).
 *
 * <p><b>Extended split</b> (Hariri et al. 2018, algorithm 2): a normal with {@code extensionLevel + 1} non-zero
 * standard-normal coordinates at random positions and an intercept drawn uniformly in the node's bounding box;
 * children may be empty. A node with at most one point, or at the height limit, is a leaf.
 */
final class TreeGrower {
    /** Where the grower reads rows from: the training columns, or the streaming window. */
    interface Rows {
        /** @return the value of feature {@code j} in row {@code row} */
        double get(int row, int j);
    }

    private final Forest forest;
    private final double[] sample;
    private final int[] index;
    private final int[] order;
    private final double[] dots;
    private final double[] lo;
    private final double[] hi;
    private final boolean rangeWeighted;
    private long[] chosen = new long[0];
    private final TreeRandom random = new TreeRandom();
    private int tree;
    private int psi;

    TreeGrower(Forest forest) {
        this(forest, false);
    }

    /**
     * @param forest the forest to grow trees into
     * @param rangeWeighted classic splits draw their feature in proportion to its range on the node (classic
     *     forests only)
     */
    TreeGrower(Forest forest, boolean rangeWeighted) {
        if (rangeWeighted && forest.extended()) {
            throw new IllegalArgumentException("range-weighted split features need classic splits");
        }
        this.forest = forest;
        this.rangeWeighted = rangeWeighted;
        int d = forest.dimension;
        this.sample = new double[d * forest.sampleSize];
        this.index = new int[forest.sampleSize];
        this.order = new int[d];
        this.dots = forest.extended() ? new double[forest.sampleSize] : null;
        this.lo = forest.extended() || rangeWeighted ? new double[d] : null;
        this.hi = forest.extended() || rangeWeighted ? new double[d] : null;
    }

    /** Seed of tree number {@code k} of a forest with master seed {@code seed}: SplitMix64 of the pair. */
    static long treeSeed(long seed, long k) {
        long z = seed + (k + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * (Re)grows tree {@code t} of the forest from {@code n >= 1} rows.
     *
     * @param t the tree slot
     * @param rows the rows
     * @param n how many rows there are
     * @param seed the tree's own seed
     */
    void grow(int t, Rows rows, int n, long seed) {
        random.reseed(seed);
        this.tree = t;
        this.psi = Math.min(forest.sampleSize, n);
        subsample(rows, n);
        forest.clearTree(t);
        for (int k = 0; k < psi; k++) {
            index[k] = k;
        }
        split(0, 0, 0, psi);
        forest.deriveTree(t);
    }

    /**
     * Copies the subsample of the tree just grown into {@code out} from {@code offset}, row-major ({@code dimension}
     * values per point), grouped by leaf slot in slot order: the recursion leaves every node's points contiguous in
     * {@code index}, left child first, so the index order is the leaf-slot order. {@link InsertionScorer} builds its
     * node boxes from it.
     */
    void copySampleByLeaf(double[] out, int offset) {
        int d = forest.dimension;
        int stride = forest.sampleSize;
        for (int k = 0; k < psi; k++) {
            int r = index[k];
            for (int j = 0; j < d; j++) {
                out[offset + k * d + j] = sample[j * stride + r];
            }
        }
    }

    private void subsample(Rows rows, int n) {
        int d = forest.dimension;
        int stride = forest.sampleSize;
        if (n <= psi) {
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < d; j++) {
                    sample[j * stride + r] = rows.get(r, j);
                }
            }
            return;
        }
        int words = (n + 63) >>> 6;
        if (chosen.length < words) {
            chosen = new long[words];
        }
        // Floyd's algorithm: psi distinct rows out of n, each subset equally likely
        int k = 0;
        for (int j = n - psi; j < n; j++) {
            int r = random.nextInt(j + 1);
            if ((chosen[r >>> 6] & (1L << r)) != 0) {
                r = j;
            }
            chosen[r >>> 6] |= 1L << r;
            index[k++] = r;
        }
        for (k = 0; k < psi; k++) {
            int r = index[k];
            chosen[r >>> 6] = 0L;
            for (int j = 0; j < d; j++) {
                sample[j * stride + k] = rows.get(r, j);
            }
        }
    }

    private void split(int node, int level, int from, int to) {
        int size = to - from;
        if (level == forest.depth || size <= 1) {
            leaf(node, size);
            return;
        }
        boolean done = forest.extended() ? splitExtended(node, from, to)
                : rangeWeighted ? splitRangeWeighted(node, from, to) : splitClassic(node, from, to);
        if (!done) {
            leaf(node, size);
        }
    }

    private void leaf(int node, int size) {
        // pass-through nodes down the left edge were set by clearTree; the leaf sits in the leftmost slot below
        int slot = node;
        while (slot < forest.internal) {
            slot = 2 * slot + 1;
        }
        forest.leafSize[tree * forest.leaves + slot - forest.internal] = size;
    }

    private boolean splitClassic(int node, int from, int to) {
        int d = forest.dimension;
        int stride = forest.sampleSize;
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        for (int k = 0; k < d; k++) {
            int pick = k + random.nextInt(d - k);
            int f = order[pick];
            order[pick] = order[k];
            order[k] = f;
            int base = f * stride;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int q = from; q < to; q++) {
                double v = sample[base + index[q]];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (!(max > min)) {
                continue; // constant on this node: draw another feature
            }
            cut(node, f, min, max, from, to);
            return true;
        }
        return false;
    }

    /** Splits {@code node} on feature {@code f} at a value drawn in {@code [min, max)} and grows both children. */
    private void cut(int node, int f, double min, double max, int from, int to) {
        double t = split(min, max, random.nextDouble());
        int mid = partition(sample, f * forest.sampleSize, from, to, t);
        int n = tree * forest.internal + node;
        forest.feature[n] = (char) f;
        forest.threshold[n] = t;
        split(2 * node + 1, levelOf(node) + 1, from, mid);
        split(2 * node + 2, levelOf(node) + 1, mid, to);
    }

    /** A classic split whose feature is drawn in proportion to its range on the node; false when all are constant. */
    private boolean splitRangeWeighted(int node, int from, int to) {
        int d = forest.dimension;
        int stride = forest.sampleSize;
        double total = 0.0;
        for (int j = 0; j < d; j++) {
            int base = j * stride;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int q = from; q < to; q++) {
                double v = sample[base + index[q]];
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
            lo[j] = min;
            hi[j] = max;
            total += max - min;
        }
        // ranges or their sum beyond Double.MAX_VALUE: weigh by range / 2^17 instead (same proportions; at most
        // 65535 features of at most 2 * MAX_VALUE / 2^17 each cannot overflow)
        boolean scaled = total == Double.POSITIVE_INFINITY;
        if (scaled) {
            total = 0.0;
            for (int j = 0; j < d; j++) {
                total += scaledRange(j);
            }
        }
        if (!(total > 0.0)) {
            return false; // every feature constant on this node
        }
        double u = random.nextDouble() * total;
        int f = -1;
        for (int j = 0; j < d; j++) {
            double r = scaled ? scaledRange(j) : hi[j] - lo[j];
            if (r > 0.0) {
                f = j;
                if (u < r) {
                    break;
                }
                u -= r;
            }
        }
        cut(node, f, lo[f], hi[f], from, to);
        return true;
    }

    private double scaledRange(int j) {
        return (0.5 * hi[j] - 0.5 * lo[j]) * 0x1p-16;
    }

    private static int levelOf(int node) {
        return 31 - Integer.numberOfLeadingZeros(node + 1);
    }

    /**
     * The split value {@code min + u (max - min)} for {@code min < max} and {@code u} in [0, 1), moved into
     * {@code [min, max)} (to {@code min} when it rounds up to {@code max}, as scikit-learn does), never -0.0.
     */
    static double split(double min, double max, double u) {
        double t = min + u * (max - min);
        if (!Double.isFinite(t)) {
            t = min * (1.0 - u) + max * u; // max - min overflowed
        }
        if (!(t >= min && t < max)) {
            t = min;
        }
        return t + 0.0; // -0.0 becomes +0.0: see Forest.right
    }

    /**
     * Moves the points whose key {@code keys[base + index[q]]} exceeds {@code t} to the end; returns the index of the
     * first of them. Axis splits pass the sampled column, hyperplane splits the points' dot products.
     */
    private int partition(double[] keys, int base, int from, int to, double t) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (keys[base + index[i]] > t) {
                int s = index[i];
                index[i] = index[j];
                index[j] = s;
                j--;
            } else {
                i++;
            }
        }
        return i;
    }

    private boolean splitExtended(int node, int from, int to) {
        int d = forest.dimension;
        int stride = forest.sampleSize;
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int q = from; q < to; q++) {
                double v = sample[j * stride + index[q]];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            lo[j] = min;
            hi[j] = max;
        }
        int n = tree * forest.internal + node;
        int nb = n * d;
        // extensionLevel + 1 non-zero coordinates, at positions from a partial Fisher-Yates shuffle
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        int nonZero = forest.extensionLevel + 1;
        double offset = 0.0;
        for (int k = 0; k < nonZero; k++) {
            int pick = k + random.nextInt(d - k);
            int j = order[pick];
            order[pick] = order[k];
            order[k] = j;
            float w = (float) random.nextGaussian();
            double u = random.nextDouble();
            double p = lo[j] + u * (hi[j] - lo[j]);
            if (!Double.isFinite(p)) {
                p = lo[j] * (1.0 - u) + hi[j] * u;
            }
            forest.normal[nb + j] = w;
            offset += w * p;
        }
        if (!Double.isFinite(offset)) {
            java.util.Arrays.fill(forest.normal, nb, nb + d, 0f);
            return false;
        }
        double t = offset;
        for (int q = from; q < to; q++) {
            dots[index[q]] = dotOfSample(nb, index[q]);
        }
        int i = partition(dots, 0, from, to, t);
        forest.threshold[n] = t;
        split(2 * node + 1, levelOf(node) + 1, from, i);
        split(2 * node + 2, levelOf(node) + 1, i, to);
        return true;
    }

    /** The same sum, in the same order, as {@link Forest#dot}, over a sampled row. */
    private double dotOfSample(int normalBase, int k) {
        int d = forest.dimension;
        int stride = forest.sampleSize;
        double s = 0.0;
        for (int j = 0; j < d; j++) {
            s += forest.normal[normalBase + j] * sample[j * stride + k];
        }
        return s;
    }
}
