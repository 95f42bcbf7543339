package io.github.anomaly4j.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.anomaly4j.api.IncompatibleModelException;
import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.StoreException;
import io.github.anomaly4j.api.UnknownPluginException;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.FeatureTransformProvider;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.spi.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes model files: fitted detector models, forecast models and whole pipelines.
 *
 * <p><b>File layout.</b> One header line, then a JSON document:
 * <pre>
 * #anomaly4j-model sha256:&lt;64 hex digits of the SHA-256 of everything after this line&gt;
 * {"format":"anomaly4j-model","formatVersion":1,"kind":"detector-model","type":"zscore","stateVersion":1,
 *  "provenance":{...},"state":{...}}
 * </pre>
 * The checksum is verified before a single byte of JSON is parsed, so a truncated or tampered file is refused
 * with a {@link ModelFormatException} and never reaches the parser. {@code type} is always a registered plugin id,
 * never a class name: the codec has no way to instantiate an arbitrary class, and a file naming something that
 * looks like one is refused with a message saying so. {@code state} is the plugin's own state record, mapped by
 * Jackson; NaN and infinities are refused on the way out and on the way in.
 *
 * <p><b>Limits.</b> Files larger than {@value #MAX_BYTES} bytes, or nested deeper than {@value #MAX_DEPTH}, are
 * refused (Jackson {@link StreamReadConstraints}); duplicate keys, unknown fields, trailing tokens and
 * string-to-number coercion are errors.
 *
 * <p><b>Compatibility.</b> A file of a newer {@code formatVersion}, or a newer plugin {@code stateVersion}, than this
 * library knows is refused with {@link IncompatibleModelException}; older versions keep loading.
 *
 * <p>Round trips are exact: doubles are written in a form that parses back to the same bits, so a decoded model
 * scores bit-identically to the one encoded. Instances are immutable and thread-safe.
 */
public final class ModelCodec {
    /** The {@code format} value of every model file. */
    public static final String FORMAT = "anomaly4j-model";
    /** The envelope version this library writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The largest model file accepted, in bytes (64 MiB). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** The deepest JSON nesting accepted. */
    public static final int MAX_DEPTH = 64;

    static final String KIND_DETECTOR = "detector-model";
    static final String KIND_FORECAST = "forecast-model";
    static final String KIND_PIPELINE = "pipeline";
    private static final Set<String> KINDS = Set.of(KIND_DETECTOR, KIND_FORECAST, KIND_PIPELINE);
    private static final List<String> ENVELOPE_FIELDS =
            List.of("format", "formatVersion", "kind", "type", "stateVersion", "provenance", "state");
    private static final byte[] MAGIC = "#anomaly4j-model sha256:".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_LENGTH = MAGIC.length + 64 + 1;

    private static final ObjectMapper MAPPER = newMapper();

    private final Plugins plugins;
    private final Clock clock;

    private ModelCodec(Plugins plugins, Clock clock) {
        this.plugins = plugins;
        this.clock = clock;
    }

    /**
     * @param plugins the registry that resolves plugin ids in files
     * @return a codec using the system UTC clock for provenance it has to invent
     */
    public static ModelCodec create(Plugins plugins) {
        return new ModelCodec(Objects.requireNonNull(plugins, "plugins"), Clock.systemUTC());
    }

    /** @return a codec over {@link Plugins#defaultPlugins()} */
    public static ModelCodec defaultCodec() {
        return create(Plugins.defaultPlugins());
    }

    /**
     * @param newClock the clock for the {@code created} time of models encoded without provenance
     * @return a codec like this one with that clock
     */
    public ModelCodec withClock(Clock newClock) {
        return new ModelCodec(plugins, Objects.requireNonNull(newClock, "clock"));
    }

    private static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(MAX_BYTES)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(64)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    // ---------------------------------------------------------------- detector models

    /**
     * Encodes a fitted detector model with provenance that says only when it was written.
     *
     * @param model the model; its {@link AnomalyModel#type()} must be a registered detector
     * @return the file's bytes
     */
    public byte[] encode(AnomalyModel model) {
        return encode(model, Provenance.of(clock.instant(), Map.of(), Map.of()));
    }

    /**
     * @param model the model; its {@link AnomalyModel#type()} must be a registered detector
     * @param provenance where it came from
     * @return the file's bytes
     */
    public byte[] encode(AnomalyModel model, Provenance provenance) {
        Objects.requireNonNull(model, "model");
        DetectorProvider<?> provider = detectorProvider(model.type());
        ObjectNode state = stateNode(model.state(), provider.stateType(), "detector '" + model.type() + "'");
        return write(KIND_DETECTOR, model.type(), provider.stateVersion(), provenance, state);
    }

    /**
     * @param bytes a file written by {@link #encode(AnomalyModel, Provenance)}
     * @return the model, scoring bit-identically to the one encoded
     * @throws ModelFormatException when the file is damaged, too large, or not a detector model file
     * @throws IncompatibleModelException when it is newer than this library or holds another kind of model
     */
    public AnomalyModel decodeAnomalyModel(byte[] bytes) {
        Envelope e = open(bytes, KIND_DETECTOR);
        return restoreModel(e.type, e.stateVersion, e.state, "model");
    }

    AnomalyModel restoreModel(String type, int stateVersion, JsonNode state, String where) {
        DetectorProvider<?> provider = detectorProvider(type);
        checkStateVersion(type, stateVersion, provider.stateVersion());
        return restoreDetector(provider, state, where);
    }

    private <S extends Record> AnomalyModel restoreDetector(DetectorProvider<S> provider, JsonNode node,
            String where) {
        S state = readState(node, provider.stateType(), where + " of type '" + provider.id() + "'");
        try {
            return Objects.requireNonNull(provider.restore(state), "restore returned null");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException("the " + where + " state of type '" + provider.id()
                    + "' is inconsistent: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- forecast models

    /**
     * @param model a fitted forecast model; its type must be a registered forecaster
     * @param provenance where it came from
     * @return the file's bytes
     */
    public byte[] encode(ForecastModel model, Provenance provenance) {
        Objects.requireNonNull(model, "model");
        ForecasterProvider<?> provider = forecasterProvider(model.type());
        ObjectNode state = stateNode(model.state(), provider.stateType(), "forecaster '" + model.type() + "'");
        return write(KIND_FORECAST, model.type(), provider.stateVersion(), provenance, state);
    }

    /**
     * @param bytes a file written by {@link #encode(ForecastModel, Provenance)}
     * @return the model
     */
    public ForecastModel decodeForecastModel(byte[] bytes) {
        Envelope e = open(bytes, KIND_FORECAST);
        ForecasterProvider<?> provider = forecasterProvider(e.type);
        checkStateVersion(e.type, e.stateVersion, provider.stateVersion());
        return restoreForecaster(provider, e.state);
    }

    private <S extends Record> ForecastModel restoreForecaster(ForecasterProvider<S> provider, JsonNode node) {
        S state = readState(node, provider.stateType(), "forecast model of type '" + provider.id() + "'");
        try {
            return Objects.requireNonNull(provider.restore(state), "restore returned null");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException("the forecast model state of type '" + provider.id()
                    + "' is inconsistent: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- pipelines

    /**
     * Encodes a fitted pipeline: its feature transforms, model, calibration and threshold. The pipeline's running
     * feature state is not part of the file; a decoded pipeline starts fresh.
     *
     * @param pipeline the pipeline
     * @return the file's bytes
     */
    public byte[] encode(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        Pipeline.Fitted f = pipeline.fitted();
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        ArrayNode columns = state.putArray("inputColumns");
        f.inputColumns().forEach(columns::add);
        state.put("includeRawValues", f.includeRawValues());
        ArrayNode features = state.putArray("features");
        for (FeatureTransform t : f.transforms()) {
            FeatureTransformProvider<?> p = featureProvider(t.id());
            ObjectNode c = features.addObject();
            c.put("type", t.id());
            c.put("stateVersion", p.stateVersion());
            c.set("state", stateNode(t.state(), p.stateType(), "feature transform '" + t.id() + "'"));
        }
        ArrayNode names = state.putArray("featureNames");
        f.featureNames().forEach(names::add);
        AnomalyModel model = f.model();
        DetectorProvider<?> dp = detectorProvider(model.type());
        ObjectNode m = state.putObject("model");
        m.put("type", model.type());
        m.put("stateVersion", dp.stateVersion());
        m.set("state", stateNode(model.state(), dp.stateType(), "detector '" + model.type() + "'"));
        ObjectNode calibration = state.putObject("calibration");
        ArrayNode knots = calibration.putArray("knots");
        for (double k : f.calibration().knots()) {
            knots.add(k);
        }
        if (f.calibration().hasTail()) { // optional, so files without a tail keep their exact form
            ObjectNode tail = calibration.putObject("tail");
            tail.put("start", f.calibration().tailStart());
            tail.put("base", f.calibration().tailBase());
            tail.put("shape", f.calibration().tailShape());
            tail.put("scale", f.calibration().tailScale());
        }
        ObjectNode threshold = state.putObject("threshold");
        threshold.put("value", checkFinite(f.threshold(), "threshold"));
        threshold.put("rule", f.thresholdRule());
        return write(KIND_PIPELINE, KIND_PIPELINE, 1, f.provenance(), state);
    }

    /**
     * @param bytes a file written by {@link #encode(Pipeline)}
     * @return a working pipeline with fresh feature state
     */
    public Pipeline decodePipeline(byte[] bytes) {
        Envelope e = open(bytes, KIND_PIPELINE);
        checkStateVersion(KIND_PIPELINE, e.stateVersion, 1);
        JsonNode s = e.state;
        requireFields(s, "pipeline state", "inputColumns", "includeRawValues", "features", "featureNames", "model",
                "calibration", "threshold");
        List<String> inputColumns = strings(s.get("inputColumns"), "inputColumns");
        boolean includeRaw = bool(s.get("includeRawValues"), "includeRawValues");
        List<FeatureTransform> transforms = new java.util.ArrayList<>();
        JsonNode features = s.get("features");
        if (!features.isArray()) {
            throw new ModelFormatException("pipeline 'features' must be an array");
        }
        for (JsonNode c : features) {
            requireFields(c, "feature", "type", "stateVersion", "state");
            String type = checkType(text(c.get("type"), "feature type"), PluginKind.FEATURE_TRANSFORM);
            FeatureTransformProvider<?> p = featureProvider(type);
            checkStateVersion(type, integer(c.get("stateVersion"), "stateVersion"), p.stateVersion());
            transforms.add(restoreFeature(p, c.get("state")));
        }
        List<String> featureNames = strings(s.get("featureNames"), "featureNames");
        JsonNode m = s.get("model");
        requireFields(m, "model", "type", "stateVersion", "state");
        String modelType = checkType(text(m.get("type"), "model type"), PluginKind.DETECTOR);
        AnomalyModel model = restoreModel(modelType, integer(m.get("stateVersion"), "stateVersion"), m.get("state"),
                "pipeline model");
        JsonNode cal = s.get("calibration");
        requireFields(cal, "calibration", "knots");
        double[] knots = doubles(cal.get("knots"), "calibration knots");
        JsonNode tail = cal.get("tail");
        if (tail != null) {
            requireFields(tail, "calibration tail", "start", "base", "shape", "scale");
        }
        JsonNode th = s.get("threshold");
        requireFields(th, "threshold", "value", "rule");
        double threshold = number(th.get("value"), "threshold value");
        String rule = text(th.get("rule"), "threshold rule");
        try {
            return Pipeline.restore(new Pipeline.Fitted(inputColumns, includeRaw, transforms, featureNames, model,
                    tail == null ? EmpiricalCalibration.fromKnots(knots)
                            : EmpiricalCalibration.fromKnots(knots, number(tail.get("start"), "tail start"),
                                    number(tail.get("base"), "tail base"), number(tail.get("shape"), "tail shape"),
                                    number(tail.get("scale"), "tail scale")),
                    threshold, rule, e.provenance));
        } catch (IllegalArgumentException ex) {
            throw new ModelFormatException("the pipeline in the file is inconsistent: " + ex.getMessage(), ex);
        }
    }

    private <S extends Record> FeatureTransform restoreFeature(FeatureTransformProvider<S> p, JsonNode node) {
        S state = readState(node, p.stateType(), "feature transform '" + p.id() + "'");
        try {
            return Objects.requireNonNull(p.restore(state), "restore returned null");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException("feature transform '" + p.id() + "' state is inconsistent: "
                    + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- inspection and files

    /**
     * Verifies a file and reads its envelope without building the model.
     *
     * @param bytes a model file
     * @return kind, type, versions, provenance and checksum
     */
    public ModelInfo inspect(byte[] bytes) {
        Envelope e = open(bytes, null);
        return new ModelInfo(e.kind, e.type, e.formatVersion, e.stateVersion, e.provenance, e.sha256, bytes.length);
    }

    /**
     * Writes bytes to a file atomically: a temporary file beside it, flushed, then renamed over the target.
     *
     * @param file the target
     * @param bytes the content
     */
    public static void writeFile(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                var buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("could not write model file " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is named so that it is recognisably ours; leaving it is harmless
                }
            }
        }
    }

    /**
     * Reads a model file, refusing one larger than {@link #MAX_BYTES} before reading it.
     *
     * @param file the file
     * @return its bytes
     */
    public static byte[] readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + HEADER_LENGTH + 1);
            if (bytes.length > MAX_BYTES + HEADER_LENGTH) {
                throw new ModelFormatException("model file " + file + " is larger than the limit of " + MAX_BYTES
                        + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new StoreException("could not read model file " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- envelope

    private byte[] write(String kind, String type, int stateVersion, Provenance provenance, ObjectNode state) {
        Objects.requireNonNull(provenance, "provenance");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("kind", kind);
        root.put("type", type);
        root.put("stateVersion", stateVersion);
        ObjectNode p = root.putObject("provenance");
        p.put("libraryVersion", provenance.libraryVersion());
        p.put("created", provenance.created().toString());
        ObjectNode data = p.putObject("trainingData");
        new java.util.TreeMap<>(provenance.trainingData()).forEach(data::put);
        ObjectNode parameters = p.putObject("parameters");
        new java.util.TreeMap<>(provenance.parameters()).forEach(parameters::put);
        root.set("state", state);
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not write the model as JSON: " + e.getOriginalMessage(), e);
        }
        if (json.length > MAX_BYTES) {
            throw new IllegalArgumentException("the model is " + json.length + " bytes as JSON; the limit is "
                    + MAX_BYTES);
        }
        byte[] out = new byte[HEADER_LENGTH + json.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        byte[] hex = HexFormat.of().formatHex(sha256(json, 0, json.length)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, out, MAGIC.length, 64);
        out[HEADER_LENGTH - 1] = '\n';
        System.arraycopy(json, 0, out, HEADER_LENGTH, json.length);
        return out;
    }

    private record Envelope(String kind, String type, int formatVersion, int stateVersion, Provenance provenance,
            JsonNode state, String sha256) {
    }

    private Envelope open(byte[] bytes, String expectedKind) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_BYTES + HEADER_LENGTH) {
            throw new ModelFormatException("model file is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFormatException("not an anomaly4j model file: it does not start with '"
                    + new String(MAGIC, StandardCharsets.US_ASCII) + "'");
        }
        if (bytes.length < HEADER_LENGTH || bytes[HEADER_LENGTH - 1] != '\n') {
            throw new ModelFormatException("model file header is truncated or malformed: expected 64 hex digits "
                    + "and a newline after '" + new String(MAGIC, StandardCharsets.US_ASCII) + "'");
        }
        String declared = new String(bytes, MAGIC.length, 64, StandardCharsets.US_ASCII);
        byte[] actual = sha256(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH);
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(declared);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("model file header holds '" + declared + "', not a SHA-256 in hex");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new ModelFormatException("model file checksum mismatch: the header says " + declared
                    + " but the content hashes to " + HexFormat.of().formatHex(actual)
                    + "; the file is truncated or was modified");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH);
        } catch (StreamConstraintsException e) {
            throw new ModelFormatException("model file exceeds a parser limit (depth " + MAX_DEPTH + ", "
                    + MAX_BYTES + " bytes): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException("model file is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException("model file must hold a JSON object");
        }
        String format = text(root.get("format"), "format");
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException("model file format is '" + format + "', expected '" + FORMAT + "'");
        }
        int formatVersion = integer(root.get("formatVersion"), "formatVersion");
        if (formatVersion > FORMAT_VERSION) {
            throw new IncompatibleModelException("model file has format version " + formatVersion
                    + "; this library (anomaly4j " + Provenance.LIBRARY_VERSION + ") reads versions up to "
                    + FORMAT_VERSION + ": upgrade anomaly4j to load it");
        }
        if (formatVersion < 1) {
            throw new ModelFormatException("model file format version must be at least 1, got " + formatVersion);
        }
        requireFields(root, "model file", ENVELOPE_FIELDS.toArray(new String[0]));
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!ENVELOPE_FIELDS.contains(field)) {
                throw new ModelFormatException("model file has an unknown field '" + field + "'; fields are "
                        + ENVELOPE_FIELDS);
            }
        }
        String kind = text(root.get("kind"), "kind");
        if (!KINDS.contains(kind)) {
            throw new ModelFormatException("model file kind '" + kind + "' is not one of " + KINDS);
        }
        if (expectedKind != null && !expectedKind.equals(kind)) {
            throw new IncompatibleModelException("model file holds a " + kind + ", not a " + expectedKind);
        }
        String type = text(root.get("type"), "type");
        if (KIND_PIPELINE.equals(kind)) {
            if (!KIND_PIPELINE.equals(type)) {
                throw new ModelFormatException("a pipeline file must have type 'pipeline', got '" + type + "'");
            }
        } else {
            checkType(type, KIND_DETECTOR.equals(kind) ? PluginKind.DETECTOR : PluginKind.FORECASTER);
        }
        int stateVersion = integer(root.get("stateVersion"), "stateVersion");
        if (stateVersion < 1) {
            throw new ModelFormatException("stateVersion must be at least 1, got " + stateVersion);
        }
        Provenance provenance = provenance(root.get("provenance"));
        JsonNode state = root.get("state");
        if (!state.isObject()) {
            throw new ModelFormatException("model file 'state' must be a JSON object");
        }
        return new Envelope(kind, type, formatVersion, stateVersion, provenance, state,
                HexFormat.of().formatHex(actual));
    }

    private static Provenance provenance(JsonNode node) {
        requireFields(node, "provenance", "libraryVersion", "created", "trainingData", "parameters");
        Instant created;
        try {
            created = Instant.parse(text(node.get("created"), "provenance.created"));
        } catch (DateTimeParseException e) {
            throw new ModelFormatException("provenance.created is not an ISO-8601 instant: " + e.getMessage(), e);
        }
        return new Provenance(text(node.get("libraryVersion"), "provenance.libraryVersion"), created,
                stringMap(node.get("trainingData"), "provenance.trainingData"),
                stringMap(node.get("parameters"), "provenance.parameters"));
    }

    // ---------------------------------------------------------------- plugin lookup

    /** Refuses types that are not plugin ids, saying so plainly when one looks like a Java class name. */
    private String checkType(String type, PluginKind kind) {
        try {
            return Spec.requireValidId(type);
        } catch (IllegalArgumentException e) {
            boolean classLike = type.indexOf('.') >= 0 || type.indexOf('$') >= 0
                    || !type.equals(type.toLowerCase(java.util.Locale.ROOT));
            throw new ModelFormatException("model file names " + kind.label() + " type '" + type + "'"
                    + (classLike ? ", which looks like a Java class name; model files name plugins by id, never by "
                    + "class, and the codec never loads classes named in a file" : ", which is not a valid plugin id")
                    + "; known " + kind.label() + "s: " + plugins.ids(kind));
        }
    }

    private DetectorProvider<?> detectorProvider(String type) {
        try {
            return plugins.detectorProvider(checkType(type, PluginKind.DETECTOR));
        } catch (UnknownPluginException e) {
            throw unknown(e);
        }
    }

    private ForecasterProvider<?> forecasterProvider(String type) {
        try {
            return plugins.forecasterProvider(checkType(type, PluginKind.FORECASTER));
        } catch (UnknownPluginException e) {
            throw unknown(e);
        }
    }

    private FeatureTransformProvider<?> featureProvider(String type) {
        try {
            return plugins.featureTransformProvider(checkType(type, PluginKind.FEATURE_TRANSFORM));
        } catch (UnknownPluginException e) {
            throw unknown(e);
        }
    }

    private static ModelFormatException unknown(UnknownPluginException e) {
        return new ModelFormatException("model file needs " + e.kind() + " '" + e.id()
                + "', which is not registered (is its plugin jar on the class path?); known " + e.kind() + "s: "
                + (e.knownIds().isEmpty() ? "(none)" : String.join(", ", e.knownIds())), e);
    }

    private static void checkStateVersion(String type, int fileVersion, int supported) {
        if (fileVersion > supported) {
            throw new IncompatibleModelException("model file has state version " + fileVersion + " of '" + type
                    + "'; the installed plugin reads versions up to " + supported + ": upgrade the plugin");
        }
    }

    // ---------------------------------------------------------------- state records

    private static ObjectNode stateNode(Record state, Class<? extends Record> type, String owner) {
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException(owner + " returned state of type "
                    + (state == null ? "null" : state.getClass().getName()) + ", but its provider declares "
                    + type.getName());
        }
        JsonNode node;
        try {
            node = MAPPER.valueToTree(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("could not map the state of " + owner + " to JSON: " + e.getMessage()
                    + " (state records must be public, in a package the plugin module exports or opens to "
                    + "com.fasterxml.jackson.databind)", e);
        }
        requireFiniteNumbers(node, owner + " state", "");
        return (ObjectNode) node;
    }

    private static <S extends Record> S readState(JsonNode node, Class<S> type, String owner) {
        S state;
        try {
            state = MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new ModelFormatException("the " + owner + " state does not match " + type.getSimpleName() + ": "
                    + why, e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the " + owner + " state does not match " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        if (state == null) {
            throw new ModelFormatException("the " + owner + " state is null");
        }
        // Map the record back to JSON to see the numbers as the plugin holds them: catches "NaN"-like strings
        // that a lenient field type let through.
        requireFiniteNumbers(MAPPER.valueToTree(state), owner + " state", "");
        return state;
    }

    private static void requireFiniteNumbers(JsonNode node, String owner, String path) {
        if (node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v) && !node.isBigInteger() && !node.isBigDecimal()) {
                throw new ModelFormatException(owner + " holds " + v + " at '" + (path.isEmpty() ? "/" : path)
                        + "'; model files hold finite numbers only");
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireFiniteNumbers(node.get(i), owner, path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                requireFiniteNumbers(e.getValue(), owner, path + "/" + e.getKey());
            }
        }
    }

    // ---------------------------------------------------------------- small readers

    private static void requireFields(JsonNode node, String what, String... fields) {
        if (node == null || !node.isObject()) {
            throw new ModelFormatException(what + " must be a JSON object");
        }
        for (String f : fields) {
            if (!node.has(f) || node.get(f).isNull()) {
                throw new ModelFormatException(what + " lacks the field '" + f + "'");
            }
        }
    }

    private static String text(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw new ModelFormatException("'" + what + "' must be a string");
        }
        return node.textValue();
    }

    private static int integer(JsonNode node, String what) {
        if (node == null || !node.isInt()) {
            throw new ModelFormatException("'" + what + "' must be an integer");
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode node, String what) {
        if (node == null || !node.isBoolean()) {
            throw new ModelFormatException("'" + what + "' must be true or false");
        }
        return node.booleanValue();
    }

    private static double number(JsonNode node, String what) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new ModelFormatException("'" + what + "' must be a finite number");
        }
        return node.doubleValue();
    }

    private static double checkFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite to be saved, got " + v);
        }
        return v;
    }

    private static double[] doubles(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new ModelFormatException("'" + what + "' must be an array of numbers");
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), what + "[" + i + "]");
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new ModelFormatException("'" + what + "' must be an array of strings");
        }
        List<String> out = new java.util.ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(text(node.get(i), what + "[" + i + "]"));
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new ModelFormatException("'" + what + "' must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), text(e.getValue(), what + "." + e.getKey()));
        }
        return out;
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, offset, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256 as lower-case hex
     */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes, 0, bytes.length));
    }
}
