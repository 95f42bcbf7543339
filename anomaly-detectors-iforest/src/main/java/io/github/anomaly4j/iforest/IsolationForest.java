package io.github.anomaly4j.iforest;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Isolation Forest (plugin id {@value #ID}): Liu, Ting and Zhou, "Isolation Forest", ICDM 2008, and optionally the
 * extended Isolation Forest of Hariri, Kind and Brunner, IEEE TKDE 2021 (arXiv 2018).
 *
 * <p><b>Fit.</b> Each of {@code trees} trees is grown on {@code psi = min(sampleSize, rows)} rows drawn without
 * replacement, to the height limit {@code ceil(log2 psi)}. A classic split picks a feature uniformly among those
 * not constant on the node and a split value uniformly between the node's minimum and maximum, as scikit-learn
 * does; an extended split ({@code extensionLevel = k > 0}) cuts with a random hyperplane over {@code k + 1}
 * features ({@code k} is capped at {@code dimension - 1}, the fully extended forest). Tree {@code i} draws from
 * its own seed, derived from {@code seed} and {@code i}, so a fit on several {@code threads} gives a model
 * bit-identical to a fit on one.
 *
 * <p><b>Score.</b> {@code s(x) = 2^(-E[h(x)] / c(psi))}, where {@code h} is the depth of the leaf {@code x} reaches
 * plus {@code c(n_leaf)} for the training points left in it, and {@code c(n) = 2H(n-1) - 2(n-1)/n}. Scores lie in
 * (0, 1]; the higher, the more anomalous. They are invariant to any increasing affine map of a feature applied to
 * training and scoring data alike.
 *
 * <p><b>Attribution.</b> Each split on a point's path credits its feature with
 * {@code max(0, log2(n_parent / n_child) - 1)}: the halvings of the training sample the split achieved for that
 * point beyond the one halving of an even split; credits are averaged over the trees. A point displaced along
 * feature {@code j} is cut off by splits on {@code j} that leave it almost alone, so {@code j} collects most of
 * the credit, while the ordinary splits every point passes earn next to nothing.
 *
 * <p><b>Streaming.</b> {@link #newStreamingDetector} returns a sliding-window forest: see
 * {@link StreamingIsolationForest}. With {@code streamScoring = insertion} it scores each reading as if it were in
 * the trees' subsamples, which finds readings displaced along any one feature far better than the classic score.
 *
 * <p><b>Split features.</b> {@code splitFeatures = range} draws a classic split's feature in proportion to its
 * range on the node (Random Cut Forest's rule) instead of uniformly (scikit-learn's rule, the default).
 *
 * <pre>{@code
 * AnomalyModel model = IsolationForest.builder().trees(100).sampleSize(256).seed(7).build().fit(training);
 * double s = model.score(x);
 * }</pre>
 */
public final class IsolationForest implements Detector {
    /** The plugin id. */
    public static final String ID = "iforest";
    /** {@code streamScoring} value: a reading is scored by its classic path length (the default). */
    public static final String DEPTH = "depth";
    /** {@code streamScoring} value: a reading is scored as if it were in each tree's subsample. */
    public static final String INSERTION = "insertion";
    static final List<String> STREAM_SCORINGS = List.of(DEPTH, INSERTION);
    /** {@code splitFeatures} value: a classic split draws its feature uniformly (scikit-learn's rule, the default). */
    public static final String UNIFORM = "uniform";
    /** {@code splitFeatures} value: a classic split draws its feature in proportion to its range on the node. */
    public static final String RANGE = "range";
    static final List<String> SPLIT_FEATURES = List.of(UNIFORM, RANGE);

    private final int trees;
    private final int sampleSize;
    private final long seed;
    private final int extensionLevel;
    private final int threads;
    private final int window;
    private final int updateEvery;
    private final String streamScoring;
    private final String splitFeatures;

    private IsolationForest(Builder b) {
        this.trees = value(b.trees, IsolationForestProvider.TREES);
        this.sampleSize = value(b.sampleSize, IsolationForestProvider.SAMPLE_SIZE);
        this.seed = b.seed != null ? b.seed : IsolationForestProvider.SEED.defaultValue();
        this.extensionLevel = value(b.extensionLevel, IsolationForestProvider.EXTENSION_LEVEL);
        this.threads = value(b.threads, IsolationForestProvider.THREADS);
        this.window = b.window != null ? b.window
                : Math.max(IsolationForestProvider.WINDOW.defaultValue(), sampleSize);
        this.updateEvery = value(b.updateEvery, IsolationForestProvider.UPDATE_EVERY);
        this.streamScoring = b.streamScoring != null ? b.streamScoring
                : IsolationForestProvider.STREAM_SCORING.defaultValue();
        if (window < sampleSize) {
            throw new IllegalArgumentException("window must be at least sampleSize (" + sampleSize + "), got "
                    + window);
        }
        this.splitFeatures = b.splitFeatures != null ? b.splitFeatures
                : IsolationForestProvider.SPLIT_FEATURES.defaultValue();
        requireClassicSplits(streamScoring, splitFeatures, extensionLevel);
        Forest.requireStateSize(trees, sampleSize, 0, 1);
    }

    private static int value(Integer set, Parameter<Integer> parameter) {
        return set != null ? set : parameter.defaultValue();
    }

    /** @return a builder with the defaults: 100 trees, sample size 256, seed 42, classic splits, one thread */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        return Spec.of(ID).with(IsolationForestProvider.TREES.name(), trees)
                .with(IsolationForestProvider.SAMPLE_SIZE.name(), sampleSize)
                .with(IsolationForestProvider.SEED.name(), seed)
                .with(IsolationForestProvider.EXTENSION_LEVEL.name(), extensionLevel)
                .with(IsolationForestProvider.THREADS.name(), threads)
                .with(IsolationForestProvider.WINDOW.name(), window)
                .with(IsolationForestProvider.UPDATE_EVERY.name(), updateEvery)
                .with(IsolationForestProvider.STREAM_SCORING.name(), streamScoring)
                .with(IsolationForestProvider.SPLIT_FEATURES.name(), splitFeatures);
    }

    /**
     * Grows the forest.
     *
     * @param training at least one row of finite values
     * @return the fitted model
     * @throws IllegalArgumentException when the frame is empty, holds NaN or an infinity (naming row and column),
     *     or has more than 65535 columns, or when the extended forest's normals would not fit in a model's state
     */
    @Override
    public AnomalyModel fit(Frame training) {
        training.requireFinite();
        int d = training.width();
        checkDimension(d);
        int n = training.rows();
        double[][] columns = new double[d][];
        for (int j = 0; j < d; j++) {
            columns[j] = training.column(j);
        }
        int psi = Math.min(sampleSize, n);
        int level = Math.min(extensionLevel, d - 1);
        // the extended forest's normals scale with d: e.g. 10,000 trees of 256 points over 1,000 features would
        // overflow an int-indexed array
        Forest.requireStateSize(trees, psi, level, d);
        Forest forest = new Forest(d, trees, psi, level);
        TreeGrower.Rows rows = (row, j) -> columns[j][row];
        if (threads == 1 || trees == 1) {
            TreeGrower grower = new TreeGrower(forest, splitFeatures.equals(RANGE));
            for (int t = 0; t < trees; t++) {
                grower.grow(t, rows, n, TreeGrower.treeSeed(seed, t));
            }
        } else {
            growInParallel(forest, rows, n);
        }
        return new IsolationForestModel(forest.toState());
    }

    private void checkDimension(int d) {
        if (d > Forest.MAX_DIMENSION) {
            throw new IllegalArgumentException("an isolation forest takes at most " + Forest.MAX_DIMENSION
                    + " columns, got " + d);
        }
    }

    /** Workers take the next tree number from a counter; each tree has its own seed, so the order is irrelevant. */
    private void growInParallel(Forest forest, TreeGrower.Rows rows, int n) {
        int workers = Math.min(threads, trees);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "iforest-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    TreeGrower grower = new TreeGrower(forest, splitFeatures.equals(RANGE));
                    for (int t = next.getAndIncrement(); t < trees; t = next.getAndIncrement()) {
                        grower.grow(t, rows, n, TreeGrower.treeSeed(seed, t));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting the forest", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("fitting a tree failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean supportsStreaming() {
        return true;
    }

    /**
     * A sliding-window isolation forest with this detector's trees, sample size, seed, extension level, window,
     * update interval, stream scoring and split features.
     *
     * @param dimension the number of values per reading, 1..65535
     * @return a fresh streaming detector
     * @throws IllegalArgumentException when the dimension is out of range, or when the window, the extended
     *     forest's normals or insertion scoring's boxes and subsamples would not fit in a Java array
     */
    @Override
    public StreamingDetector newStreamingDetector(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        checkDimension(dimension);
        return new StreamingIsolationForest(dimension, trees, sampleSize, seed,
                Math.min(extensionLevel, dimension - 1), window, updateEvery, streamScoring, splitFeatures);
    }

    /** @return the number of trees */
    public int trees() {
        return trees;
    }

    /** @return the subsample size per tree */
    public int sampleSize() {
        return sampleSize;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return 0 for classic splits, else the extended forest's extension level */
    public int extensionLevel() {
        return extensionLevel;
    }

    /** @return the threads used to fit */
    public int threads() {
        return threads;
    }

    /** @return the streaming window, in readings */
    public int window() {
        return window;
    }

    /** @return the readings between two tree replacements of the streaming mode */
    public int updateEvery() {
        return updateEvery;
    }

    /**
     * Refuses {@code range} split features or {@code insertion} scoring with hyperplane splits: both describe
     * axis-parallel cuts. Shared by the builder and the streaming state record.
     */
    static void requireClassicSplits(String streamScoring, String splitFeatures, int extensionLevel) {
        if (splitFeatures.equals(RANGE) && extensionLevel != 0) {
            throw new IllegalArgumentException("splitFeatures '" + RANGE + "' needs classic splits "
                    + "(extensionLevel 0), got extensionLevel " + extensionLevel);
        }
        if (streamScoring.equals(INSERTION) && extensionLevel != 0) {
            throw new IllegalArgumentException("streamScoring '" + INSERTION + "' needs classic splits "
                    + "(extensionLevel 0), got extensionLevel " + extensionLevel);
        }
    }

    /** @return how the streaming mode scores a reading: {@value #DEPTH} or {@value #INSERTION} */
    public String streamScoring() {
        return streamScoring;
    }

    /** @return how a classic split draws its feature: {@value #UNIFORM} or {@value #RANGE} */
    public String splitFeatures() {
        return splitFeatures;
    }

    @Override
    public String toString() {
        return spec().toString();
    }

    /**
     * Builds an {@link IsolationForest}. Each option may be set once (a second call is an
     * {@link IllegalStateException}) and is validated at once ({@link IllegalArgumentException} naming the range).
     */
    public static final class Builder {
        private Integer trees;
        private Integer sampleSize;
        private Long seed;
        private Integer extensionLevel;
        private Integer threads;
        private Integer window;
        private Integer updateEvery;
        private String streamScoring;
        private String splitFeatures;

        private Builder() {
        }

        private static <T> T once(T current, String name, T value) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            return value;
        }

        /**
         * @param count number of trees, 1..10,000 (default 100)
         * @return this builder
         */
        public Builder trees(int count) {
            trees = once(trees, "trees", IsolationForestProvider.TREES.convert(count));
            return this;
        }

        /**
         * @param psi subsample size per tree, 1..65,536 (default 256)
         * @return this builder
         */
        public Builder sampleSize(int psi) {
            sampleSize = once(sampleSize, "sampleSize", IsolationForestProvider.SAMPLE_SIZE.convert(psi));
            return this;
        }

        /**
         * @param value seed of every random choice (default 42)
         * @return this builder
         */
        public Builder seed(long value) {
            seed = once(seed, "seed", value);
            return this;
        }

        /**
         * @param level 0 (the default) for the classic forest; {@code k > 0} for the extended forest with
         *     hyperplanes over {@code k + 1} features; capped at {@code dimension - 1} (fully extended) at fit
         * @return this builder
         */
        public Builder extensionLevel(int level) {
            extensionLevel = once(extensionLevel, "extensionLevel",
                    IsolationForestProvider.EXTENSION_LEVEL.convert(level));
            return this;
        }

        /**
         * @param count threads used to fit, 1..256 (default 1); the model does not depend on it
         * @return this builder
         */
        public Builder threads(int count) {
            threads = once(threads, "threads", IsolationForestProvider.THREADS.convert(count));
            return this;
        }

        /**
         * @param readings streaming window: new trees are grown from the most recent {@code readings}, at least
         *     the sample size (default max(1024, sample size))
         * @return this builder
         */
        public Builder window(int readings) {
            window = once(window, "window", IsolationForestProvider.WINDOW.convert(readings));
            return this;
        }

        /**
         * @param readings streaming: the oldest tree is replaced every {@code readings} readings (default 10)
         * @return this builder
         */
        public Builder updateEvery(int readings) {
            updateEvery = once(updateEvery, "updateEvery", IsolationForestProvider.UPDATE_EVERY.convert(readings));
            return this;
        }

        /**
         * @param scoring streaming: {@value IsolationForest#DEPTH} (the default) scores a reading by its classic
         *     path length; {@value IsolationForest#INSERTION} scores it as if it were in each tree's subsample, from
         *     the bounding boxes of the nodes on its path (classic splits only; see {@link StreamingIsolationForest})
         * @return this builder
         */
        public Builder streamScoring(String scoring) {
            streamScoring = once(streamScoring, "streamScoring",
                    IsolationForestProvider.STREAM_SCORING.convert(scoring));
            return this;
        }

        /**
         * @param rule {@value IsolationForest#UNIFORM} (the default, scikit-learn's rule) draws a classic split's
         *     feature uniformly among those not constant on the node; {@value IsolationForest#RANGE} draws it in
         *     proportion to its range on the node, Random Cut Forest's rule (classic splits only); applies to
         *     {@code fit} and to the streaming forest
         * @return this builder
         */
        public Builder splitFeatures(String rule) {
            splitFeatures = once(splitFeatures, "splitFeatures", IsolationForestProvider.SPLIT_FEATURES.convert(rule));
            return this;
        }

        /**
         * @return the detector
         * @throws IllegalArgumentException when the window is smaller than the sample size, when insertion
         *     scoring or range-weighted split features are asked for with an extension level above 0, or when
         *     {@code trees} trees of {@code sampleSize} points have more nodes than a model's state holds
         */
        public IsolationForest build() {
            return new IsolationForest(this);
        }
    }
}
