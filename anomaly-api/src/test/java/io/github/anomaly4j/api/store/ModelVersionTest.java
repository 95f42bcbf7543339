package io.github.anomaly4j.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVersionTest {

    private static final String SHA = "0123456789abcdef".repeat(4);
    private static final Instant WHEN = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void carriesEveryComponent() {
        ModelVersion v = new ModelVersion("pump-3", 2, SHA, 1234, WHEN, Map.of("detector", "zscore"), true);
        assertThat(v.name()).isEqualTo("pump-3");
        assertThat(v.version()).isEqualTo(2);
        assertThat(v.sha256()).isEqualTo(SHA).hasSize(64);
        assertThat(v.sizeBytes()).isEqualTo(1234);
        assertThat(v.published()).isEqualTo(WHEN);
        assertThat(v.provenance()).containsExactly(Map.entry("detector", "zscore"));
        assertThat(v.active()).isTrue();
    }

    @Test
    void provenanceIsCopiedAndUnmodifiable() {
        Map<String, String> provenance = new HashMap<>(Map.of("trainedOn", "2024-04"));
        ModelVersion v = new ModelVersion("m", 1, SHA, 1, WHEN, provenance, false);
        provenance.put("extra", "x");
        provenance.put("trainedOn", "changed");
        assertThat(v.provenance()).containsExactly(Map.entry("trainedOn", "2024-04"));
        assertThatThrownBy(() -> v.provenance().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void versionStartsAtOne() {
        assertThat(new ModelVersion("m", 1, SHA, 1, WHEN, Map.of(), false).version()).isEqualTo(1);
        assertThatThrownBy(() -> new ModelVersion("m", 0, SHA, 1, WHEN, Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version must be at least 1, got 0");
    }

    @Test
    void sha256MustBe64LowerCaseHexDigits() {
        assertThatThrownBy(() -> new ModelVersion("m", 1, SHA.toUpperCase(), 1, WHEN, Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sha256 must be 64 lower-case hex digits, got '" + SHA.toUpperCase() + "'");
        assertThatThrownBy(() -> new ModelVersion("m", 1, SHA.substring(1), 1, WHEN, Map.of(), false))
                .hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> new ModelVersion("m", 1, SHA + "0", 1, WHEN, Map.of(), false))
                .hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> new ModelVersion("m", 1, SHA.replace('a', 'g'), 1, WHEN, Map.of(), false))
                .hasMessageContaining("64 lower-case hex digits");
    }

    @Test
    void requiredComponentsAreNamedWhenNull() {
        assertThatThrownBy(() -> new ModelVersion(null, 1, SHA, 1, WHEN, Map.of(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new ModelVersion("m", 1, null, 1, WHEN, Map.of(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("sha256");
        assertThatThrownBy(() -> new ModelVersion("m", 1, SHA, 1, null, Map.of(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("published");
        assertThatThrownBy(() -> new ModelVersion("m", 1, SHA, 1, WHEN, null, false))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalityCoversEveryComponent() {
        ModelVersion v = new ModelVersion("m", 1, SHA, 10, WHEN, Map.of("a", "b"), false);
        assertThat(v).isEqualTo(new ModelVersion("m", 1, SHA, 10, WHEN, Map.of("a", "b"), false))
                .hasSameHashCodeAs(new ModelVersion("m", 1, SHA, 10, WHEN, Map.of("a", "b"), false));
        assertThat(v).isNotEqualTo(new ModelVersion("m", 1, SHA, 10, WHEN, Map.of("a", "b"), true));
        assertThat(v).isNotEqualTo(new ModelVersion("m", 2, SHA, 10, WHEN, Map.of("a", "b"), false));
        assertThat(v).isNotEqualTo(new ModelVersion("m", 1, SHA, 10, WHEN, Map.of("a", "c"), false));
        assertThat(v).isNotEqualTo(new ModelVersion("m", 1, SHA, 10, WHEN.plusSeconds(1), Map.of("a", "b"), false));
    }
}
