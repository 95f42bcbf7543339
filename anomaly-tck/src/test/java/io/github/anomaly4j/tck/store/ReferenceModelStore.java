package io.github.anomaly4j.tck.store;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The smallest model store that keeps the contract: one lock, versions in memory. The kit's own tests run the kit
 * against it, and against subclasses that break one rule each.
 */
class ReferenceModelStore implements ModelStore {
    final Map<String, Model> models = new TreeMap<>();

    /** The versions of one name, the active one and the ones active before it. */
    static final class Model {
        final List<ModelVersion> versions = new ArrayList<>();
        final List<byte[]> contents = new ArrayList<>();
        int active = 1;
        final Deque<Integer> history = new ArrayDeque<>();
    }

    @Override
    public synchronized ModelVersion publish(String name, byte[] content, Map<String, String> provenance) {
        checkName(name);
        byte[] copy = Objects.requireNonNull(content, "content").clone();
        Map<String, String> facts = Map.copyOf(Objects.requireNonNull(provenance, "provenance"));
        Model model = models.computeIfAbsent(name, n -> new Model());
        int number = model.versions.size() + 1;
        ModelVersion v = new ModelVersion(name, number, sha256(copy), copy.length, Instant.now(), facts, false);
        model.versions.add(v);
        model.contents.add(copy);
        return withFlag(model, v);
    }

    void checkName(String name) {
        ModelStore.requireValidName(name);
    }

    @Override
    public synchronized List<ModelVersion> versions(String name) {
        checkName(name);
        Model model = models.get(name);
        return model == null ? List.of() : model.versions.stream().map(v -> withFlag(model, v)).toList();
    }

    @Override
    public synchronized Optional<ModelVersion> active(String name) {
        checkName(name);
        Model model = models.get(name);
        return model == null ? Optional.empty() : Optional.of(withFlag(model, model.versions.get(model.active - 1)));
    }

    @Override
    public synchronized byte[] load(String name, int version) {
        Model model = existing(name, version);
        byte[] bytes = model.contents.get(version - 1);
        String expected = model.versions.get(version - 1).sha256();
        if (!sha256(bytes).equals(expected)) {
            throw new ModelFormatException("model '" + name + "' version " + version + ": checksum mismatch");
        }
        return bytes.clone();
    }

    @Override
    public synchronized ModelVersion promote(String name, int version) {
        Model model = existing(name, version);
        if (model.active != version) {
            model.history.push(model.active);
            model.active = version;
        }
        return withFlag(model, model.versions.get(version - 1));
    }

    @Override
    public synchronized ModelVersion rollback(String name) {
        checkName(name);
        Model model = models.get(name);
        if (model == null) {
            throw new IllegalArgumentException("no model named '" + name + "'");
        }
        if (model.history.isEmpty()) {
            throw new IllegalStateException("model '" + name + "' has nothing to roll back to");
        }
        model.active = model.history.pop();
        return withFlag(model, model.versions.get(model.active - 1));
    }

    @Override
    public synchronized List<String> names() {
        return List.copyOf(models.keySet());
    }

    /** Flips one bit of a stored version, for the tamper check. */
    synchronized void corruptStoredBytes(String name, int version) {
        models.get(name).contents.get(version - 1)[0] ^= 1;
    }

    Model existing(String name, int version) {
        checkName(name);
        Model model = models.get(name);
        if (model == null || version < 1 || version > model.versions.size()) {
            throw new IllegalArgumentException("model '" + name + "' has no version " + version);
        }
        return model;
    }

    ModelVersion withFlag(Model model, ModelVersion v) {
        return new ModelVersion(v.name(), v.version(), v.sha256(), v.sizeBytes(), v.published(), v.provenance(),
                v.version() == model.active);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
