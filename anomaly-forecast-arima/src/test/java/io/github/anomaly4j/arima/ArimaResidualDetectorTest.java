package io.github.anomaly4j.arima;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.Pipeline;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArimaResidualDetectorTest {

    @Test
    void streamingFlagsASpikeThatTheMarginalRangeHides() {
        // an AR(1) with phi 0.95 wanders widely; a jump of 4 innovation s.d. stays inside its marginal range
        double[] y = ArimaModelTest.ar1(600, 0.95, 10.0, 11);
        y[500] += 4.0;
        // snippet:begin arima-residual-stream
        StreamingDetector stream = ArimaResidualDetector.auto(1, 256, 100, 64).newStreamingDetector(1);
        double[] scores = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            scores[t] = stream.update(60_000L * t, new double[] {y[t]});  // 1 - tail probability
        }
        // snippet:end arima-residual-stream
        assertThat(scores[500]).isGreaterThan(0.999);
        int high = 0;
        for (int t = 64; t < 600; t++) {
            if (t != 500 && t != 501 && scores[t] > 0.999) {
                high++;
            }
        }
        assertThat(high).isLessThanOrEqualTo(3);
        assertThat(scores[10]).isZero();
    }

    @Test
    void pluginRunsInsideAPipeline() {
        double[] y = ArimaModelTest.ar1(400, 0.5, 20.0, 12);
        long[] ts = new long[y.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_700_000_000_000L + 60_000L * i;
        }
        // snippet:begin arima-residual-pipeline
        Pipeline p = Anomaly.pipeline()
                .detector(Anomaly.detector("arima-residual", Map.of("auto", false, "p", 1, "mean", true)))
                .fit(TimeSeries.of(ts, "temperature", y));
        Detection d = p.process(ts[ts.length - 1] + 60_000L, 35.0);
        // snippet:end arima-residual-pipeline
        assertThat(d.anomalous()).isTrue();
        assertThat(p.model().type()).isEqualTo("arima-residual");
        assertThat(p.process(ts[ts.length - 1] + 120_000L, 20.0).anomalous()).isFalse();
    }
}
