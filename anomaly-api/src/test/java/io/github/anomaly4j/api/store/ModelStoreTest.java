package io.github.anomaly4j.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelStoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "7", "pump-3", "sensor_01.v2", "A.b_c-d", "a..b", "model.json", "x-"})
    void validNamesAreReturnedUnchanged(String name) {
        assertThat(ModelStore.requireValidName(name)).isSameAs(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "..", ".", "a/b", "/abs", "a\\b", "..\\x", ".hidden", "-x", "_x",
            "a b", " a", "a\n", "a:b", "a*b", "caf\u00e9", "a\u0000b", "\u0661"})
    void invalidNamesAreRefusedQuotingTheName(String name) {
        assertThatThrownBy(() -> ModelStore.requireValidName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model name must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}, got '" + name + "'");
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> ModelStore.requireValidName(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got null");
    }

    @Test
    void namesAreAtMost128Characters() {
        String longest = "a".repeat(128);
        assertThat(ModelStore.requireValidName(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> ModelStore.requireValidName("a".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
