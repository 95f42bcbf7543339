package io.github.anomaly4j.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.Pipeline;
import io.github.anomaly4j.core.Thresholds;
import io.github.anomaly4j.core.eval.RankingMetrics;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataTest {

    @Test
    void generatesLabelledSensorsAndRoundTripsThroughCsv(@TempDir Path dir) {
        // snippet:begin synthetic-data
        List<SensorSeries> data = Anomaly.syntheticData()
                .sensors(3).start(Instant.parse("2026-01-01T00:00:00Z")).interval(Duration.ofMinutes(1))
                .length(10_080).trend(0.05).daily(2).weekly(1).noise(0.2)
                .anomalies(AnomalyKind.SPIKE, 5).anomalies(AnomalyKind.LEVEL_SHIFT, 2)
                .anomalies(AnomalyKind.STUCK, 1).anomalies(AnomalyKind.MISSING, 1)
                .seed(42).build().generate();
        SensorCsv.write(dir.resolve("sensors.csv"), data);        // timestamp,sensor_id,value,label,kind
        List<SensorSeries> back = SensorCsv.read(dir.resolve("sensors.csv"));
        TimeSeries history = back.get(0).toTimeSeries();            // present readings, for a pipeline
        // snippet:end synthetic-data
        assertThat(back).isEqualTo(data);
        assertThat(data).extracting(SensorSeries::sensorId).containsExactly("sensor-1", "sensor-2", "sensor-3");
        for (SensorSeries s : data) {
            assertThat(s.count(AnomalyKind.SPIKE)).isEqualTo(5);
            assertThat(s.count(AnomalyKind.LEVEL_SHIFT)).isBetween(2 * 10, 2 * 60);
            assertThat(s.count(AnomalyKind.MISSING)).isEqualTo(s.size() - s.present());
            // nothing in the clean prefix (the first 20%)
            assertThat(Arrays.copyOf(s.labels(), 2016)).doesNotContain(true);
        }
        assertThat(history.size()).isEqualTo(data.get(0).present());
        assertThat(data.get(0).timestamps()[1] - data.get(0).timestamps()[0]).isEqualTo(60_000);
    }

    @Test
    void anAnomalyThatExactlyFitsAfterTheCleanPrefixIsPlaced() {
        // length 10, clean prefix 0.9: reading 9 is the only place for a spike; before the fix the search needed
        // at least two candidate starts and reported "no room"
        SensorSeries s = SyntheticGenerator.builder().length(10).cleanPrefix(0.9).anomalies(AnomalyKind.SPIKE, 1)
                .seed(3).build().generate().get(0);
        assertThat(s.labels()[9]).isTrue();
        assertThat(s.kinds()[9]).isEqualTo(AnomalyKind.SPIKE);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        SyntheticGenerator.Builder b = SyntheticGenerator.builder().length(500).anomalies(AnomalyKind.DRIFT, 2);
        List<SensorSeries> a = b.seed(1).build().generate();
        assertThat(SyntheticGenerator.builder().length(500).anomalies(AnomalyKind.DRIFT, 2).seed(1).build()
                .generate()).isEqualTo(a);
        assertThat(SyntheticGenerator.builder().length(500).anomalies(AnomalyKind.DRIFT, 2).seed(2).build()
                .generate()).isNotEqualTo(a);
    }

    @Test
    void everyKindChangesTheSignalTheWayItsNameSays() {
        for (AnomalyKind kind : AnomalyKind.values()) {
            SensorSeries clean = SyntheticGenerator.builder().length(2000).seed(5).build().generate().get(0);
            SensorSeries s = SyntheticGenerator.builder().length(2000).anomalies(kind, 1).seed(5).build()
                    .generate().get(0);
            double[] v = s.values();
            double[] c = clean.values();
            int first = -1;
            int last = -1;
            for (int i = 0; i < v.length; i++) {
                if (s.labels()[i]) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            assertThat(first).as(kind.name()).isGreaterThanOrEqualTo(400);
            switch (kind) {
                case SPIKE -> assertThat(v[first] - c[first]).isBetween(0.8, 1.2);
                case DIP -> assertThat(v[first] - c[first]).isBetween(-1.2, -0.8);
                case LEVEL_SHIFT -> assertThat(Math.abs(v[first] - c[first])).isBetween(0.48, 0.8);
                case DRIFT -> assertThat(Math.abs(v[last] - c[last])).isCloseTo(0.8,
                        org.assertj.core.api.Assertions.within(1e-9));
                case STUCK -> assertThat(v[last]).isEqualTo(v[first]);
                case MISSING -> assertThat(Double.isNaN(v[first])).isTrue();
                case VARIANCE_CHANGE -> {
                    double dv = 0;
                    double dc = 0;
                    for (int i = first; i <= last; i++) {
                        dv += Math.abs(v[i] - c[i]);
                    }
                    assertThat(dv).isGreaterThan(0);
                }
            }
            // outside the anomaly the signal is the clean one
            assertThat(v[first - 6]).isEqualTo(c[first - 6]);
        }
    }

    @Test
    void aDetectorFindsTheInjectedSpikes() {
        SensorSeries s = Anomaly.syntheticData().length(5000).noise(0.2).anomalies(AnomalyKind.SPIKE, 10).seed(3)
                .build().generate().get(0);
        TimeSeries series = s.toTimeSeries();
        io.github.anomaly4j.api.detect.StreamingDetector z = Anomaly.detector("zscore",
                java.util.Map.of("window", 60)).newStreamingDetector(1);
        double[] scores = new double[series.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = z.update(series.timestamp(i), new double[] {series.value(i, 0)});
        }
        // a rolling window follows the daily cycle; spikes of 8 to 12 noise sds rank at the top
        assertThat(RankingMetrics.rocAuc(s.presentLabels(), scores)).isGreaterThan(0.99);
    }

    @Test
    void malformedRowsNameTheirLine() {
        String header = SensorCsv.HEADER + "\n";
        String ok = "2026-01-01T00:00:00Z,a,1.5,0,\n";
        assertThat(SensorCsv.read(new StringReader(header + ok + "1767225660000,a,,1,MISSING\n")).get(0).present())
                .isEqualTo(1);
        assertThatThrownBy(() -> SensorCsv.read(new StringReader("time,value\n")))
                .hasMessageContaining("line 1: expected the header");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + ok + "2026-01-01T00:01:00Z,a,2\n")))
                .hasMessageContaining("line 3: expected 5 columns");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + "yesterday,a,1,0,\n")))
                .hasMessageContaining("line 2: timestamp 'yesterday'");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + ok + "2026-01-01T00:01:00Z,a,x,0,\n")))
                .hasMessageContaining("line 3: value 'x' is not a number");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + "2026-01-01T00:01:00Z,a,NaN,0,\n")))
                .hasMessageContaining("line 2: value 'NaN' is not finite");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + "2026-01-01T00:01:00Z,a,1,2,\n")))
                .hasMessageContaining("line 2: label must be 0 or 1");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + "2026-01-01T00:01:00Z,a,1,1,BLIP\n")))
                .hasMessageContaining("line 2: unknown anomaly kind 'BLIP'");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + "2026-01-01T00:01:00Z,a,1,1,\n")))
                .hasMessageContaining("line 2: label 1 with kind ''");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + "2026-01-01T00:01:00Z,a,,0,\n")))
                .hasMessageContaining("line 2: the value is empty but the reading is not labelled MISSING");
        assertThatThrownBy(() -> SensorCsv.read(new StringReader(header + ok + ok)))
                .hasMessageContaining("line 3: timestamp 2026-01-01T00:00:00Z of sensor 'a' is not after");
    }

    @Test
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> SyntheticGenerator.builder().length(100).anomalies(AnomalyKind.SPIKE, 50).build()
                .generate()).hasMessageContaining("no room for another SPIKE");
        assertThatThrownBy(() -> SyntheticGenerator.builder().noise(-1)).hasMessageContaining("noise");
        assertThatThrownBy(() -> SyntheticGenerator.builder().seed(1).seed(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SyntheticGenerator.builder().interval(Duration.ZERO))
                .hasMessageContaining("interval");
        StringWriter w = new StringWriter();
        SensorSeries s = SyntheticGenerator.builder().length(10).build().generate().get(0);
        assertThatThrownBy(() -> SensorCsv.write(w, List.of(s, s))).hasMessageContaining("appears twice");
    }
}
