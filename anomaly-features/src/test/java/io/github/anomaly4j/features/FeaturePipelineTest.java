package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, warm-up, missing values, gaps and restarts of a {@link FeaturePipeline}. */
class FeaturePipelineTest {
    private static final double NAN = Double.NaN;

    static FeaturePipeline twoColumns(NanPolicy policy) {
        return FeaturePipeline.builder("a", "b").add(Features.rollingMean(2)).add(Features.lag(1), "b")
                .nanPolicy(policy).build();
    }

    @Test
    void namesAndWarmUpComeFromTheTransformsInOrder() {
        // snippet:begin feature-pipeline
        FeaturePipeline features = FeaturePipeline.builder("temperature", "pressure")
                .add(Features.rollingMean(60))                         // both columns
                .add(Features.rollingStd(60), "temperature")           // one column
                .add(Features.hourOfDay(ZoneId.of("Europe/Paris")))    // from the timestamp
                .nanPolicy(NanPolicy.CARRY_FORWARD)
                .maxGap(Duration.ofMinutes(10), GapPolicy.RESET)
                .build();
        FeaturePipeline.Run run = features.open();
        double[] vector = new double[features.width()];
        FeaturePipeline.Status status = run.apply(System.currentTimeMillis(), new double[] {21.5, 1013.0}, vector);
        // snippet:end feature-pipeline
        assertThat(features.featureNames()).containsExactly("temperature.rolling-mean(60)",
                "pressure.rolling-mean(60)", "temperature.rolling-std(60)", "hour-of-day(Europe/Paris)");
        assertThat(features.warmUp()).isEqualTo(59);
        assertThat(status).isEqualTo(FeaturePipeline.Status.WARMING_UP);
        assertThat(vector[3]).isBetween(0.0, 23.0);
    }

    @Test
    void emitNanPassesMissingValuesOnAndMasksTheirFeatures() {
        FeaturePipeline.Run run = twoColumns(NanPolicy.EMIT_NAN).open();
        double[] out = new double[3];
        boolean[] mask = new boolean[3];
        assertThat(run.apply(1, new double[] {1, 10}, out, mask)).isEqualTo(FeaturePipeline.Status.WARMING_UP);
        assertThat(run.apply(2, new double[] {3, NAN}, out, mask)).isEqualTo(FeaturePipeline.Status.READY);
        assertThat(out[0]).isEqualTo(2.0);
        assertThat(mask).containsExactly(false, true, true);
        run.apply(3, new double[] {5, 30}, out, mask);
        assertThat(out).containsExactly(4.0, 20.0, 10.0); // b's window skipped the missing value
        assertThat(mask).containsExactly(false, false, false);
    }

    @Test
    void carryForwardRepeatsTheLastFiniteValue() {
        FeaturePipeline.Run run = twoColumns(NanPolicy.CARRY_FORWARD).open();
        double[] out = new double[3];
        boolean[] mask = new boolean[3];
        run.apply(1, new double[] {NAN, 10}, out, mask);
        assertThat(mask).containsExactly(true, true, true); // nothing to carry yet for a; b's windows are filling
        run.apply(2, new double[] {3, NAN}, out, mask);
        assertThat(out[1]).isEqualTo(10.0);
        assertThat(out[2]).isEqualTo(10.0);
        run.apply(3, new double[] {5, NAN}, out, mask);
        assertThat(out).containsExactly(4.0, 10.0, 10.0);
    }

    @Test
    void skipDropsTheWholeReading() {
        FeaturePipeline.Run run = twoColumns(NanPolicy.SKIP).open();
        double[] out = new double[3];
        run.apply(1, new double[] {1, 10}, out);
        assertThat(run.apply(2, new double[] {NAN, 20}, out)).isEqualTo(FeaturePipeline.Status.SKIPPED);
        assertThat(out).containsOnly(NAN);
        assertThat(run.accepted()).isEqualTo(1);
        run.apply(3, new double[] {3, 30}, out);
        assertThat(out).containsExactly(2.0, 20.0, 10.0);
    }

    @Test
    void aSkippedReadingStillCountsForTimeOrderAndGaps() {
        FeaturePipeline.Run run = FeaturePipeline.builder("v").add(Features.rollingMean(2))
                .nanPolicy(NanPolicy.SKIP).maxGap(Duration.ofSeconds(1), GapPolicy.RESET).build().open();
        double[] out = new double[1];
        run.apply(1_000, new double[] {1}, out);
        run.apply(2_000, new double[] {3}, out);
        assertThat(out[0]).isEqualTo(2.0);
        // skipped, but after a gap: the transforms start afresh
        assertThat(run.apply(5_000, new double[] {NAN}, out)).isEqualTo(FeaturePipeline.Status.SKIPPED);
        assertThatThrownBy(() -> run.apply(5_000, new double[] {7}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
        run.apply(5_500, new double[] {7}, out);
        assertThat(out[0]).isNaN(); // one value in a fresh window of two
        run.apply(6_000, new double[] {9}, out);
        assertThat(out[0]).isEqualTo(8.0);
    }

    @Test
    void aLongGapResetsOrFails() {
        FeaturePipeline reset = FeaturePipeline.builder("v").add(Features.rollingMean(2))
                .maxGap(Duration.ofSeconds(1), GapPolicy.RESET).build();
        FeaturePipeline.Run run = reset.open();
        double[] out = new double[1];
        run.apply(1_000, new double[] {1}, out);
        run.apply(2_000, new double[] {3}, out);
        assertThat(out[0]).isEqualTo(2.0);
        assertThat(run.apply(10_000, new double[] {5}, out)).isEqualTo(FeaturePipeline.Status.WARMING_UP);
        assertThat(out[0]).isNaN();
        run.apply(10_500, new double[] {7}, out);
        assertThat(out[0]).isEqualTo(6.0);

        FeaturePipeline.Run strict = FeaturePipeline.builder("v").add(Features.rollingMean(2))
                .maxGap(Duration.ofSeconds(1), GapPolicy.FAIL).build().open();
        strict.apply(1_000, new double[] {1}, out);
        assertThatThrownBy(() -> strict.apply(5_000, new double[] {1}, out)).hasMessageContaining("at most 1000 ms");
        strict.apply(1_900, new double[] {3}, out);
        assertThat(out[0]).isEqualTo(2.0);
    }

    @Test
    void badReadingsAndConfigurationsAreRefused() {
        FeaturePipeline p = twoColumns(NanPolicy.EMIT_NAN);
        FeaturePipeline.Run run = p.open();
        double[] out = new double[3];
        assertThatThrownBy(() -> run.apply(1, new double[] {1}, out)).hasMessageContaining("reads 2");
        assertThatThrownBy(() -> run.apply(1, new double[] {1, Double.NEGATIVE_INFINITY}, out))
                .hasMessageContaining("column 'b'");
        run.apply(5, new double[] {1, 2}, out);
        assertThatThrownBy(() -> run.apply(5, new double[] {1, 2}, out)).hasMessageContaining("repeats");
        assertThatThrownBy(() -> run.apply(4, new double[] {1, 2}, out)).hasMessageContaining("earlier");
        assertThatThrownBy(() -> FeaturePipeline.builder("a").add(Features.lag(1), "z"))
                .hasMessageContaining("'z'");
        assertThatThrownBy(() -> FeaturePipeline.builder("a", "a")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> FeaturePipeline.builder("a").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FeaturePipeline.builder("a").add(Features.lag(1)).add(Features.lag(1)).build())
                .hasMessageContaining("a.lag(1)");
        assertThatThrownBy(() -> FeaturePipeline.builder("a").nanPolicy(NanPolicy.SKIP).nanPolicy(NanPolicy.SKIP))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FeaturePipeline.builder("a").maxGap(Duration.ZERO, GapPolicy.RESET))
                .hasMessageContaining("positive");
        FeaturePipeline other = FeaturePipeline.builder("x").add(Features.lag(1)).build();
        assertThatThrownBy(() -> other.open().restore(run.snapshot())).hasMessageContaining("does not fit");
    }

    @Test
    void fittingFitsEachScalerOnTheColumnsItReads() {
        TimeSeries training = TimeSeries.of(new long[] {1, 2, 3}, List.of("a", "b"),
                new double[][] {{1, 2, 3}, {100, 200, 300}});
        FeaturePipeline p = FeaturePipeline.builder("a", "b").add(Features.minMaxScaler(), "b")
                .add(Features.standardScaler()).build().fit(training);
        double[][] rows = p.transform(training);
        assertThat(rows[2]).containsExactly(1.0, 1.0, 1.0);
        assertThat(rows[0]).containsExactly(0.0, -1.0, -1.0);
        assertThatThrownBy(() -> FeaturePipeline.builder("a").add(Features.robustScaler()).build().open())
                .hasMessageContaining("not fitted");
    }
}
