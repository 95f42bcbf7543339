package io.github.anomaly4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"zscore", "rolling-mean", "a", "k2", "iforest-v2", "a-1-b"})
    void validIdsAreAccepted(String id) {
        assertThat(Spec.requireValidId(id)).isSameAs(id);
        assertThat(Spec.of(id).id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ZScore", "zScore", "2fast", "-x", "x-", "a--b", "rolling_mean", "a b", "a.b",
            "../x", "a/b", "é"})
    void invalidIdsAreRefusedQuotingTheId(String id) {
        assertThatThrownBy(() -> Spec.requireValidId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plugin id must be lower-case words")
                .hasMessageEndingWith("got '" + id + "'");
    }

    @Test
    void nullIdIsRefused() {
        assertThatThrownBy(() -> Spec.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got null");
    }

    @Test
    void idsAreAtMost64Characters() {
        String longest = "a".repeat(64);
        assertThat(Spec.requireValidId(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> Spec.requireValidId("a".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64 characters");
    }

    @Test
    void withAddsValuesInOrderAndReplacesEarlierOnes() {
        Spec spec = Spec.of("zscore").with("window", 100).with("robust", true).with("mode", "fast")
                .with("window", 50);
        assertThat(spec.values()).containsExactly(Map.entry("window", 50), Map.entry("robust", true),
                Map.entry("mode", "fast"));
    }

    @Test
    void withLeavesTheOriginalUnchanged() {
        Spec base = Spec.of("zscore");
        Spec withWindow = base.with("window", 100);
        assertThat(base.values()).isEmpty();
        assertThat(withWindow.values()).containsExactly(Map.entry("window", 100));
        assertThat(withWindow.with("window", 7).values()).containsExactly(Map.entry("window", 7));
        assertThat(withWindow.values()).containsExactly(Map.entry("window", 100));
    }

    @Test
    void valuesAreUnmodifiable() {
        assertThatThrownBy(() -> Spec.of("x").values().put("a", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Spec.of("x").with("a", 1).values().put("b", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyNumbersBooleansAndStringsAreValues() {
        Spec spec = Spec.of("x");
        assertThat(spec.with("a", 1.5).with("b", 2L).with("c", new BigDecimal("3")).values()).hasSize(3);
        assertThatThrownBy(() -> spec.with("window", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'window' of 'x' must be a number, boolean or string, got Duration");
        assertThatThrownBy(() -> spec.with("window", List.of(1))).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> spec.with("window", null))
                .hasMessage("parameter 'window' of 'x' must be a number, boolean or string, got null");
        assertThatThrownBy(() -> spec.with("c", 'c')).hasMessageEndingWith("got Character");
    }

    @Test
    void parameterNamesMustBeNonBlank() {
        assertThatThrownBy(() -> Spec.of("x").with(" ", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter name must be non-blank");
        assertThatThrownBy(() -> Spec.of("x").with(null, 1)).hasMessage("parameter name must be non-blank");
    }

    @Test
    void ofMapCopiesTheMapInItsIterationOrder() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("b", 1);
        raw.put("a", "two");
        Spec spec = Spec.of("x", raw);
        raw.put("c", 3);
        raw.put("a", "changed");
        assertThat(spec.values()).containsExactly(Map.entry("b", 1), Map.entry("a", "two"));
    }

    @Test
    void ofMapValidatesEveryValue() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("bad", new Object());
        assertThatThrownBy(() -> Spec.of("x", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'bad' of 'x'");
        assertThatThrownBy(() -> Spec.of("x", null)).isInstanceOf(NullPointerException.class).hasMessage("values");
        assertThatThrownBy(() -> Spec.of("Bad", Map.of())).hasMessageContaining("got 'Bad'");
    }

    @Test
    void equalsComparesIdAndValuesButNotTheirOrder() {
        Spec ab = Spec.of("x").with("a", 1).with("b", 2);
        Spec ba = Spec.of("x").with("b", 2).with("a", 1);
        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba).isNotEqualTo(null).isNotEqualTo("x");
        assertThat(ab).isNotEqualTo(Spec.of("y").with("a", 1).with("b", 2));
        assertThat(ab).isNotEqualTo(Spec.of("x").with("a", 1).with("b", 3));
        assertThat(ab).isNotEqualTo(Spec.of("x").with("a", 1));
        assertThat(Spec.of("x").with("a", 1)).as("Integer 1 and Long 1 are different raw values")
                .isNotEqualTo(Spec.of("x").with("a", 1L));
    }

    @Test
    void toStringShowsIdAndValues() {
        assertThat(Spec.of("zscore").with("window", 100).with("robust", true).toString())
                .isEqualTo("zscore{window=100, robust=true}");
        assertThat(Spec.of("mad").toString()).isEqualTo("mad{}");
    }
}
