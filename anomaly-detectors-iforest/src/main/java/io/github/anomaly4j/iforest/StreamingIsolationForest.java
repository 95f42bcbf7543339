package io.github.anomaly4j.iforest;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.detect.StreamingDetector;

/**
 * A sliding-window isolation forest. Each reading is scored against the current forest, then joins a window of the
 * last {@code window} readings. After {@code sampleSize} readings (the warm-up) every tree is grown from the window;
 * from then on, every {@code updateEvery} readings the oldest tree is regrown from a fresh subsample of the window,
 * round-robin, so the forest is entirely renewed every {@code trees x updateEvery} readings and never describes
 * data older than {@code window + trees x updateEvery} readings. The trees are the batch forest's: scoring a
 * reading costs what {@code AnomalyModel.score} costs, and a replacement grows one tree of {@code sampleSize}
 * points (amortised over {@code updateEvery} readings).
 *
 * <p><b>Stream scoring.</b> With {@code streamScoring = depth} (the default) a reading's score is the classic
 * forest's. With {@code insertion} (classic splits only) it is scored as if it had been in each tree's subsample:
 * the probability that a range-weighted cut at each node on its path separates it from the node's points, from the
 * nodes' bounding boxes (see {@link InsertionScorer}); the detector then also keeps each tree's subsample. That
 * makes a reading displaced along any one feature stand out although the trees were grown without it.
 *
 * <p>Single writer; not thread-safe. {@link #snapshot()} captures the window, the trees and the position in the
 * sequence of tree seeds, so a restored detector continues bit-identically.
 */
public final class StreamingIsolationForest implements StreamingDetector {
    private final int dimension;
    private final int trees;
    private final int sampleSize;
    private final long seed;
    private final int extensionLevel;
    private final int window;
    private final int updateEvery;
    private final String streamScoring;
    private final String splitFeatures;
    /** Null unless {@code streamScoring} is {@code insertion}. */
    private final InsertionScorer insertion;
    private final double[] ring;
    private final Forest forest;
    private final TreeGrower grower;
    private final TreeGrower.Rows windowRows;
    private int head;
    private int held;
    private long seen;
    private long lastTimestamp = Long.MIN_VALUE;
    private int nextTree;
    private long grown;

    StreamingIsolationForest(int dimension, int trees, int sampleSize, long seed, int extensionLevel, int window,
            int updateEvery, String streamScoring, String splitFeatures) {
        this.dimension = dimension;
        this.trees = trees;
        this.sampleSize = sampleSize;
        this.seed = seed;
        this.extensionLevel = extensionLevel;
        this.window = window;
        this.updateEvery = updateEvery;
        this.streamScoring = streamScoring;
        this.splitFeatures = splitFeatures;
        Forest.requireArray("the window (" + window + " readings x " + dimension + " values)",
                (long) window * dimension);
        int internal = (1 << PathLength.heightLimit(sampleSize)) - 1;
        // the normals as well: the snapshot carries the forest's state, which must exist once the detector is warm
        Forest.requireStateSize(trees, sampleSize, extensionLevel, dimension);
        if (streamScoring.equals(IsolationForest.INSERTION)) {
            Forest.requireArray("insertion scoring's boxes (" + trees + " trees x " + internal + " split nodes x 2 x "
                    + dimension + " values)", (long) trees * internal * 2 * dimension);
            Forest.requireArray("insertion scoring's subsamples (" + trees + " trees x " + sampleSize + " points x "
                    + dimension + " values)", (long) trees * sampleSize * dimension);
        }
        this.ring = new double[window * dimension];
        this.forest = new Forest(dimension, trees, sampleSize, extensionLevel);
        this.grower = new TreeGrower(forest, splitFeatures.equals(IsolationForest.RANGE));
        this.insertion = streamScoring.equals(IsolationForest.INSERTION) ? new InsertionScorer(forest) : null;
        // row r of the window, oldest first; head - held + r lies in (-window, window): one conditional add, no
        // division (floorMod's division per value was most of the cost of growing a tree)
        this.windowRows = (r, j) -> {
            int slot = head - held + r;
            return ring[(slot < 0 ? slot + this.window : slot) * this.dimension + j];
        };
    }

    @Override
    public String type() {
        return IsolationForest.ID;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double update(long timestamp, double[] x) {
        if (seen > 0 && timestamp <= lastTimestamp) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is not after the last reading's "
                    + lastTimestamp + "; timestamps must be strictly increasing");
        }
        FeatureVectors.requireFinite(x, dimension);
        double score = !isWarm() ? 0.0
                : forest.score(insertion != null ? insertion.pathLengthSum(x) : forest.pathLengthSum(x));
        System.arraycopy(x, 0, ring, head * dimension, dimension);
        head = head + 1 == window ? 0 : head + 1;
        held = Math.min(held + 1, window);
        seen++;
        lastTimestamp = timestamp;
        if (seen == sampleSize) {
            for (int t = 0; t < trees; t++) {
                grow(t);
            }
        } else if (seen > sampleSize && (seen - sampleSize) % updateEvery == 0) {
            grow(nextTree);
            nextTree = nextTree + 1 == trees ? 0 : nextTree + 1;
        }
        return score;
    }

    private void grow(int t) {
        grower.grow(t, windowRows, held, TreeGrower.treeSeed(seed, grown++));
        if (insertion != null) {
            grower.copySampleByLeaf(insertion.points, insertion.pointsOffset(t));
            insertion.rebuild(t);
        }
    }

    /** @return the sample size: the first forest is grown once that many readings have been seen */
    @Override
    public int warmUp() {
        return sampleSize;
    }

    @Override
    public boolean isWarm() {
        return seen >= sampleSize;
    }

    @Override
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /**
     * Per-feature attribution of {@code x} against the current forest, as the batch model's
     * ({@link IsolationForest}); all zeros before the warm-up is complete.
     *
     * @param x {@link #dimension()} finite values
     * @param out receives {@link #dimension()} contributions
     */
    public void attribute(double[] x, double[] out) {
        FeatureVectors.requireFinite(x, dimension);
        if (out == null || out.length < dimension) {
            throw new IllegalArgumentException("out must have at least " + dimension + " slots");
        }
        if (isWarm()) {
            forest.attribute(x, out);
        } else {
            java.util.Arrays.fill(out, 0, dimension, 0.0);
        }
    }

    @Override
    public StreamingIsolationForestState snapshot() {
        double[] recent = new double[held * dimension];
        for (int r = 0; r < held; r++) {
            for (int j = 0; j < dimension; j++) {
                recent[r * dimension + j] = windowRows.get(r, j);
            }
        }
        return new StreamingIsolationForestState(dimension, trees, sampleSize, seed, extensionLevel, window,
                updateEvery, streamScoring, splitFeatures, seen, lastTimestamp, recent, nextTree, grown,
                isWarm() ? forest.toState() : null,
                isWarm() && insertion != null ? insertion.points.clone() : new double[0]);
    }

    /**
     * @param snapshot a {@link StreamingIsolationForestState} from a detector with the same settings and dimension
     * @throws IllegalArgumentException when it is null, of another type, or of other settings or dimension
     */
    @Override
    public void restore(Record snapshot) {
        if (!(snapshot instanceof StreamingIsolationForestState s)) {
            throw new IllegalArgumentException("expected a StreamingIsolationForestState, got "
                    + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        if (s.dimension() != dimension || s.trees() != trees || s.sampleSize() != sampleSize || s.seed() != seed
                || s.extensionLevel() != extensionLevel || s.window() != window || s.updateEvery() != updateEvery
                || !s.streamScoring().equals(streamScoring) || !s.splitFeatures().equals(splitFeatures)) {
            throw new IllegalArgumentException("snapshot " + s + " was taken from a detector with other settings "
                    + "than this one (dimension " + dimension + ", trees " + trees + ", sampleSize " + sampleSize
                    + ", seed " + seed + ", extensionLevel " + extensionLevel + ", window " + window + ", updateEvery "
                    + updateEvery + ", streamScoring " + streamScoring + ", splitFeatures " + splitFeatures + ")");
        }
        double[] recent = s.recent();
        System.arraycopy(recent, 0, ring, 0, recent.length);
        held = recent.length / dimension;
        head = held == window ? 0 : held;
        seen = s.seen();
        lastTimestamp = s.lastTimestamp();
        nextTree = s.nextTree();
        grown = s.grown();
        if (s.forest() != null) {
            Forest restored = Forest.fromState(s.forest());
            for (int t = 0; t < trees; t++) {
                forest.copyTree(restored, t, t);
            }
            if (insertion != null) {
                double[] points = s.treePoints();
                System.arraycopy(points, 0, insertion.points, 0, points.length);
                for (int t = 0; t < trees; t++) {
                    insertion.rebuild(t);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "StreamingIsolationForest[dimension=" + dimension + ", trees=" + trees + ", sampleSize="
                + sampleSize + ", window=" + window + ", updateEvery=" + updateEvery + ", streamScoring="
                + streamScoring + ", splitFeatures=" + splitFeatures + ", seen=" + seen + "]";
    }
}
