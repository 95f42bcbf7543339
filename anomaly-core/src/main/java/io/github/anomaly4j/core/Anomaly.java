package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.spi.Spec;
import io.github.anomaly4j.spi.StoreContext;
import java.util.Map;

/**
 * The front door: plugins by name, pipelines, and the model codec, over the {@link Plugins#defaultPlugins()
 * default plugin registry}.
 *
 * <pre>{@code
 * Detector zscore = Anomaly.detector("zscore", Map.of("window", 100));
 * Pipeline pipeline = Anomaly.pipeline().detector(zscore).threshold(Thresholds.quantile(0.999)).fit(history);
 * }</pre>
 *
 * <p>For a registry of your own (explicit registration, a particular class loader), call the same methods on a
 * {@link Plugins} instance.
 */
public final class Anomaly {
    private Anomaly() {
    }

    /**
     * @param id a detector id, e.g. {@code "zscore"}
     * @return the detector with default settings
     * @throws io.github.anomaly4j.api.UnknownPluginException listing the known detector ids
     */
    public static Detector detector(String id) {
        return Plugins.defaultPlugins().detector(Spec.of(id));
    }

    /**
     * @param id a detector id
     * @param parameters parameter values by name (numbers, booleans or strings)
     * @return the detector
     * @throws IllegalArgumentException for an unknown parameter or a value out of range
     */
    public static Detector detector(String id, Map<String, ?> parameters) {
        return Plugins.defaultPlugins().detector(Spec.of(id, parameters));
    }

    /**
     * @param spec a detector spec
     * @return the detector
     */
    public static Detector detector(Spec spec) {
        return Plugins.defaultPlugins().detector(spec);
    }

    /**
     * @param spec a forecaster spec
     * @return the forecaster
     */
    public static Forecaster forecaster(Spec spec) {
        return Plugins.defaultPlugins().forecaster(spec);
    }

    /**
     * @param spec a feature transform spec
     * @return the transform
     */
    public static FeatureTransform feature(Spec spec) {
        return Plugins.defaultPlugins().featureTransform(spec);
    }

    /**
     * @param spec a drift test spec
     * @return the test
     */
    public static DriftTest driftTest(Spec spec) {
        return Plugins.defaultPlugins().driftTest(spec);
    }

    /**
     * A reading store by name: {@code Anomaly.readingStore(Spec.of("memory"), StoreContext.empty())}.
     *
     * @param spec store id and parameters
     * @param context what the store needs from the host (a {@code DataSource}, a directory, a clock, ...)
     * @return the store
     */
    public static ReadingStore readingStore(Spec spec, StoreContext context) {
        return Plugins.defaultPlugins().readingStore(spec, context);
    }

    /**
     * A detection store by name.
     *
     * @param spec store id and parameters
     * @param context what the store needs from the host
     * @return the store
     */
    public static DetectionStore detectionStore(Spec spec, StoreContext context) {
        return Plugins.defaultPlugins().detectionStore(spec, context);
    }

    /**
     * A model store by name: {@code Anomaly.modelStore(Spec.of("file"), StoreContext.of(Path.of("models")))}.
     *
     * @param spec store id and parameters
     * @param context what the store needs from the host
     * @return the store
     */
    public static ModelStore modelStore(Spec spec, StoreContext context) {
        return Plugins.defaultPlugins().modelStore(spec, context);
    }

    /** @return a builder for a fitted {@link Pipeline} */
    public static PipelineBuilder pipeline() {
        return new PipelineBuilder();
    }

    /**
     * Labelled synthetic data: {@code Anomaly.syntheticData().sensors(3).anomalies(AnomalyKind.SPIKE, 5).seed(7)
     * .build().generate()}.
     *
     * @return a builder for a seeded {@link io.github.anomaly4j.core.data.SyntheticGenerator}
     */
    public static io.github.anomaly4j.core.data.SyntheticGenerator.Builder syntheticData() {
        return io.github.anomaly4j.core.data.SyntheticGenerator.builder();
    }

    /** @return the model codec over the default plugins */
    public static ModelCodec codec() {
        return ModelCodec.defaultCodec();
    }
}
