package io.github.anomaly4j.drift;

import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.tck.drift.DriftTestCompatibilityKit;

/** Runs the drift test kit against {@link MannWhitneyTest}. */
class MannWhitneyCompatibilityTest extends DriftTestCompatibilityKit {

    @Override
    protected DriftTestProvider provider() {
        return new MannWhitneyTest.Provider();
    }

    @Override
    protected Symmetry symmetry() {
        return Symmetry.P_VALUE;
    }
}
