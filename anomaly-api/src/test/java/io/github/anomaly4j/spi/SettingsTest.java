package io.github.anomaly4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 50, 2, 1000, "readings per window");
    static final Parameter<Double> QUANTILE = Parameter.real("quantile", 0.99, 0.5, 1.0, "threshold quantile");
    static final Parameter<Boolean> ROBUST = Parameter.bool("robust", false, "use median and MAD");
    static final Parameter<String> MODE = Parameter.choice("mode", "fast", List.of("fast", "exact"), "algorithm");
    static final List<Parameter<?>> PARAMETERS = List.of(WINDOW, QUANTILE, ROBUST, MODE);

    @Test
    void fillsDefaultsForUnsetParameters() {
        Settings s = Settings.resolve(Spec.of("zscore"), PARAMETERS);
        assertThat(s.get(WINDOW)).isEqualTo(50);
        assertThat(s.get(QUANTILE)).isEqualTo(0.99);
        assertThat(s.get(ROBUST)).isFalse();
        assertThat(s.get(MODE)).isEqualTo("fast");
    }

    @Test
    void tellsANamedParameterFromAFilledInDefault() {
        Settings s = Settings.resolve(Spec.of("zscore").with("window", 50), PARAMETERS);
        assertThat(s.given(WINDOW)).isTrue(); // named, even though equal to the default
        assertThat(s.given(QUANTILE)).isFalse();
        assertThat(s.get(QUANTILE)).isEqualTo(0.99);
        assertThatThrownBy(() -> s.given(Parameter.integer("other", 1, 0, 2, "not declared")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter 'other'");
    }

    @Test
    void convertsGivenValuesToTheirTypes() {
        Settings s = Settings.resolve(Spec.of("zscore").with("window", "100").with("quantile", 1)
                .with("robust", "TRUE").with("mode", "exact"), PARAMETERS);
        assertThat(s.get(WINDOW)).isEqualTo(100);
        assertThat(s.get(QUANTILE)).isEqualTo(1.0);
        assertThat(s.get(ROBUST)).isTrue();
        assertThat(s.get(MODE)).isEqualTo("exact");
    }

    @Test
    void specIsCompleteTypedAndInDeclarationOrder() {
        Settings s = Settings.resolve(Spec.of("zscore").with("mode", "exact").with("window", 100.0), PARAMETERS);
        assertThat(s.spec().id()).isEqualTo("zscore");
        assertThat(s.spec().values()).containsExactly(Map.entry("window", 100), Map.entry("quantile", 0.99),
                Map.entry("robust", false), Map.entry("mode", "exact"));
        assertThat(s.spec().values().get("window")).isInstanceOf(Integer.class);
        assertThat(s).hasToString("zscore{window=100, quantile=0.99, robust=false, mode=exact}");
    }

    @Test
    void specRoundTripsToTheSameSettings() {
        Settings first = Settings.resolve(Spec.of("zscore").with("window", 100L).with("robust", "true"), PARAMETERS);
        Settings again = Settings.resolve(first.spec(), PARAMETERS);
        assertThat(again.spec()).isEqualTo(first.spec());
        assertThat(again.get(WINDOW)).isEqualTo(100);
        assertThat(again.get(ROBUST)).isTrue();
    }

    @Test
    void unknownParameterIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Settings.resolve(Spec.of("zscore").with("windw", 10), PARAMETERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'windw' for 'zscore'; its parameters are "
                        + "[window, quantile, robust, mode]");
    }

    @Test
    void unknownParameterOfAPluginWithoutParametersSaysSo() {
        assertThatThrownBy(() -> Settings.resolve(Spec.of("identity").with("x", 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'x' for 'identity'; its parameters are (none)");
    }

    @Test
    void invalidValueIsRefusedWithTheParametersMessage() {
        assertThatThrownBy(() -> Settings.resolve(Spec.of("zscore").with("window", 100.5), PARAMETERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'window' must be a whole number, got 100.5");
        assertThatThrownBy(() -> Settings.resolve(Spec.of("zscore").with("quantile", 2), PARAMETERS))
                .hasMessage("parameter 'quantile' must be in [0.5, 1.0], got 2");
    }

    @Test
    void duplicateParameterDeclarationIsAPluginBug() {
        Parameter<Integer> again = Parameter.integer("window", 10, 1, 20, "another window");
        assertThatThrownBy(() -> Settings.resolve(Spec.of("broken"), List.of(WINDOW, ROBUST, again)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("plugin 'broken' declares parameter 'window' twice");
    }

    @Test
    void requiredParameterWithoutValueIsRefusedWithItsDescription() {
        Parameter<String> metric = Parameter.choice("metric", null, List.of("l1", "l2"), "distance metric");
        assertThatThrownBy(() -> Settings.resolve(Spec.of("knn"), List.of(metric)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'metric' of 'knn' is required: distance metric");
        assertThat(Settings.resolve(Spec.of("knn").with("metric", "l2"), List.of(metric)).get(metric))
                .isEqualTo("l2");
    }

    @Test
    void getOfAnUndeclaredParameterListsTheDeclaredOnes() {
        Settings s = Settings.resolve(Spec.of("zscore"), List.of(WINDOW, ROBUST));
        assertThatThrownBy(() -> s.get(MODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'zscore' has no parameter 'mode'; its parameters are [window, robust]");
    }

    @Test
    void noParametersGiveAnEmptySpec() {
        Settings s = Settings.resolve(Spec.of("identity"), List.of());
        assertThat(s.spec()).isEqualTo(Spec.of("identity"));
    }
}
