package io.github.anomaly4j.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.anomaly4j.api.IncompatibleModelException;
import io.github.anomaly4j.api.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The small JSON documents of {@link FileModelStore}, read and written as trees: no reflection, so nothing needs
 * opening to Jackson, and every field is checked by hand with a message naming the file.
 */
final class StoreJson {
    /** Metadata and pointer files are a few hundred bytes; anything this large is not one of ours. */
    static final long MAX_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private StoreJson() {
    }

    static ObjectNode newDocument(String format) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", format);
        node.put("formatVersion", FileModelStore.FORMAT_VERSION);
        return node;
    }

    static byte[] write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * Parses a document and checks its {@code format} and {@code formatVersion}.
     *
     * @throws ModelFormatException when it is not JSON, not an object, or of another format
     * @throws IncompatibleModelException when it is of a newer format version than this release reads
     */
    static JsonNode read(byte[] bytes, Path file, String format) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelFormatException(file + " must hold a JSON object");
        }
        String actualFormat = text(node, "format", file);
        if (!actualFormat.equals(format)) {
            throw new ModelFormatException(file + " has format '" + actualFormat + "', expected '" + format + "'");
        }
        long version = integer(node, "formatVersion", file);
        if (version > FileModelStore.FORMAT_VERSION) {
            throw new IncompatibleModelException(file + " has formatVersion " + version + "; this release reads "
                    + "up to " + FileModelStore.FORMAT_VERSION);
        }
        if (version < 1) {
            throw new ModelFormatException(file + " has formatVersion " + version + "; versions start at 1");
        }
        return node;
    }

    static JsonNode field(JsonNode node, String name, Path file) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ModelFormatException(file + " lacks the field '" + name + "'");
        }
        return value;
    }

    static String text(JsonNode node, String name, Path file) {
        JsonNode value = field(node, name, file);
        if (!value.isTextual()) {
            throw new ModelFormatException(file + ": field '" + name + "' must be a string, got " + value);
        }
        return value.textValue();
    }

    static long integer(JsonNode node, String name, Path file) {
        JsonNode value = field(node, name, file);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ModelFormatException(file + ": field '" + name + "' must be a whole number, got " + value);
        }
        return value.longValue();
    }

    static int version(JsonNode value, String what, Path file) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new ModelFormatException(file + ": " + what + " must be a version number (1 or more), got "
                    + value);
        }
        return value.intValue();
    }
}
