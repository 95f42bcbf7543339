package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.spi.Spec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/features.md}, compiled and run (DocSnippetsTest in core keeps the page in step). */
class FeaturesDocExamplesTest {

    @Test
    void threeWaysToTheSameTransform() {
        // snippet:begin features-three-ways
        FeatureTransform a = Features.rollingQuantile(120, 0.9);
        FeatureTransform b = Features.builder("rolling-quantile").window(120).quantile(0.9).build();
        FeatureTransform c = Anomaly.feature(Spec.of("rolling-quantile", Map.of("window", 120, "quantile", 0.9)));
        // snippet:end features-three-ways
        assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void oneStreamPerSensorSurvivesARestart() {
        FeatureTransform transform = Features.rollingStd(3);
        double[] out = new double[1];
        // snippet:begin features-stream
        FeatureStream stream = transform.open(1);           // one column; single writer
        stream.apply(1_000L, new double[] {4.0}, out);       // NaN while the window fills
        stream.apply(2_000L, new double[] {6.0}, out);
        Record saved = stream.snapshot();                    // a record: keep it with your checkpoint

        FeatureStream restarted = transform.open(1);
        restarted.restore(saved);                            // continues bit for bit
        restarted.apply(3_000L, new double[] {8.0}, out);    // out[0] == 2.0, the std of 4, 6, 8
        // snippet:end features-stream
        assertThat(out[0]).isEqualTo(2.0);
    }
}
