package io.github.anomaly4j.drift;

import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.tck.drift.DriftTestCompatibilityKit;

/** Runs the drift test kit against {@link AndersonDarlingTest}. */
class AndersonDarlingCompatibilityTest extends DriftTestCompatibilityKit {

    @Override
    protected DriftTestProvider provider() {
        return new AndersonDarlingTest.Provider();
    }

    @Override
    protected Symmetry symmetry() {
        return Symmetry.STATISTIC_AND_P_VALUE;
    }
}
