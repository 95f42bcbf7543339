package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.core.store.FileModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's quick start exactly as printed there, and fails when the README and this file drift apart.
 */
class QuickStartTest {
    private static final String BEGIN = "// quickstart:begin";
    private static final String END = "// quickstart:end";

    @TempDir
    Path modelDirectory;

    @Test
    void theQuickStartRunsFlagsTheSpikeAndLoadsTheModelBack() {
        // a day of minute readings around 20 °C, ending an hour ago
        int n = 1440;
        long start = System.currentTimeMillis() - (n + 60) * 60_000L;
        long[] timestamps = new long[n];
        double[] values = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            timestamps[i] = start + i * 60_000L;
            values[i] = 20.0 + 0.5 * random.nextGaussian();
        }

        // quickstart:begin
        TimeSeries history = TimeSeries.of(timestamps, "temperature", values);  // epoch millis, readings
        Pipeline pipeline = Anomaly.pipeline()
                .detector(Anomaly.detector("mad", Map.of("window", 100)))       // robust median/MAD detector
                .threshold(Thresholds.quantile(0.999))                          // ~1 alarm per 1,000 normal readings
                .fit(history);
        Detection d = pipeline.process(System.currentTimeMillis(), 42.0);      // score one live reading
        if (d.anomalous()) {
            System.out.println("anomaly: " + d);
        }
        ModelRegistry registry = ModelRegistry.of(FileModelStore.open(modelDirectory));
        ModelVersion v1 = registry.publish("sensor-42", pipeline);             // versioned, SHA-256 checked
        Pipeline serving = registry.activePipeline("sensor-42");               // load it back anywhere
        // quickstart:end

        assertThat(d.anomalous()).as("42 °C against a history of 20 ± 0.5 °C").isTrue();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.active()).isTrue();
        assertThat(v1.sha256()).hasSize(64);
        Detection again = serving.process(d.timestamp(), 42.0);
        assertThat(again.score()).isEqualTo(d.score());
        assertThat(again.calibratedScore()).isEqualTo(d.calibratedScore());
        assertThat(again.threshold()).isEqualTo(d.threshold());
        assertThat(serving.process(d.timestamp() + 1, 20.1).anomalous()).isFalse();
    }

    @Test
    void theReadmeShowsExactlyTheSnippetThisTestRuns() throws IOException {
        Path readme = Path.of("..", "README.md");
        Path self = Path.of("src", "test", "java", "io", "github", "anomaly4j", "core", "QuickStartTest.java");
        assertThat(readme).as("run from the anomaly-core module directory").exists();
        List<String> inReadme = snippet(readme);
        List<String> inTest = snippet(self);
        assertThat(inReadme).as("the README's quick start").hasSizeGreaterThan(5);
        assertThat(inReadme).as("README.md's quick start must equal the one QuickStartTest runs")
                .containsExactlyElementsOf(inTest);
    }

    /** The lines between the markers, with the common indentation removed. */
    private static List<String> snippet(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals(BEGIN) && begin < 0) {
                begin = i;
            } else if (t.equals(END) && begin >= 0 && end < 0) {
                end = i;
            }
        }
        assertThat(begin).as("%s has a line '%s'", file, BEGIN).isNotNegative();
        assertThat(end).as("%s has a line '%s'", file, END).isGreaterThan(begin);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .collect(Collectors.toList());
    }
}
