package io.github.anomaly4j.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry of model versions by name: publish, list, load (checksum verified), promote and roll back.
 * Stores hold opaque bytes (the model codec's output) with their SHA-256 and provenance. Implementations are
 * thread-safe; publication is atomic (a reader sees a version whole or not at all).
 *
 * <p>Names match {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}.
 */
public interface ModelStore {

    /**
     * Stores a new version. The first version of a name becomes active; later ones do not until promoted.
     *
     * @param name model name
     * @param content the model file's bytes
     * @param provenance key/value facts about the model, stored beside it
     * @return the new version
     */
    ModelVersion publish(String name, byte[] content, Map<String, String> provenance);

    /**
     * @param name model name
     * @return all versions, oldest first; empty for an unknown name
     */
    List<ModelVersion> versions(String name);

    /**
     * @param name model name
     * @return the active version, if the name has any
     */
    Optional<ModelVersion> active(String name);

    /**
     * Loads the bytes of a version after checking them against the stored SHA-256.
     *
     * @param name model name
     * @param version version number
     * @return the bytes
     * @throws IllegalArgumentException when the version does not exist
     * @throws io.github.anomaly4j.api.ModelFormatException when the bytes do not match their checksum
     */
    byte[] load(String name, int version);

    /**
     * Makes a version the active one, remembering the previous active version for {@link #rollback}.
     *
     * @param name model name
     * @param version version number
     * @return the version, now active
     */
    ModelVersion promote(String name, int version);

    /**
     * Re-activates the version that was active before the last promotion.
     *
     * @param name model name
     * @return the version, now active
     * @throws IllegalStateException when there is nothing to roll back to
     */
    ModelVersion rollback(String name);

    /** @return every model name, sorted */
    List<String> names();

    /**
     * Checks a model name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException when it is not a valid model name
     */
    static String requireValidName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("model name must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }
}
