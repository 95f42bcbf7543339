package io.github.anomaly4j.iforest;

import java.util.Arrays;
import java.util.Objects;

/**
 * Complete state of a {@link StreamingIsolationForest}: its settings, the readings in its window and its trees.
 *
 * @param dimension values per reading
 * @param trees number of trees
 * @param sampleSize subsample size per tree; also the warm-up
 * @param seed master seed; tree number {@code k} (counting every tree ever grown) draws from a seed derived from it
 * @param extensionLevel 0 for classic splits, else the extended forest's level
 * @param window readings kept for growing new trees
 * @param updateEvery readings between two tree replacements
 * @param streamScoring {@code depth} (classic path length) or {@code insertion} (scored as if inserted)
 * @param splitFeatures {@code uniform} or {@code range}: how a classic split draws its feature
 * @param seen readings accepted so far
 * @param lastTimestamp timestamp of the last accepted reading, {@link Long#MIN_VALUE} before the first
 * @param recent the last {@code min(seen, window)} readings, oldest first, {@code dimension} values each
 * @param nextTree the tree slot the next replacement regrows
 * @param grown trees grown so far (numbers the tree seeds)
 * @param forest the trees, or null before the warm-up is complete
 * @param treePoints with insertion scoring, once warm: each tree's subsample, {@code sampleSize x dimension} values
 *     per tree, row-major, grouped by leaf slot in slot order (the node boxes are rebuilt from it); else empty
 */
public record StreamingIsolationForestState(int dimension, int trees, int sampleSize, long seed, int extensionLevel,
        int window, int updateEvery, String streamScoring, String splitFeatures, long seen, long lastTimestamp,
        double[] recent, int nextTree, long grown, IsolationForestState forest, double[] treePoints) {

    /**
     * Validates and copies.
     *
     * @param dimension values per reading, at least 1
     * @param trees number of trees, at least 1
     * @param sampleSize subsample size, at least 1
     * @param seed master seed
     * @param extensionLevel 0..dimension-1
     * @param window at least sampleSize
     * @param updateEvery at least 1
     * @param streamScoring {@code depth}, or {@code insertion} with extension level 0
     * @param splitFeatures {@code uniform}, or {@code range} with extension level 0
     * @param seen at least 0
     * @param lastTimestamp last timestamp
     * @param recent {@code min(seen, window) * dimension} finite values
     * @param nextTree 0..trees-1: {@code (grown - trees) mod trees} once warm, else 0
     * @param grown {@code trees + (seen - sampleSize) / updateEvery} once warm, else 0
     * @param forest trees of this shape once {@code seen >= sampleSize}, else null
     * @param treePoints {@code trees * sampleSize * dimension} finite values, each point reaching the leaf slot it
     *     is filed under, every split node with points sending some to each side, when {@code streamScoring} is
     *     {@code insertion} and the forest is present; else empty
     * @throws IllegalArgumentException naming the inconsistent field
     */
    public StreamingIsolationForestState {
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(streamScoring, "streamScoring");
        Objects.requireNonNull(treePoints, "treePoints");
        Objects.requireNonNull(splitFeatures, "splitFeatures");
        if (!IsolationForest.SPLIT_FEATURES.contains(splitFeatures)) {
            throw new IllegalArgumentException("splitFeatures must be one of " + IsolationForest.SPLIT_FEATURES
                    + ", got '" + splitFeatures + "'");
        }
        if (!IsolationForest.STREAM_SCORINGS.contains(streamScoring)) {
            throw new IllegalArgumentException("streamScoring must be one of " + IsolationForest.STREAM_SCORINGS
                    + ", got '" + streamScoring + "'");
        }
        IsolationForest.requireClassicSplits(streamScoring, splitFeatures, extensionLevel);
        boolean insertion = streamScoring.equals(IsolationForest.INSERTION);
        if (dimension < 1 || trees < 1 || sampleSize < 1 || window < sampleSize || updateEvery < 1 || seen < 0
                || grown < 0 || extensionLevel < 0 || extensionLevel >= dimension) {
            throw new IllegalArgumentException("inconsistent streaming isolation forest settings: dimension "
                    + dimension + ", trees " + trees + ", sampleSize " + sampleSize + ", window " + window
                    + ", updateEvery " + updateEvery + ", extensionLevel " + extensionLevel + ", seen " + seen
                    + ", grown " + grown);
        }
        if (nextTree < 0 || nextTree >= trees) {
            throw new IllegalArgumentException("nextTree must be in 0.." + (trees - 1) + ", got " + nextTree);
        }
        long held = Math.min(seen, window);
        if (recent.length != held * dimension) {
            throw new IllegalArgumentException("recent must hold " + held + " readings of " + dimension
                    + " values, got " + recent.length + " values");
        }
        for (int i = 0; i < recent.length; i++) {
            if (!Double.isFinite(recent[i])) {
                throw new IllegalArgumentException("recent[" + i + "] must be finite, got " + recent[i]);
            }
        }
        boolean warm = seen >= sampleSize;
        if (warm != (forest != null)) {
            throw new IllegalArgumentException(warm ? "a warm detector's state needs its forest"
                    : "a detector still warming up has no forest yet");
        }
        if (forest != null && (forest.dimension() != dimension || forest.trees() != trees
                || forest.sampleSize() != sampleSize || forest.extensionLevel() != extensionLevel)) {
            throw new IllegalArgumentException("the forest's shape " + forest + " does not match the settings");
        }
        // the tree counters follow from seen (StreamingIsolationForest.update): every tree at the warm-up, then one
        // every updateEvery readings, round-robin from slot 0; grown numbers the tree seeds, so a wrong value would
        // go on silently with trees other than the snapshotted detector's
        long expectedGrown = warm ? trees + (seen - sampleSize) / updateEvery : 0L;
        if (grown != expectedGrown) {
            throw new IllegalArgumentException("grown must be " + expectedGrown + " after " + seen + " readings ("
                    + trees + " trees, sampleSize " + sampleSize + ", updateEvery " + updateEvery + "), got " + grown);
        }
        long expectedNext = warm ? (grown - trees) % trees : 0L;
        if (nextTree != expectedNext) {
            throw new IllegalArgumentException("nextTree must be " + expectedNext + " after " + grown
                    + " trees grown, got " + nextTree);
        }
        long points = insertion && forest != null ? (long) trees * sampleSize * dimension : 0L;
        if (treePoints.length != points) {
            throw new IllegalArgumentException("treePoints must hold " + points + " values (" + (points == 0
                    ? "only insertion scoring keeps the trees' subsamples, once warm"
                    : trees + " trees x " + sampleSize + " points x " + dimension + " values") + "), got "
                    + treePoints.length);
        }
        if (points > 0) {
            for (int i = 0; i < treePoints.length; i++) {
                if (!Double.isFinite(treePoints[i])) {
                    throw new IllegalArgumentException("treePoints[" + i + "] must be finite, got " + treePoints[i]);
                }
            }
            Forest shape = Forest.fromState(forest);
            for (int t = 0; t < trees; t++) {
                String wrong = InsertionScorer.checkTree(shape, treePoints, t);
                if (wrong != null) {
                    throw new IllegalArgumentException("treePoints do not match the trees: " + wrong);
                }
            }
        }
        recent = recent.clone();
        treePoints = treePoints.clone();
    }

    /** @return a copy of the recent readings, oldest first */
    @Override
    public double[] recent() {
        return recent.clone();
    }

    /** @return a copy of the trees' subsamples (empty unless insertion scoring) */
    @Override
    public double[] treePoints() {
        return treePoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamingIsolationForestState s && dimension == s.dimension && trees == s.trees
                && sampleSize == s.sampleSize && seed == s.seed && extensionLevel == s.extensionLevel
                && window == s.window && updateEvery == s.updateEvery && streamScoring.equals(s.streamScoring)
                && splitFeatures.equals(s.splitFeatures) && seen == s.seen
                && lastTimestamp == s.lastTimestamp && Arrays.equals(recent, s.recent) && nextTree == s.nextTree
                && grown == s.grown && Objects.equals(forest, s.forest) && Arrays.equals(treePoints, s.treePoints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, trees, sampleSize, seed, extensionLevel, window, updateEvery, streamScoring,
                splitFeatures, seen, lastTimestamp, Arrays.hashCode(recent), nextTree, grown, forest,
                Arrays.hashCode(treePoints));
    }

    @Override
    public String toString() {
        return "StreamingIsolationForestState[dimension=" + dimension + ", trees=" + trees + ", sampleSize="
                + sampleSize + ", seed=" + seed + ", extensionLevel=" + extensionLevel + ", window=" + window
                + ", updateEvery=" + updateEvery + ", streamScoring="
                + streamScoring + ", splitFeatures=" + splitFeatures + ", seen=" + seen + "]";
    }
}
