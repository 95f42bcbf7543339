package io.github.anomaly4j.iforest;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registers {@link IsolationForest} (plugin id {@value IsolationForest#ID}) through the SPI. */
@AutoService(DetectorProvider.class)
public final class IsolationForestProvider implements DetectorProvider<IsolationForestState> {
    static final Parameter<Integer> TREES = Parameter.integer("trees", 100, 1, 10_000, "number of trees");
    static final Parameter<Integer> SAMPLE_SIZE = Parameter.integer("sampleSize", 256, 1, Forest.MAX_SAMPLE_SIZE,
            "subsample size psi per tree (the height limit is ceil(log2 psi))");
    static final Parameter<Long> SEED = Parameter.longValue("seed", 42L, "seed of every random choice");
    static final Parameter<Integer> EXTENSION_LEVEL = Parameter.integer("extensionLevel", 0, 0,
            Forest.MAX_DIMENSION - 1, "0 = classic isolation forest; k > 0 = extended forest, hyperplanes over "
                    + "k + 1 features (capped at dimension - 1)");
    static final Parameter<Integer> THREADS = Parameter.integer("threads", 1, 1, 256,
            "threads used to fit; the model is the same for any number");
    static final Parameter<Integer> WINDOW = Parameter.integer("window", 1024, 1, 1 << 20,
            "streaming: the most recent readings new trees are grown from (at least sampleSize; by default "
                    + "max(1024, sampleSize))");
    static final Parameter<Integer> UPDATE_EVERY = Parameter.integer("updateEvery", 10, 1, 1 << 20,
            "streaming: readings between two tree replacements (the oldest tree is regrown)");
    static final Parameter<String> STREAM_SCORING = Parameter.choice("streamScoring", IsolationForest.DEPTH,
            IsolationForest.STREAM_SCORINGS, "streaming: 'depth' scores a reading by its classic path length; "
                    + "'insertion' (classic splits only) as if it were in each tree's subsample, from the nodes' "
                    + "bounding boxes");
    static final Parameter<String> SPLIT_FEATURES = Parameter.choice("splitFeatures", IsolationForest.UNIFORM,
            IsolationForest.SPLIT_FEATURES, "'uniform' draws a classic split's feature uniformly (scikit-learn); "
                    + "'range' in proportion to its range on the node (Random Cut Forest; classic splits only)");

    /** Used by {@link java.util.ServiceLoader}. */
    public IsolationForestProvider() {
    }

    @Override
    public String id() {
        return IsolationForest.ID;
    }

    @Override
    public String description() {
        return "Isolation Forest (Liu, Ting and Zhou 2008) and extended Isolation Forest, batch and sliding-window "
                + "streaming, with per-feature attribution";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(TREES, SAMPLE_SIZE, SEED, EXTENSION_LEVEL, THREADS, WINDOW, UPDATE_EVERY,
                STREAM_SCORING, SPLIT_FEATURES);
    }

    @Override
    public Detector create(Settings settings) {
        IsolationForest.Builder builder = IsolationForest.builder().trees(settings.get(TREES))
                .sampleSize(settings.get(SAMPLE_SIZE)).seed(settings.get(SEED))
                .extensionLevel(settings.get(EXTENSION_LEVEL)).threads(settings.get(THREADS));
        // the default window is max(1024, sampleSize), as the builder's: pass only a window the spec names
        if (settings.given(WINDOW)) {
            builder.window(settings.get(WINDOW));
        }
        return builder
                .updateEvery(settings.get(UPDATE_EVERY)).streamScoring(settings.get(STREAM_SCORING))
                .splitFeatures(settings.get(SPLIT_FEATURES)).build();
    }

    @Override
    public Class<IsolationForestState> stateType() {
        return IsolationForestState.class;
    }

    @Override
    public AnomalyModel restore(IsolationForestState state) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        return new IsolationForestModel(state);
    }
}
