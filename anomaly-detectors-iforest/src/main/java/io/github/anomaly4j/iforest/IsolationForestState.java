package io.github.anomaly4j.iforest;

import java.util.Arrays;
import java.util.Objects;

/**
 * State of a fitted isolation forest: its shape and, per tree, the split nodes and the leaf sizes of an implicit
 * complete binary tree of height {@code ceil(log2 sampleSize)} (node {@code i} has children {@code 2i+1} and
 * {@code 2i+2}). Leaf path lengths are recomputed from the leaf sizes on restore.
 *
 * @param dimension the number of features, 1..65535
 * @param trees the number of trees, at least 1
 * @param sampleSize the subsample size psi each tree was grown on ({@code min(sampleSize, rows)} of the detector),
 *     1..65536
 * @param extensionLevel 0 for the classic forest, else the extended forest's level, below {@code dimension}
 * @param features per split node, tree by tree: the split feature, or -1 for a node that passes every point to its
 *     left child (the node is a leaf, stored in the leftmost leaf slot below it); in an extended forest 0 or -1
 * @param thresholds per split node: the split value (classic) or hyperplane offset (extended); 0 where features
 *     is -1; finite, never -0.0
 * @param normals extended forest only: {@code dimension} hyperplane coefficients per split node; empty otherwise
 * @param leafSizes per leaf slot, tree by tree: the training points in the leaf; each tree's sizes sum to its
 *     sampleSize
 */
public record IsolationForestState(int dimension, int trees, int sampleSize, int extensionLevel, int[] features,
        double[] thresholds, float[] normals, int[] leafSizes) {

    /**
     * Validates and copies.
     *
     * @param dimension the number of features, 1..65535
     * @param trees the number of trees, at least 1
     * @param sampleSize the subsample size psi, 1..65536
     * @param extensionLevel 0..dimension-1
     * @param features split features, -1 for pass-through nodes
     * @param thresholds split values, finite, never -0.0
     * @param normals hyperplane normals of an extended forest, finite, not all zero at a split node; empty for a
     *     classic forest
     * @param leafSizes leaf sizes, each tree's summing to sampleSize
     * @throws IllegalArgumentException naming the first field that is out of range or of the wrong length
     */
    public IsolationForestState {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(normals, "normals");
        Objects.requireNonNull(leafSizes, "leafSizes");
        if (dimension < 1 || dimension > Forest.MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be in 1.." + Forest.MAX_DIMENSION + ", got "
                    + dimension);
        }
        if (sampleSize < 1 || sampleSize > Forest.MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException("sampleSize must be in 1.." + Forest.MAX_SAMPLE_SIZE + ", got "
                    + sampleSize);
        }
        if (extensionLevel < 0 || extensionLevel >= dimension) {
            throw new IllegalArgumentException("extensionLevel must be in 0.." + (dimension - 1) + ", got "
                    + extensionLevel);
        }
        int depth = PathLength.heightLimit(sampleSize);
        int internal = (1 << depth) - 1;
        int leaves = 1 << depth;
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be at least 1, got " + trees);
        }
        Forest.requireStateSize(trees, sampleSize, extensionLevel, dimension);
        requireLength("features", features.length, trees * internal);
        requireLength("thresholds", thresholds.length, trees * internal);
        requireLength("normals", normals.length, extensionLevel > 0 ? trees * internal * dimension : 0);
        requireLength("leafSizes", leafSizes.length, trees * leaves);
        int featureLimit = extensionLevel > 0 ? 1 : dimension;
        for (int n = 0; n < features.length; n++) {
            if (features[n] < -1 || features[n] >= featureLimit) {
                throw new IllegalArgumentException("features[" + n + "] must be in -1.." + (featureLimit - 1)
                        + ", got " + features[n]);
            }
            if (!Double.isFinite(thresholds[n])) {
                throw new IllegalArgumentException("thresholds[" + n + "] must be finite, got " + thresholds[n]);
            }
            // scoring reads the sign bit of t - x, which is right for every x only when t is not -0.0 (Forest.right);
            // training never stores -0.0
            if (Double.doubleToRawLongBits(thresholds[n]) == Long.MIN_VALUE) {
                throw new IllegalArgumentException("thresholds[" + n + "] must not be -0.0 (training stores 0.0)");
            }
        }
        for (int i = 0; i < normals.length; i++) {
            if (!Float.isFinite(normals[i])) {
                throw new IllegalArgumentException("normals[" + i + "] must be finite, got " + normals[i]);
            }
        }
        int[] nodeSizes = new int[internal + leaves];
        for (int t = 0; t < trees; t++) {
            long sum = 0;
            for (int s = 0; s < leaves; s++) {
                int size = leafSizes[t * leaves + s];
                if (size < 0 || size > sampleSize) {
                    throw new IllegalArgumentException("leafSizes[" + (t * leaves + s) + "] must be in 0.."
                            + sampleSize + ", got " + size);
                }
                sum += size;
            }
            if (sum != sampleSize) {
                throw new IllegalArgumentException("the leaf sizes of tree " + t + " sum to " + sum
                        + "; every tree holds its subsample of sampleSize = " + sampleSize + " points");
            }
            checkPassThroughs(t, internal, leaves, features, leafSizes);
            checkSplits(t, internal, leaves, extensionLevel == 0, features, leafSizes, nodeSizes);
            if (extensionLevel > 0) {
                checkNormals(t, internal, dimension, features, normals);
            }
        }
        features = features.clone();
        thresholds = thresholds.clone();
        normals = normals.clone();
        leafSizes = leafSizes.clone();
    }

    /**
     * Training makes every node below a pass-through a pass-through (Forest.clearTree) and files a leaf's points in
     * the leftmost slot below it, the one slot a walk reaches; a split below a pass-through, or points in a slot to
     * the right of one, would give a model that walks or counts what training never grew.
     */
    private static void checkPassThroughs(int t, int internal, int leaves, int[] features, int[] leafSizes) {
        int base = t * internal;
        for (int node = 1; node < internal; node++) {
            int parent = (node - 1) >> 1;
            if (features[base + parent] < 0 && features[base + node] >= 0) {
                throw new IllegalArgumentException("features[" + (base + node) + "]: split node " + node + " of tree "
                        + t + " lies below pass-through node " + parent + "; below a pass-through every node is one");
            }
        }
        for (int slot = 0; slot < leaves; slot++) {
            int size = leafSizes[t * leaves + slot];
            int node = internal + slot;
            // up the left edge of the chain of pass-throughs above the slot, as Forest.deriveTree climbs
            while (node > 0 && (node & 1) == 1 && features[base + ((node - 1) >> 1)] < 0) {
                node = (node - 1) >> 1;
            }
            if (size > 0 && node > 0 && features[base + ((node - 1) >> 1)] < 0) {
                throw new IllegalArgumentException("leafSizes[" + (t * leaves + slot) + "] holds " + size
                        + " points in leaf slot " + slot + " of tree " + t + ", right of pass-through node "
                        + ((node - 1) >> 1) + ", where no walk arrives; a leaf's points are in its leftmost slot");
            }
        }
    }

    /**
     * Training splits only a node of two or more points, and a classic split's value lies in {@code [min, max)} of
     * them, so it sends some to each side (an extended split may leave a side empty). Node sizes are summed bottom-up
     * into {@code size}, as Forest.deriveTree sums them.
     */
    private static void checkSplits(int t, int internal, int leaves, boolean classic, int[] features,
            int[] leafSizes, int[] size) {
        System.arraycopy(leafSizes, t * leaves, size, internal, leaves);
        for (int node = internal - 1; node >= 0; node--) {
            int left = size[2 * node + 1];
            int right = size[2 * node + 2];
            size[node] = left + right;
            if (features[t * internal + node] < 0) {
                continue;
            }
            if (size[node] < 2) {
                throw new IllegalArgumentException("split node " + node + " of tree " + t + " holds " + size[node]
                        + " points; training splits only nodes of two or more");
            }
            if (classic && (left == 0 || right == 0)) {
                throw new IllegalArgumentException("split node " + node + " of tree " + t + " sends all its "
                        + size[node] + " points to one side; a classic split always cuts between them");
            }
        }
    }

    /**
     * An extended split's normal has {@code extensionLevel + 1} standard-normal coordinates; an all-zero one would
     * send every point one way and make attribution share the split's credit by a zero norm (NaN).
     */
    private static void checkNormals(int t, int internal, int dimension, int[] features, float[] normals) {
        for (int node = 0; node < internal; node++) {
            int n = t * internal + node;
            if (features[n] < 0) {
                continue;
            }
            boolean zero = true;
            for (int j = 0; j < dimension && zero; j++) {
                zero = normals[n * dimension + j] == 0f;
            }
            if (zero) {
                throw new IllegalArgumentException("normals[" + n * dimension + ".." + ((n + 1) * dimension - 1)
                        + "]: split node " + node + " of tree " + t + " has an all-zero normal");
            }
        }
    }

    private static void requireLength(String name, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " must have " + expected
                    + " entries for this forest's shape, got " + actual);
        }
    }

    /** @return a copy of the split features */
    @Override
    public int[] features() {
        return features.clone();
    }

    /** @return a copy of the split values */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** @return a copy of the hyperplane normals */
    @Override
    public float[] normals() {
        return normals.clone();
    }

    /** @return a copy of the leaf sizes */
    @Override
    public int[] leafSizes() {
        return leafSizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsolationForestState s && dimension == s.dimension && trees == s.trees
                && sampleSize == s.sampleSize && extensionLevel == s.extensionLevel
                && Arrays.equals(features, s.features) && Arrays.equals(thresholds, s.thresholds)
                && Arrays.equals(normals, s.normals) && Arrays.equals(leafSizes, s.leafSizes);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(dimension, trees, sampleSize, extensionLevel);
        h = 31 * h + Arrays.hashCode(features);
        h = 31 * h + Arrays.hashCode(thresholds);
        h = 31 * h + Arrays.hashCode(normals);
        return 31 * h + Arrays.hashCode(leafSizes);
    }

    @Override
    public String toString() {
        return "IsolationForestState[dimension=" + dimension + ", trees=" + trees + ", sampleSize=" + sampleSize
                + ", extensionLevel=" + extensionLevel + ", " + features.length + " split nodes]";
    }
}
