package io.github.anomaly4j.iforest;

import java.util.Arrays;

/**
 * "Score as if inserted" for the streaming forest ({@code streamScoring = insertion}): the expected reciprocal
 * isolation depth a reading would get if it had been in the subsample of each tree, computed analytically from the
 * bounding box of the training points at every node on its path.
 *
 * <p><b>Why.</b> The trees are grown from the window <em>before</em> a reading is scored, so a reading displaced
 * far along one feature is compared only with split values inside the window's range: a classic tree cuts on that
 * feature one time in {@code dimension} at each node and otherwise treats the reading as an inlier. Had the reading
 * been in the subsample, it would have widened the range of its feature at every node on its path, and a cut drawn
 * in the widened range would have fallen between it and the node's points with the probability below.
 *
 * <p><b>Rule.</b> At node {@code v} on {@code x}'s path, with bounding box {@code [lo_j, hi_j]} of the node's
 * training points, let {@code e_j = max(0, lo_j - x_j) + max(0, x_j - hi_j)} (how far {@code x} lies outside the
 * box along {@code j}) and {@code r_j = hi_j - lo_j}. A cut on a feature drawn with probability proportional to its
 * range, at a value uniform in the range widened by {@code x} (Random Cut Forest's rule: Guha, Mishra, Roy and
 * Schrijvers, ICML 2016), separates {@code x} from all of the node's points with probability
 * {@code p_v = sum e_j / sum (r_j + e_j)}; otherwise it falls inside the box, and the tree's own split stands in for
 * it (exactly so with range-weighted split features, {@code splitFeatures = range}: given that it misses {@code x},
 * that rule's cut is on feature {@code j} with probability proportional to {@code r_j}, uniform within the box;
 * approximately with uniform features). So, writing {@code p_l} for {@code p_v} at the node on level {@code l},
 * {@code x} is isolated at depth {@code l + 1} with probability {@code q_l p_l}, where {@code q_l} is the
 * probability that no node above separated it; if none does, it reaches its leaf, whose path length is
 * {@code depth + c(size)} as in the classic forest. A tree contributes the expected <em>reciprocal</em> depth
 * {@code sum_l q_l p_l / (l + 1) + q_leaf / max(1, h_leaf)} (as Random Cut Forest's score weighs a cut by the
 * reciprocal of its depth), and the forest's path length is the harmonic mean over the trees,
 * {@code H = trees / sum_t E_t[1/h]}; the score is {@code 2^(-H / c(psi))} like the classic one. A reading inside
 * every box on its path gets {@code p = 0} everywhere and the harmonic mean of its classic path lengths.
 * No randomness is used at scoring time.
 *
 * <p>Early leaves (a node with one point, or with equal points) are pass-throughs in the forest; the first
 * pass-through on the path is the leaf, its box is the box of its points, and the walk stops there. Only classic
 * (axis-parallel) trees are supported: the tree's split must be a cut of the kind the probability describes.
 *
 * <p><b>Storage.</b> Per split node the box ({@code dimension} minima then {@code dimension} maxima, doubles);
 * per tree its subsample ({@code sampleSize x dimension} doubles, row-major, grouped by leaf slot in slot order),
 * from which the boxes are rebuilt bottom-up (a leaf slot's box is that of its points, a node's the union of its
 * children's). The subsample is what a snapshot carries; the boxes are derived on restore.
 */
final class InsertionScorer {
    private final Forest forest;
    private final int dimension;
    private final int internal;
    private final int leaves;
    private final int depth;
    /** Box per split node of every tree: {@code dimension} minima, then {@code dimension} maxima. */
    private final double[] box;
    /** Subsample of every tree, {@code sampleSize * dimension} values per tree, row-major, in leaf-slot order. */
    final double[] points;
    /** Scratch: the box of each leaf slot of the tree being rebuilt. */
    private final double[] slotBox;
    /** {@code 1 / (l + 1)} for {@code l = 0..depth}: the reciprocal depth of a separation at level {@code l}. */
    private final double[] reciprocal;

    InsertionScorer(Forest forest) {
        if (forest.extended()) {
            throw new IllegalArgumentException("insertion scoring needs classic splits (extensionLevel 0)");
        }
        this.forest = forest;
        this.dimension = forest.dimension;
        this.internal = forest.internal;
        this.leaves = forest.leaves;
        this.depth = forest.depth;
        this.box = new double[forest.trees * internal * 2 * dimension];
        this.points = new double[forest.trees * forest.sampleSize * dimension];
        this.slotBox = new double[leaves * 2 * dimension];
        this.reciprocal = new double[depth + 1];
        for (int l = 0; l <= depth; l++) {
            reciprocal[l] = 1.0 / (l + 1);
        }
    }

    /** Offset of tree {@code t}'s subsample in {@link #points}. */
    int pointsOffset(int t) {
        return t * forest.sampleSize * dimension;
    }

    /**
     * Rebuilds the node boxes of tree {@code t} from its subsample in {@link #points} and the forest's leaf sizes.
     */
    void rebuild(int t) {
        final int d = dimension;
        final int stride = 2 * d;
        int row = pointsOffset(t);
        for (int slot = 0; slot < leaves; slot++) {
            int size = forest.leafSize[t * leaves + slot];
            if (size == 0) {
                continue; // an empty slot's box is never read: see below
            }
            int b = slot * stride;
            System.arraycopy(points, row, slotBox, b, d);
            System.arraycopy(points, row, slotBox, b + d, d);
            row += d;
            for (int k = 1; k < size; k++, row += d) {
                for (int j = 0; j < d; j++) {
                    double v = points[row + j];
                    if (v < slotBox[b + j]) {
                        slotBox[b + j] = v;
                    }
                    if (v > slotBox[b + d + j]) {
                        slotBox[b + d + j] = v;
                    }
                }
            }
        }
        int treeBase = t * internal * stride;
        int sizeBase = t * (internal + leaves);
        for (int node = internal - 1; node >= 0; node--) {
            int b = treeBase + node * stride;
            int left = 2 * node + 1;
            int right = left + 1;
            double[] la = left < internal ? box : slotBox;
            int lb = left < internal ? treeBase + left * stride : (left - internal) * stride;
            double[] ra = right < internal ? box : slotBox;
            int rb = right < internal ? treeBase + right * stride : (right - internal) * stride;
            if (forest.nodeSize[sizeBase + right] == 0) {
                // a pass-through (or an empty node below one): the box of its left child, the only one with points
                System.arraycopy(la, lb, box, b, stride);
                continue;
            }
            for (int j = 0; j < d; j++) {
                double l = la[lb + j];
                double r = ra[rb + j];
                box[b + j] = l < r ? l : r;
                l = la[lb + d + j];
                r = ra[rb + d + j];
                box[b + d + j] = l > r ? l : r;
            }
        }
    }

    /**
     * The cut probability {@code sum e_j / sum (r_j + e_j)} at the split node whose box starts at {@code b}, for a
     * node where a range or the sum overflows: every term is computed at scale 2^-17 (halves, then 2^-16), which is
     * exact for normal numbers and leaves the ratio unchanged; a term is at most {@code 2 x MAX_VALUE x 2^-17} and
     * there are at most 65535 features, so the sums stay finite.
     */
    private double scaledCut(int b, double[] x) {
        final int d = dimension;
        double outside = 0.0;
        double range = 0.0;
        for (int j = 0; j < d; j++) {
            double lo = box[b + j];
            double hi = box[b + d + j];
            double v = x[j];
            outside += ((lo > v ? 0.5 * lo - 0.5 * v : 0.0) + (v > hi ? 0.5 * v - 0.5 * hi : 0.0)) * 0x1p-16;
            range += (0.5 * hi - 0.5 * lo) * 0x1p-16;
        }
        return outside / (range + outside);
    }

    /**
     * Checks tree {@code t} of {@code forest} against its subsample {@code points} (laid out as {@link #points}):
     * every point reaches the leaf slot it is filed under. (That every classic split sends points to each side,
     * which the boxes need since a node's box is the union of its children's, is already a rule of the forest's
     * own record, {@link IsolationForestState}, checked from the leaf sizes before this runs.)
     *
     * @return null when it holds, else a message naming the first point that does not reach its slot
     */
    static String checkTree(Forest forest, double[] points, int t) {
        final int d = forest.dimension;
        final int internal = forest.internal;
        final int leaves = forest.leaves;
        int row = t * forest.sampleSize * d;
        for (int slot = 0; slot < leaves; slot++) {
            int size = forest.leafSize[t * leaves + slot];
            for (int k = 0; k < size; k++, row += d) {
                int i = forest.walkClassic(t, points, row);
                if (i - internal != slot) {
                    return "point " + k + " of leaf slot " + slot + " of tree " + t + " reaches slot "
                            + (i - internal);
                }
            }
        }
        return null;
    }

    /**
     * The forest's summed path length for {@code x} under insertion scoring, {@code trees * H} with {@code H} the
     * harmonic mean over the trees (see the class comment), so that {@link Forest#score} turns it into a score.
     */
    double pathLengthSum(double[] x) {
        final int d = dimension;
        final int stride = 2 * d;
        final double[] box = this.box;
        final char[] feature = forest.feature;
        final double[] threshold = forest.threshold;
        final double[] leafLength = forest.leafLength;
        final int trees = forest.trees;
        double inverse = 0.0;
        for (int t = 0; t < trees; t++) {
            int base = t * internal;
            int i = 0;
            double q = 1.0; // probability that no node above has separated x
            for (int level = 0; level < depth; level++) {
                int n = base + i;
                int b = n * stride;
                double outside = 0.0;
                double range = 0.0;
                for (int j = 0; j < d; j++) {
                    double lo = box[b + j];
                    double hi = box[b + d + j];
                    double v = x[j];
                    outside += (lo > v ? lo - v : 0.0) + (v > hi ? v - hi : 0.0);
                    range += hi - lo;
                }
                double total = range + outside;
                double p;
                if (total < Double.POSITIVE_INFINITY) {
                    p = total > 0.0 ? outside / total : 0.0; // 0: x equals a one-point (or all-equal) box
                } else {
                    p = scaledCut(b, x); // a range or a sum beyond Double.MAX_VALUE
                }
                inverse += q * p * reciprocal[level];
                q -= q * p;
                double split = threshold[n];
                if (split == Double.POSITIVE_INFINITY) {
                    i = ((i + 1) << (depth - level)) - 1; // an early leaf: its slot is the leftmost below
                    break;
                }
                i = 2 * i + 1 + Forest.right(split, x[feature[n]]);
            }
            inverse += q / Math.max(1.0, leafLength[t * leaves - internal + i]);
        }
        return (double) trees * trees / inverse;
    }
}
