package io.github.anomaly4j.core;

/**
 * What a model file says about itself, read without building the model.
 *
 * @param kind what the file holds: {@code detector-model}, {@code forecast-model} or {@code pipeline}
 * @param type the plugin id of the model ({@code pipeline} for pipelines)
 * @param formatVersion the envelope's format version
 * @param stateVersion the plugin's state-record version
 * @param provenance where the model came from
 * @param sha256 lower-case hex SHA-256 of the JSON document
 * @param sizeBytes size of the file
 */
public record ModelInfo(String kind, String type, int formatVersion, int stateVersion, Provenance provenance,
        String sha256, long sizeBytes) {
}
