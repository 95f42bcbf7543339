package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.core.store.FileModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftReactionTest {
    @TempDir
    Path dir;

    static DriftEvent event(boolean drift) {
        DriftResult r = new DriftResult("ks", 0.3, drift ? 1e-5 : 0.5, drift, 0.05, 100, 50);
        return new DriftEvent("m-drift-7", "m", Instant.parse("2026-12-02T00:00:00Z"), 1234,
                Map.of("x", List.of(r)), Map.of("x", new double[] {1, 2, 3}));
    }

    @Test
    void atDriftRetrainsAndPublishesWithTheEventAsProvenance() {
        FileModelStore store = FileModelStore.open(dir);
        DriftReaction<String> reaction = DriftReaction.startingWith("v1").when(DriftReaction.When.AT_DRIFT)
                .retrain((cause, data) -> "v2 on " + data.get("x").length + " values")
                .publish(DriftReaction.publishTo(store, "model", s -> s.getBytes(StandardCharsets.UTF_8)))
                .build();
        reaction.onCheck(event(false));
        assertThat(reaction.current()).isEqualTo("v1");
        assertThat(reaction.published()).isEmpty();
        reaction.onCheck(event(true));
        assertThat(reaction.current()).isEqualTo("v2 on 3 values");
        ModelVersion v = reaction.published().get(0);
        assertThat(v.provenance()).containsEntry("drift.event", "m-drift-7").containsEntry("drift.reading", "1234")
                .containsEntry("drift.channels", "x").containsEntry("drift.reaction", "retrain")
                .containsEntry("drift.x.ks", "statistic=0.3, p=1.0E-5");
        assertThat(new String(store.load("model", v.version()), StandardCharsets.UTF_8)).isEqualTo("v2 on 3 values");
        // the default timing waits for the renewed reference and ignores the check itself
        DriftReaction<String> deferred = DriftReaction.startingWith("v1").retrain((c, d) -> "v2").build();
        deferred.onCheck(event(true));
        assertThat(deferred.current()).isEqualTo("v1");
        deferred.onReferenceRenewed(event(true), Map.of("x", new double[] {4, 5}));
        assertThat(deferred.current()).isEqualTo("v2");
        assertThat(deferred.lastReaction()).contains(event(true));
    }

    @Test
    void recalibrationGetsTheScoreChannelsWindow() {
        DriftReaction<Double> reaction = DriftReaction.startingWith(1.0)
                .recalibrate("x", (threshold, scores) -> scores[scores.length - 1]).build();
        reaction.onReferenceRenewed(event(true), Map.of("x", new double[] {4, 5}));
        assertThat(reaction.current()).isEqualTo(5.0);
        DriftReaction<Double> wrongChannel = DriftReaction.startingWith(1.0)
                .recalibrate("score", (threshold, scores) -> 0.0).build();
        assertThatThrownBy(() -> wrongChannel.onReferenceRenewed(event(true), Map.of("x", new double[] {1})))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'score'");
    }

    @Test
    void builderRefusesAReactionThatDoesNothingOrPublishesWithoutTraining() {
        assertThatThrownBy(() -> DriftReaction.startingWith("m").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recalibration or a trainer");
        assertThatThrownBy(() -> DriftReaction.startingWith("m").recalibrate("s", (m, s) -> m)
                .publish((m, p) -> null).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trainer");
        assertThatThrownBy(() -> DriftReaction.startingWith(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DriftReaction.publishTo(FileModelStore.open(dir), "bad name", s -> new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
