package io.github.anomaly4j.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.store.ModelVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What {@link FileModelStore} keeps beside one version's bytes, in {@code vNNNNNN.json}. */
record VersionMetadata(String name, int version, String sha256, long sizeBytes, Instant published,
        Map<String, String> provenance) {

    ModelVersion toVersion(boolean active) {
        return new ModelVersion(name, version, sha256, sizeBytes, published, provenance, active);
    }

    byte[] toJson() {
        ObjectNode node = StoreJson.newDocument(FileModelStore.METADATA_FORMAT);
        node.put("name", name);
        node.put("version", version);
        node.put("sha256", sha256);
        node.put("sizeBytes", sizeBytes);
        node.put("published", published.toString());
        ObjectNode facts = node.putObject("provenance");
        new TreeMap<>(provenance).forEach(facts::put); // sorted: the same facts always give the same file
        return StoreJson.write(node);
    }

    /**
     * @param json the file's bytes
     * @param file the file, for messages
     * @param expectedName the model name the file's directory says
     * @param expectedVersion the version the file's name says
     * @return the metadata
     * @throws ModelFormatException when a field is missing, malformed, or disagrees with the file's place
     */
    static VersionMetadata fromJson(byte[] json, Path file, String expectedName, int expectedVersion) {
        JsonNode node = StoreJson.read(json, file, FileModelStore.METADATA_FORMAT);
        String name = StoreJson.text(node, "name", file);
        int version = StoreJson.version(StoreJson.field(node, "version", file), "field 'version'", file);
        if (!name.equals(expectedName) || version != expectedVersion) {
            throw new ModelFormatException(file + " describes model '" + name + "' version " + version
                    + ", but its place says model '" + expectedName + "' version " + expectedVersion);
        }
        String sha256 = StoreJson.text(node, "sha256", file);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new ModelFormatException(file + ": field 'sha256' must be 64 lower-case hex digits, got '"
                    + sha256 + "'");
        }
        long sizeBytes = StoreJson.integer(node, "sizeBytes", file);
        if (sizeBytes < 0) {
            throw new ModelFormatException(file + ": field 'sizeBytes' must not be negative, got " + sizeBytes);
        }
        Instant published;
        try {
            published = Instant.parse(StoreJson.text(node, "published", file));
        } catch (DateTimeParseException e) {
            throw new ModelFormatException(file + ": field 'published' must be an ISO-8601 instant: "
                    + e.getMessage(), e);
        }
        JsonNode factsNode = StoreJson.field(node, "provenance", file);
        if (!factsNode.isObject()) {
            throw new ModelFormatException(file + ": field 'provenance' must be an object, got " + factsNode);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> fact : factsNode.properties()) {
            if (!fact.getValue().isTextual()) {
                throw new ModelFormatException(file + ": provenance '" + fact.getKey() + "' must be a string, got "
                        + fact.getValue());
            }
            provenance.put(fact.getKey(), fact.getValue().textValue());
        }
        return new VersionMetadata(name, version, sha256, sizeBytes, published, Map.copyOf(provenance));
    }
}
