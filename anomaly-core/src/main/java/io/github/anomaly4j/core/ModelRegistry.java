package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Versioned models by name: a {@link ModelStore} for the bytes and a {@link ModelCodec} for their meaning.
 * Publishing encodes (with provenance and SHA-256), loading verifies the checksum and decodes. Thread-safe when the
 * store is.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.of(FileModelStore.open(Path.of("models")));
 * registry.publish("sensor-42", pipeline);
 * Pipeline serving = registry.activePipeline("sensor-42");
 * }</pre>
 */
public final class ModelRegistry {
    private final ModelStore store;
    private final ModelCodec codec;

    private ModelRegistry(ModelStore store, ModelCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /**
     * @param store where versions are kept
     * @return a registry using the default codec
     */
    public static ModelRegistry of(ModelStore store) {
        return of(store, ModelCodec.defaultCodec());
    }

    /**
     * @param store where versions are kept
     * @param codec how models are encoded
     * @return the registry
     */
    public static ModelRegistry of(ModelStore store, ModelCodec codec) {
        return new ModelRegistry(Objects.requireNonNull(store, "store"), Objects.requireNonNull(codec, "codec"));
    }

    /**
     * Publishes a pipeline as a new version; the first version of a name becomes active.
     *
     * @param name the model name
     * @param pipeline the fitted pipeline
     * @return the new version
     */
    public ModelVersion publish(String name, Pipeline pipeline) {
        return publish(name, pipeline, Map.of());
    }

    /**
     * @param name the model name
     * @param pipeline the fitted pipeline
     * @param extra caller metadata stored beside the provenance (e.g. {@code "reason" -> "drift"})
     * @return the new version
     */
    public ModelVersion publish(String name, Pipeline pipeline, Map<String, String> extra) {
        byte[] bytes = codec.encode(pipeline);
        return store.publish(name, bytes, metadata(ModelCodec.KIND_PIPELINE, "pipeline", pipeline.provenance(),
                extra));
    }

    /**
     * @param name the model name
     * @param model a fitted detector model
     * @param provenance where it came from
     * @return the new version
     */
    public ModelVersion publish(String name, AnomalyModel model, Provenance provenance) {
        byte[] bytes = codec.encode(model, provenance);
        return store.publish(name, bytes, metadata(ModelCodec.KIND_DETECTOR, model.type(), provenance, Map.of()));
    }

    private static Map<String, String> metadata(String kind, String type, Provenance p, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(p.toMap());
        m.put("kind", kind);
        m.put("type", type);
        extra.forEach((k, v) -> m.put("extra." + k, v));
        return m;
    }

    /**
     * @param name the model name
     * @return the active version as a working pipeline with fresh feature state
     * @throws IllegalArgumentException when the name has no versions
     */
    public Pipeline activePipeline(String name) {
        return pipeline(name, activeVersion(name).version());
    }

    /**
     * @param name the model name
     * @param version a version number
     * @return that version as a working pipeline
     */
    public Pipeline pipeline(String name, int version) {
        return codec.decodePipeline(store.load(name, version));
    }

    /**
     * @param name the model name
     * @return the active version as a detector model
     */
    public AnomalyModel activeModel(String name) {
        return model(name, activeVersion(name).version());
    }

    /**
     * @param name the model name
     * @param version a version number
     * @return that version as a detector model
     */
    public AnomalyModel model(String name, int version) {
        return codec.decodeAnomalyModel(store.load(name, version));
    }

    private ModelVersion activeVersion(String name) {
        return store.active(name).orElseThrow(() -> new IllegalArgumentException("no model named '" + name
                + "'; known names: " + store.names()));
    }

    /**
     * @param name the model name
     * @return its versions, oldest first
     */
    public List<ModelVersion> versions(String name) {
        return store.versions(name);
    }

    /**
     * @param name the model name
     * @param version the version to activate
     * @return the version, now active
     */
    public ModelVersion promote(String name, int version) {
        return store.promote(name, version);
    }

    /**
     * @param name the model name
     * @return the previously active version, active again
     */
    public ModelVersion rollback(String name) {
        return store.rollback(name);
    }

    /** @return the underlying store */
    public ModelStore store() {
        return store;
    }
}
