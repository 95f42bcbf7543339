package io.github.anomaly4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a model came from: the library version that trained it, when, on what data, with which settings. Written
 * into every model file and, flattened by {@link #toMap()}, beside every version in a model store.
 *
 * @param libraryVersion the anomaly4j version that wrote the model
 * @param created when the model was trained
 * @param trainingData facts about the training data (rows, columns, time range, ...)
 * @param parameters the settings of each component (detector, features, threshold, ...)
 */
public record Provenance(String libraryVersion, Instant created, Map<String, String> trainingData,
        Map<String, String> parameters) {

    /** The version of this library, from the jar's build. */
    public static final String LIBRARY_VERSION = readVersion();

    /**
     * Validates and copies.
     *
     * @param libraryVersion the anomaly4j version that wrote the model, not {@code null}
     * @param created when the model was trained, not {@code null}
     * @param trainingData facts about the training data, not {@code null}; copied
     * @param parameters the settings of each component, not {@code null}; copied
     */
    public Provenance {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(created, "created");
        trainingData = Map.copyOf(trainingData);
        parameters = Map.copyOf(parameters);
    }

    /**
     * Provenance made by this library version now.
     *
     * @param created the training time
     * @param trainingData facts about the training data
     * @param parameters component settings
     * @return the provenance
     */
    public static Provenance of(Instant created, Map<String, String> trainingData, Map<String, String> parameters) {
        return new Provenance(LIBRARY_VERSION, created, trainingData, parameters);
    }

    /**
     * @return a flat map for {@link io.github.anomaly4j.api.store.ModelStore}: {@code library.version},
     *     {@code created}, {@code training.*}, {@code parameter.*}
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("library.version", libraryVersion);
        m.put("created", created.toString());
        new java.util.TreeMap<>(trainingData).forEach((k, v) -> m.put("training." + k, v));
        new java.util.TreeMap<>(parameters).forEach((k, v) -> m.put("parameter." + k, v));
        return m;
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("anomaly4j-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
