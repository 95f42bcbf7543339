package io.github.anomaly4j.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads and writes a NAB-layout corpus that the test builds itself. */
class NabCorpusTest {
    @TempDir
    Path dir;

    /** 40 five-minute rows from 2014-01-01 00:00, a window over rows 20..24, a repeated timestamp at row 30. */
    static Path writeCorpus(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 40; i++) {
            int minutes = 5 * (i > 30 ? i - 1 : i);
            csv.append(String.format("2014-01-01 %02d:%02d:00,%d%n", minutes / 60, minutes % 60, i == 22 ? 50 : i % 3));
        }
        Files.createDirectories(dir.resolve("data/cat"));
        Files.writeString(dir.resolve("data/cat/series.csv"), csv);
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/combined_windows.json"),
                "{\"cat/series.csv\": [[\"2014-01-01 01:40:00.000000\", \"2014-01-01 02:00:00.000000\"]]}");
        return dir;
    }

    @Test
    void readsDataWindowsAndDefaultProfiles() throws IOException {
        NabCorpus corpus = NabCorpus.read(writeCorpus(dir));
        assertThat(corpus.files()).hasSize(1);
        NabDataFile f = corpus.files().get(0);
        assertThat(f.name()).isEqualTo("cat/series.csv");
        assertThat(f.size()).isEqualTo(40);
        assertThat(f.values()[22]).isEqualTo(50.0);
        assertThat(f.windows()).containsExactly(new NabWindow(20, 24));
        assertThat(f.timestamps()[31]).isEqualTo(f.timestamps()[30]);
        assertThat(corpus.profiles()).isEqualTo(NabProfile.defaults());
    }

    @Test
    void resultsRoundTripThroughNabsLayout() throws IOException {
        NabCorpus corpus = NabCorpus.read(writeCorpus(dir));
        double[] scores = new double[40];
        scores[22] = 1.0;
        Path written = NabCorpus.writeResults(dir.resolve("results"), "demo", corpus.files().get(0), scores);
        assertThat(written).isEqualTo(dir.resolve("results/demo/cat/demo_series.csv"));
        assertThat(Files.readAllLines(written).get(0)).isEqualTo("timestamp,value,anomaly_score");
        List<NabSeries> results = corpus.readResults(dir.resolve("results/demo"));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).scores()).containsExactly(scores);
        // 40 rows: probation floor(0.15 * 40) = 6; detection at 22 in window 20..24 (position -3/5)
        NabResult r = NabScorer.builder().build().evaluate(results, NabProfile.STANDARD);
        assertThat(r.rawScore()).isCloseTo(Math.tanh(2.5 * 0.6) / Math.tanh(2.5), within(1e-12));
    }

    @Test
    void readsCustomProfiles() throws IOException {
        writeCorpus(dir);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/profiles.json"), "{\"mine\": {\"CostMatrix\": {\"tpWeight\": 2.0,"
                + " \"fnWeight\": 1.0, \"fpWeight\": 0.5, \"tnWeight\": 1.0}}}");
        assertThat(NabCorpus.read(dir).profiles()).containsExactly(new NabProfile("mine", 2.0, 0.5, 1.0, 1.0));
        Files.writeString(dir.resolve("config/profiles.json"), "{\"mine\": {\"CostMatrix\": {\"tpWeight\": 2}}}");
        assertThatThrownBy(() -> NabCorpus.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile 'mine' needs a number fpWeight");
    }

    @Test
    void refusesWhatItCannotScore() throws IOException {
        assertThatThrownBy(() -> NabCorpus.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a NAB corpus").hasMessageContaining("combined_windows.json");
        NabCorpus corpus = NabCorpus.read(writeCorpus(dir));
        assertThatThrownBy(() -> corpus.readResults(dir.resolve("results/none")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing results for 'cat/series.csv'")
                .hasMessageContaining("none_series.csv");
        Files.createDirectories(dir.resolve("results/short/cat"));
        Files.writeString(dir.resolve("results/short/cat/short_series.csv"),
                "timestamp,value,anomaly_score\n2014-01-01 00:00:00,0,0.5\n");
        assertThatThrownBy(() -> corpus.readResults(dir.resolve("results/short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 rows; the data file");
        assertThatThrownBy(() -> NabCorpus.writeResults(dir, "demo", corpus.files().get(0), new double[39]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 40 rows, got 39");
        double[] outOfRange = new double[40];
        outOfRange[3] = 1.5;
        assertThatThrownBy(() -> NabCorpus.writeResults(dir, "demo", corpus.files().get(0), outOfRange))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 3")
                .hasMessageContaining("[0, 1], got 1.5");
        Files.writeString(dir.resolve("labels/combined_windows.json"),
                "{\"cat/series.csv\": [[\"2015-01-01 00:00:00\", \"2015-01-02 00:00:00\"]]}");
        assertThatThrownBy(() -> NabCorpus.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covers no row");
        Files.writeString(dir.resolve("data/cat/series.csv"), "timestamp,value\n2014-01-01 00:00:00,x\n");
        assertThatThrownBy(() -> NabCorpus.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2: value must be a number, got 'x'");
        Files.writeString(dir.resolve("data/cat/series.csv"), "timestamp,value\nyesterday,1\n");
        assertThatThrownBy(() -> NabCorpus.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'yesterday'");
    }
}
