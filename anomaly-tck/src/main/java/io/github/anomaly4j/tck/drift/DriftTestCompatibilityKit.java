package io.github.anomaly4j.tck.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for drift test plugins: every drift test plugin's test extends it, names its provider and
 * the symmetry its test has, and inherits the checks below.
 *
 * <pre>{@code
 * class KolmogorovSmirnovCompatibilityTest extends DriftTestCompatibilityKit {
 *     protected DriftTestProvider provider() { return new KolmogorovSmirnovTest.Provider(); }
 *     protected Symmetry symmetry() { return Symmetry.STATISTIC_AND_P_VALUE; }
 * }
 * }</pre>
 *
 * <h2>What it checks</h2>
 * <ul>
 *   <li>the provider id is valid, its description is not blank, its parameters have distinct names and defaults
 *       that {@link Settings#resolve} accepts; the test it creates from the defaults has the provider's id;</li>
 *   <li>{@code null}, empty, NaN and infinite input in either sample is refused with an
 *       {@link IllegalArgumentException} whose message names the sample ("reference" or "current");</li>
 *   <li>identical samples (random, and constant) are not drift, and a p-value there is at least 0.2;</li>
 *   <li>a shift of three standard deviations between two samples of 500 is drift;</li>
 *   <li>results are valid: the test's id, the sample sizes, a finite statistic, a p-value in [0, 1] or NaN,
 *       a finite level, {@code drift} consistent with a p-value below the level for tests that have one;</li>
 *   <li>the same inputs give bit-identical results, and the inputs are not modified;</li>
 *   <li>symmetry as declared: swapping the samples keeps the statistic and/or the p-value (to 1e-12 relative);</li>
 *   <li>samples of one value each give a valid result or a clear {@link IllegalArgumentException}.</li>
 * </ul>
 */
public abstract class DriftTestCompatibilityKit {

    /** Which parts of a result survive swapping the two samples. */
    public enum Symmetry {
        /** Neither (the test bins or scales by the reference sample). */
        NONE,
        /** The p-value only (e.g. Mann-Whitney U, whose statistic is the reference sample's U). */
        P_VALUE,
        /** The statistic only (e.g. a distance whose decision scales by the reference). */
        STATISTIC,
        /** Statistic and p-value. */
        STATISTIC_AND_P_VALUE
    }

    /** @return the provider under test */
    protected abstract DriftTestProvider provider();

    /** @return what survives swapping the samples */
    protected abstract Symmetry symmetry();

    /** @return the test with default settings */
    protected DriftTest defaultTest() {
        DriftTestProvider p = provider();
        return p.create(Settings.resolve(Spec.of(p.id()), p.parameters()));
    }

    /**
     * @param seed the seed
     * @param n sample size
     * @param shift added to every value
     * @return standard normal values (Box-Muller on a {@link SplittableRandom}) plus the shift
     */
    protected static double[] normal(long seed, int n, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            x[i] = shift + Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    @Test
    void providerDescribesItself() {
        DriftTestProvider p = provider();
        assertThat(Spec.requireValidId(p.id())).isEqualTo(p.id());
        assertThat(p.description()).isNotBlank();
        assertThat(p.parameters()).isNotNull().doesNotContainNull();
        Set<String> names = new HashSet<>();
        for (Parameter<?> parameter : p.parameters()) {
            assertThat(names.add(parameter.name())).as("parameter %s is declared once", parameter.name()).isTrue();
            assertThat(parameter.defaultValue()).as("default of %s", parameter.name()).isNotNull();
        }
        assertThat(defaultTest().id()).isEqualTo(p.id());
    }

    @Test
    void nullEmptyAndNonFiniteInputIsRefused() {
        DriftTest t = defaultTest();
        double[] good = normal(1, 50, 0);
        double[][] bad = {null, {}, {1, Double.NaN, 2}, {1, Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY}};
        for (double[] b : bad) {
            assertThatThrownBy(() -> t.test(b, good)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reference");
            assertThatThrownBy(() -> t.test(good, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("current");
        }
    }

    @Test
    void identicalSamplesAreNotDrift() {
        DriftTest t = defaultTest();
        double[] x = normal(2, 300, 0);
        assertNoDrift(t.test(x, x.clone()));
        double[] constant = new double[100];
        java.util.Arrays.fill(constant, 4.25);
        assertNoDrift(t.test(constant, constant.clone()));
    }

    private static void assertNoDrift(DriftResult r) {
        assertThat(r.drift()).as("drift on identical samples: %s", r).isFalse();
        if (r.hasPValue()) {
            assertThat(r.pValue()).as("p-value on identical samples").isGreaterThanOrEqualTo(0.2);
        }
    }

    @Test
    void aLargeShiftIsDrift() {
        DriftResult r = defaultTest().test(normal(3, 500, 0), normal(4, 500, 3));
        assertThat(r.drift()).as("drift after a 3-sigma shift: %s", r).isTrue();
    }

    @Test
    void resultsAreValid() {
        DriftTest t = defaultTest();
        for (int trial = 0; trial < 5; trial++) {
            double[] a = normal(10 + trial, 120 + trial, 0);
            double[] b = normal(20 + trial, 80 + 7 * trial, 0.3 * trial);
            DriftResult r = t.test(a, b);
            assertThat(r.test()).isEqualTo(t.id());
            assertThat(r.referenceSize()).isEqualTo(a.length);
            assertThat(r.currentSize()).isEqualTo(b.length);
            assertThat(r.statistic()).isFinite();
            assertThat(r.level()).isFinite();
            if (r.hasPValue()) {
                assertThat(r.pValue()).isBetween(0.0, 1.0);
                assertThat(r.drift()).as("drift iff p < level: %s", r).isEqualTo(r.pValue() < r.level());
            }
        }
    }

    @Test
    void sameInputsGiveBitIdenticalResultsAndAreNotModified() {
        DriftTest t = defaultTest();
        double[] a = normal(5, 200, 0);
        double[] b = normal(6, 150, 0.2);
        double[] a0 = a.clone();
        double[] b0 = b.clone();
        DriftResult first = t.test(a, b);
        DriftResult second = defaultTest().test(a, b);
        assertThat(a).containsExactly(a0);
        assertThat(b).containsExactly(b0);
        assertThat(Double.doubleToRawLongBits(second.statistic()))
                .isEqualTo(Double.doubleToRawLongBits(first.statistic()));
        assertThat(Double.doubleToRawLongBits(second.pValue())).isEqualTo(Double.doubleToRawLongBits(first.pValue()));
        assertThat(second.drift()).isEqualTo(first.drift());
    }

    @Test
    void swappingTheSamplesKeepsWhatIsSymmetric() {
        Symmetry s = symmetry();
        assumeTrue(s != Symmetry.NONE, "the test declares no symmetry");
        DriftTest t = defaultTest();
        double[] a = normal(7, 200, 0);
        double[] b = normal(8, 170, 0.25);
        DriftResult ab = t.test(a, b);
        DriftResult ba = t.test(b, a);
        if (s == Symmetry.STATISTIC || s == Symmetry.STATISTIC_AND_P_VALUE) {
            assertThat(ba.statistic()).isCloseTo(ab.statistic(),
                    org.assertj.core.api.Assertions.within(Math.abs(ab.statistic()) * 1e-12 + 1e-15));
        }
        if (s == Symmetry.P_VALUE || s == Symmetry.STATISTIC_AND_P_VALUE) {
            assertThat(ba.pValue()).isCloseTo(ab.pValue(),
                    org.assertj.core.api.Assertions.within(ab.pValue() * 1e-12 + 1e-15));
        }
    }

    @Test
    void onePointSamplesGiveAResultOrAClearRefusal() {
        DriftTest t = defaultTest();
        Throwable thrown = catchThrowable(() -> {
            DriftResult r = t.test(new double[] {1.0}, new double[] {2.0});
            assertThat(r.statistic()).isFinite();
            assertThat(r.referenceSize()).isEqualTo(1);
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).isNotBlank();
        }
    }
}
