package io.github.anomaly4j.api.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One published version of a named model.
 *
 * @param name the model name, e.g. a sensor id
 * @param version 1, 2, 3, ... in order of publication
 * @param sha256 lower-case hex SHA-256 of the stored bytes
 * @param sizeBytes size of the stored bytes
 * @param published when it was published
 * @param provenance where it came from: library version, training data, parameters, and any caller metadata
 * @param active whether it is the version that serving should load
 */
public record ModelVersion(String name, int version, String sha256, long sizeBytes, Instant published,
        Map<String, String> provenance, boolean active) {

    /**
     * Validates and copies.
     *
     * @param name the model name, not {@code null}
     * @param version the version number, at least 1
     * @param sha256 SHA-256 of the stored bytes as 64 lower-case hex digits
     * @param sizeBytes size of the stored bytes
     * @param published when it was published, not {@code null}
     * @param provenance where it came from, not {@code null}; copied
     * @param active whether it is the version that serving should load
     * @throws IllegalArgumentException if {@code version} is below 1 or {@code sha256} is not 64 lower-case hex digits
     */
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(published, "published");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        provenance = Map.copyOf(provenance);
    }
}
