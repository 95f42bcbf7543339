package io.github.anomaly4j.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The examples of docs/isolation-forest.md, compiled and run. */
class IsolationForestSnippetsTest {

    private static Frame training() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] rows = new double[2_000][3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return Frame.ofRows(rows);
    }

    @Test
    void quickStart() {
        Frame training = training();
        // snippet:begin iforest-quickstart
        IsolationForest detector = IsolationForest.builder().trees(100).sampleSize(256).seed(7).build();
        AnomalyModel model = detector.fit(training);                  // a Frame of finite values
        double[] x = {0.1, 9.0, -0.3};
        double score = model.score(x);                                // in (0, 1]; 0.5 is "average"
        double[] why = new double[3];
        model.attribute(x, why);                                      // feature 1 gets most of the credit
        byte[] file = Anomaly.codec().encode(model);                  // JSON state, SHA-256 checked
        AnomalyModel back = Anomaly.codec().decodeAnomalyModel(file); // scores bit-identically
        // snippet:end iforest-quickstart
        assertThat(score).isGreaterThan(0.55);
        assertThat(why[1]).isGreaterThan(why[0] + why[2]);
        assertThat(back.score(x)).isEqualTo(score);
        assertThat(model.score(new double[] {0.0, 0.0, 0.0})).isLessThan(0.45);
    }

    @Test
    void byNameAndStreaming() {
        double[][] readings = training().toRows();
        // snippet:begin iforest-streaming
        StreamingDetector stream = Anomaly.detector("iforest", Map.of("window", 1024, "updateEvery", 10))
                .newStreamingDetector(3);
        long t = 1_700_000_000_000L;
        for (double[] reading : readings) {
            double score = stream.update(t += 60_000, reading);   // 0 until 256 readings (the warm-up)
        }
        Record saved = stream.snapshot();                          // window, trees and seed position
        // snippet:end iforest-streaming
        StreamingDetector copy = Anomaly.detector("iforest", Map.of("window", 1024, "updateEvery", 10))
                .newStreamingDetector(3);
        copy.restore(saved);
        assertThat(copy.update(t + 1, new double[] {0, 8, 0})).isEqualTo(stream.update(t + 1, new double[] {0, 8, 0}))
                .isGreaterThan(0.55);
    }

    @Test
    void insertionScoring() {
        double[][] readings = training().toRows();
        // snippet:begin iforest-insertion
        StreamingDetector stream = IsolationForest.builder()
                .streamScoring(IsolationForest.INSERTION)     // score each reading as if it were in the trees
                .trees(30).sampleSize(128).window(128).updateEvery(6)
                .build().newStreamingDetector(3);
        long t = 0;
        for (double[] reading : readings) {
            double score = stream.update(++t, reading);        // 0 until 128 readings
        }
        double outlier = stream.update(++t, new double[] {0.0, 6.0, 0.0});
        // snippet:end iforest-insertion
        assertThat(outlier).isGreaterThan(0.6);
    }
}
