package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.UnknownPluginException;
import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.spi.Spec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facade finds every plugin by id, applies parameters and refuses unknown ids and bad values. */
class DriftFacadeTest {

    @Test
    void quickStart() {
        double[] reference = SeededSamples.normal(11, 1000, 0);
        double[] current = SeededSamples.normal(12, 1000, 0.3);
        // snippet:begin drift-tests
        DriftResult ks = Drift.ks().test(reference, current);         // statistic, p-value, decision at 0.05
        DriftResult psi = Drift.test("psi", Map.of("bins", 10, "threshold", 0.1)).test(reference, current);
        if (ks.drift()) {
            System.out.printf("KS D=%.3f p=%.2g, PSI=%.3f%n", ks.statistic(), ks.pValue(), psi.statistic());
        }
        // snippet:end drift-tests
        assertThat(ks.drift()).isTrue();
        assertThat(ks.pValue()).isLessThan(1e-6);
        assertThat(psi.hasPValue()).isFalse();
        assertThat(psi.statistic()).isPositive();
    }

    @Test
    void everyTestIsFoundById() {
        assertThat(Drift.providers().keySet()).containsExactlyInAnyOrder("ks", "psi", "chi2", "js", "wasserstein",
                "mannwhitney", "anderson");
        for (String id : Drift.providers().keySet()) {
            assertThat(Drift.test(id).id()).isEqualTo(id);
            // the core facade finds the same plugins through its own registry
            assertThat(Anomaly.driftTest(Spec.of(id)).id()).isEqualTo(id);
        }
    }

    @Test
    void parametersAreApplied() {
        double[] a = SeededSamples.normal(1, 400, 0);
        double[] b = SeededSamples.normal(2, 400, 0.15);
        DriftResult strict = Drift.test("psi", Map.of("threshold", 1e-6)).test(a, b);
        DriftResult lax = Drift.test("psi", Map.of("threshold", 10.0)).test(a, b);
        assertThat(strict.drift()).isTrue();
        assertThat(lax.drift()).isFalse();
        assertThat(strict.level()).isEqualTo(1e-6);
        DriftResult exact = Drift.test("ks", Map.of("method", "exact")).test(a, b);
        DriftResult asymptotic = Drift.test("ks", Map.of("method", "asymptotic")).test(a, b);
        assertThat(exact.statistic()).isEqualTo(asymptotic.statistic());
        assertThat(exact.pValue()).isNotEqualTo(asymptotic.pValue());
        assertThat(Drift.test("chi2", Map.of("binning", "categorical")).test(new double[] {1, 1, 2, 3},
                new double[] {1, 2, 2, 3, 3, 3}).statistic()).isGreaterThan(0);
    }

    @Test
    void unknownIdsAndBadParametersAreRefused() {
        assertThatThrownBy(() -> Drift.test("nope")).isInstanceOf(UnknownPluginException.class)
                .hasMessageContaining("ks");
        assertThatThrownBy(() -> Drift.test("ks", Map.of("alpha", 2.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> Drift.test("ks", Map.of("method", "fast")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
        assertThatThrownBy(() -> KolmogorovSmirnovTest.create(0, KolmogorovSmirnovTest.Method.AUTO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> PopulationStabilityIndex.create(1, 0.2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bins");
        assertThatThrownBy(() -> AndersonDarlingTest.create().test(new double[] {1}, new double[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
    }

    @Test
    void categoricalChiSquaredMatchesAHandComputedTable() {
        // table [[2,1,1],[1,2,3]]: expected = row * col / 10
        double[] stat = ChiSquaredTest.contingency(new long[] {2, 1, 1}, new long[] {1, 2, 3});
        double expected = 0;
        long[][] o = {{2, 1, 1}, {1, 2, 3}};
        double[] rows = {4, 6};
        double[] cols = {3, 3, 4};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                double e = rows[r] * cols[c] / 10;
                expected += (o[r][c] - e) * (o[r][c] - e) / e;
            }
        }
        assertThat(stat[0]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(stat[2]).isEqualTo(2);
        // chi-squared with 2 dof: survival is exp(-x/2)
        assertThat(stat[1]).isCloseTo(Math.exp(-expected / 2), org.assertj.core.api.Assertions.within(1e-14));
    }
}
