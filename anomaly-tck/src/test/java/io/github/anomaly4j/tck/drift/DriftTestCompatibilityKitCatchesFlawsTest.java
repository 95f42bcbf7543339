package io.github.anomaly4j.tck.drift;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.spi.DriftTestProvider;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The drift kit passes a correct minimal plugin (this class runs it in full through {@link Correct}) and fails
 * each flawed variant at the check that guards against the flaw.
 */
class DriftTestCompatibilityKitCatchesFlawsTest {

    /** The whole kit against the unflawed plugin. */
    static class Correct extends DriftTestCompatibilityKit {
        @Override
        protected DriftTestProvider provider() {
            return new StandardisedMeanShift.Provider(StandardisedMeanShift.Flaw.NONE);
        }

        @Override
        protected Symmetry symmetry() {
            return Symmetry.NONE;
        }
    }

    /** A flawed plugin's kit; expected to fail, so run only by the tests below, never by the engine. */
    @Disabled("expected to fail: run check by check by DriftTestCompatibilityKitCatchesFlawsTest")
    static final class Flawed extends DriftTestCompatibilityKit {
        private final StandardisedMeanShift.Flaw flaw;
        private final Symmetry symmetry;

        Flawed(StandardisedMeanShift.Flaw flaw, Symmetry symmetry) {
            this.flaw = flaw;
            this.symmetry = symmetry;
        }

        @Override
        protected DriftTestProvider provider() {
            return new StandardisedMeanShift.Provider(flaw);
        }

        @Override
        protected Symmetry symmetry() {
            return symmetry;
        }
    }

    static DriftTestCompatibilityKit flawed(StandardisedMeanShift.Flaw flaw, DriftTestCompatibilityKit.Symmetry s) {
        return new Flawed(flaw, s);
    }

    private final DriftTestCompatibilityKit correct = new Correct();

    @Test
    void acceptingNaNIsCaught() {
        DriftTestCompatibilityKit kit = flawed(StandardisedMeanShift.Flaw.ACCEPTS_NAN,
                DriftTestCompatibilityKit.Symmetry.NONE);
        assertThatThrownBy(kit::nullEmptyAndNonFiniteInputIsRefused).isInstanceOf(AssertionError.class);
        assertThatCode(correct::nullEmptyAndNonFiniteInputIsRefused).doesNotThrowAnyException();
    }

    @Test
    void sortingTheCallersArrayIsCaught() {
        DriftTestCompatibilityKit kit = flawed(StandardisedMeanShift.Flaw.SORTS_INPUT,
                DriftTestCompatibilityKit.Symmetry.NONE);
        assertThatThrownBy(kit::sameInputsGiveBitIdenticalResultsAndAreNotModified)
                .isInstanceOf(AssertionError.class);
        assertThatCode(correct::sameInputsGiveBitIdenticalResultsAndAreNotModified).doesNotThrowAnyException();
    }

    @Test
    void aWrongSampleSizeIsCaught() {
        DriftTestCompatibilityKit kit = flawed(StandardisedMeanShift.Flaw.WRONG_SIZE,
                DriftTestCompatibilityKit.Symmetry.NONE);
        assertThatThrownBy(kit::resultsAreValid).isInstanceOf(AssertionError.class);
        assertThatCode(correct::resultsAreValid).doesNotThrowAnyException();
    }

    @Test
    void aFalseClaimOfSymmetryIsCaught() {
        DriftTestCompatibilityKit kit = flawed(StandardisedMeanShift.Flaw.NONE,
                DriftTestCompatibilityKit.Symmetry.STATISTIC);
        assertThatThrownBy(kit::swappingTheSamplesKeepsWhatIsSymmetric).isInstanceOf(AssertionError.class);
    }
}
