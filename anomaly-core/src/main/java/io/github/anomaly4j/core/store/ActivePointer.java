package io.github.anomaly4j.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.anomaly4j.api.ModelFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a name's {@code active.json}: the active version and the versions active before it, oldest
 * first. {@link #promote} pushes the active version onto the history, {@link #rollback} pops it.
 */
record ActivePointer(int active, List<Integer> history) {

    ActivePointer {
        history = List.copyOf(history);
    }

    /** @return the pointer of a name with one version */
    static ActivePointer first() {
        return new ActivePointer(1, List.of());
    }

    ActivePointer promote(int version) {
        List<Integer> earlier = new ArrayList<>(history);
        earlier.add(active);
        return new ActivePointer(version, earlier);
    }

    ActivePointer rollback() {
        return new ActivePointer(history.get(history.size() - 1), history.subList(0, history.size() - 1));
    }

    byte[] toJson() {
        ObjectNode node = StoreJson.newDocument(FileModelStore.POINTER_FORMAT);
        node.put("active", active);
        ArrayNode earlier = node.putArray("history");
        history.forEach(earlier::add);
        return StoreJson.write(node);
    }

    static ActivePointer fromJson(byte[] json, Path file) {
        JsonNode node = StoreJson.read(json, file, FileModelStore.POINTER_FORMAT);
        int active = StoreJson.version(StoreJson.field(node, "active", file), "field 'active'", file);
        JsonNode historyNode = StoreJson.field(node, "history", file);
        if (!historyNode.isArray()) {
            throw new ModelFormatException(file + ": field 'history' must be an array, got " + historyNode);
        }
        List<Integer> history = new ArrayList<>(historyNode.size());
        for (JsonNode v : historyNode) {
            history.add(StoreJson.version(v, "every entry of 'history'", file));
        }
        return new ActivePointer(active, history);
    }
}
