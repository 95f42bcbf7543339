package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.IncompatibleModelException;
import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.core.detect.MadDetector;
import io.github.anomaly4j.core.detect.ZScoreDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCodecTest {
    private final ModelCodec codec = ModelCodec.defaultCodec();

    static Frame gaussian(int rows, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] data = new double[rows][width];
        for (double[] row : data) {
            for (int j = 0; j < width; j++) {
                row[j] = 10 * j + r.nextGaussian();
            }
        }
        return Frame.ofRows(data);
    }

    /** Wraps a JSON document in a header with its correct checksum, as a well-meaning but wrong writer would. */
    static byte[] seal(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("#anomaly4j-model sha256:" + ModelCodec.sha256Hex(body) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    static String envelope(String kind, String type, int formatVersion, int stateVersion, String state) {
        return """
                {"format":"anomaly4j-model","formatVersion":%d,"kind":"%s","type":"%s","stateVersion":%d,\
                "provenance":{"libraryVersion":"test","created":"2026-01-01T00:00:00Z","trainingData":{},\
                "parameters":{}},"state":%s}""".formatted(formatVersion, kind, type, stateVersion, state);
    }

    private static final String GOOD_STATE = "{\"center\":[1.0,2.0],\"scale\":[0.5,0.25]}";

    @Test
    void roundTripScoresBitIdenticallyForBothBuiltInDetectors() {
        Frame training = gaussian(500, 3, 1);
        Frame probe = gaussian(200, 3, 2);
        for (AnomalyModel model : new AnomalyModel[] {ZScoreDetector.builder().build().fit(training),
                MadDetector.builder().build().fit(training)}) {
            AnomalyModel back = codec.decodeAnomalyModel(codec.encode(model));
            assertThat(back.type()).isEqualTo(model.type());
            for (int i = 0; i < probe.rows(); i++) {
                double[] x = probe.row(i);
                assertThat(Double.doubleToRawLongBits(back.score(x)))
                        .isEqualTo(Double.doubleToRawLongBits(model.score(x)));
            }
        }
    }

    @Test
    void negativeZeroAndExtremeStateValuesSurviveExactly() {
        AnomalyModel model = new io.github.anomaly4j.core.detect.ZScoreProvider().restore(
                new io.github.anomaly4j.core.detect.CenterScaleState(new double[] {-0.0, 1e308, 4.9e-324},
                        new double[] {Double.MIN_VALUE, Double.MAX_VALUE, 0.1}));
        AnomalyModel back = codec.decodeAnomalyModel(codec.encode(model));
        assertThat(back.state()).isEqualTo(model.state());
        assertThat(Double.doubleToRawLongBits(((io.github.anomaly4j.core.detect.CenterScaleState) back.state())
                .center()[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void provenanceAndInfoAreReadWithoutBuildingTheModel() {
        AnomalyModel model = ZScoreDetector.builder().build().fit(gaussian(50, 1, 3));
        Provenance p = Provenance.of(Instant.parse("2026-11-22T10:00:00Z"), Map.of("rows", "50"),
                Map.of("detector", "zscore"));
        byte[] bytes = codec.encode(model, p);
        ModelInfo info = codec.inspect(bytes);
        assertThat(info.kind()).isEqualTo("detector-model");
        assertThat(info.type()).isEqualTo("zscore");
        assertThat(info.formatVersion()).isEqualTo(ModelCodec.FORMAT_VERSION);
        assertThat(info.provenance()).isEqualTo(p);
        assertThat(info.sizeBytes()).isEqualTo(bytes.length);
        assertThat(info.sha256()).hasSize(64);
    }

    @Test
    void theFileIsAHeaderLineThenPlainJson() {
        byte[] bytes = codec.encode(ZScoreDetector.builder().build().fit(gaussian(20, 2, 4)));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", 2);
        assertThat(lines[0]).matches("#anomaly4j-model sha256:[0-9a-f]{64}");
        assertThat(lines[1]).startsWith("{\"format\":\"anomaly4j-model\",\"formatVersion\":1,\"kind\":"
                + "\"detector-model\",\"type\":\"zscore\"");
        assertThat(lines[1]).doesNotContain("io.github").doesNotContain("CenterScale");
    }

    @Test
    void everySingleByteTamperIsRefusedBeforeParsing() {
        byte[] good = codec.encode(MadDetector.builder().build().fit(gaussian(30, 2, 5)));
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            int at = i;
            assertThatThrownBy(() -> codec.decodeAnomalyModel(bad)).as("tamper at byte %d", at)
                    .isInstanceOf(ModelFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("checksum mismatch",
                            "not an anomaly4j model file", "header"));
        }
    }

    @Test
    void aTamperedBodyIsRefusedByTheChecksumNotByTheParser() {
        byte[] good = codec.encode(ZScoreDetector.builder().build().fit(gaussian(30, 2, 6)));
        byte[] bad = good.clone();
        bad[bad.length - 1] = '!'; // would also be a JSON syntax error; the checksum must catch it first
        assertThatThrownBy(() -> codec.decodeAnomalyModel(bad)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("checksum mismatch").hasNoCause();
    }

    @Test
    void truncatedFilesAreRefused() {
        byte[] good = codec.encode(ZScoreDetector.builder().build().fit(gaussian(30, 2, 7)));
        for (int len : new int[] {0, 5, 30, 88, 89, good.length / 2, good.length - 1}) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            assertThatThrownBy(() -> codec.decodeAnomalyModel(cut)).as("length %d", len)
                    .isInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void anUnknownTypeIsRefusedListingTheKnownOnes() {
        byte[] file = seal(envelope("detector-model", "isolation-forest", 1, 1, GOOD_STATE));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'isolation-forest'").hasMessageContaining("not registered")
                .hasMessageContaining("mad, windowed-gaussian, zscore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.Gadget", "java.lang.Runtime",
            "io.github.anomaly4j.core.detect.CenterScaleModel", "Gadget$1"})
    void aJavaClassNameAsTypeIsRefusedSayingSo(String className) {
        byte[] file = seal(envelope("detector-model", className, 1, 1, GOOD_STATE));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("looks like a Java class name").hasMessageContaining("known detectors");
    }

    @Test
    void aNewerFormatVersionIsIncompatibleNotCorrupt() {
        byte[] file = seal(envelope("detector-model", "zscore", 2, 1, GOOD_STATE));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("format version 2").hasMessageContaining("upgrade");
    }

    @Test
    void aNewerPluginStateVersionIsIncompatible() {
        byte[] file = seal(envelope("detector-model", "zscore", 1, 7, GOOD_STATE));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("state version 7");
    }

    @Test
    void aWellFormedFileOfTheRightShapeLoads() {
        AnomalyModel m = codec.decodeAnomalyModel(seal(envelope("detector-model", "zscore", 1, 1, GOOD_STATE)));
        assertThat(m.score(new double[] {2.0, 2.0})).isEqualTo(2.0);
    }

    @Test
    void aKindMismatchIsIncompatible() {
        byte[] model = codec.encode(ZScoreDetector.builder().build().fit(gaussian(30, 1, 8)));
        assertThatThrownBy(() -> codec.decodePipeline(model)).isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("holds a detector-model, not a pipeline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"center\":[\"NaN\",2.0],\"scale\":[0.5,0.25]}",
            "{\"center\":[1.0,2.0],\"scale\":[\"Infinity\",0.25]}", "{\"center\":[NaN,2.0],\"scale\":[0.5,0.25]}",
            "{\"center\":[1e999,2.0],\"scale\":[0.5,0.25]}"})
    void nonFiniteNumbersInStateAreRefused(String state) {
        byte[] file = seal(envelope("detector-model", "zscore", 1, 1, state));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void aModelHoldingNaNCannotBeSaved() {
        AnomalyModel bad = new AnomalyModel() {
            @Override
            public String type() {
                return "zscore";
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double score(double[] x) {
                return 0;
            }

            @Override
            public Record state() {
                return new NaNState(new double[] {Double.NaN});
            }
        };
        assertThatThrownBy(() -> codec.encode(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CenterScaleState");
    }

    /** A record of the wrong type for zscore. */
    public record NaNState(double[] center) {
    }

    @Test
    void inconsistentStateIsRefusedWithThePluginsOwnMessage() {
        byte[] file = seal(envelope("detector-model", "zscore", 1, 1, "{\"center\":[1.0],\"scale\":[-1.0]}"));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("scale[0] must be finite and positive");
    }

    @Test
    void unknownFieldsMissingFieldsAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> codec.decodeAnomalyModel(seal(envelope("detector-model", "zscore", 1, 1,
                "{\"center\":[1.0],\"scale\":[1.0],\"extra\":1}")))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> codec.decodeAnomalyModel(seal(envelope("detector-model", "zscore", 1, 1,
                "{\"center\":[1.0]}")))).isInstanceOf(ModelFormatException.class);
        assertThatThrownBy(() -> codec.decodeAnomalyModel(seal(envelope("detector-model", "zscore", 1, 1,
                "{\"center\":[1.0],\"center\":[2.0],\"scale\":[1.0]}")))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("center");
        String withExtraTop = envelope("detector-model", "zscore", 1, 1, GOOD_STATE).replaceFirst("\\{",
                "{\"class\":\"java.lang.Runtime\",");
        assertThatThrownBy(() -> codec.decodeAnomalyModel(seal(withExtraTop)))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("unknown field 'class'");
    }

    @Test
    void deeplyNestedDocumentsAreRefusedByTheParserLimit() {
        String deep = "[".repeat(200) + "]".repeat(200);
        byte[] file = seal(envelope("detector-model", "zscore", 1, 1, "{\"center\":" + deep + ",\"scale\":[1]}"));
        assertThatThrownBy(() -> codec.decodeAnomalyModel(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("depth");
    }

    @Test
    void oversizedInputIsRefusedBeforeHashing() {
        byte[] huge = new byte[ModelCodec.MAX_BYTES + 200];
        assertThatThrownBy(() -> codec.decodeAnomalyModel(huge)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void filesAreWrittenAtomicallyAndReadBack(@TempDir Path dir) throws Exception {
        byte[] bytes = codec.encode(MadDetector.builder().build().fit(gaussian(40, 2, 9)));
        Path file = dir.resolve("m.model");
        ModelCodec.writeFile(file, bytes);
        assertThat(ModelCodec.readFile(file)).isEqualTo(bytes);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void notAModelFileAtAll() {
        assertThatThrownBy(() -> codec.decodeAnomalyModel("{\"format\":\"anomaly4j-model\"}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("does not start with");
    }
}
