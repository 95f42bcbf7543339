package io.github.anomaly4j.drift;

import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.tck.drift.DriftTestCompatibilityKit;

/** Runs the drift test kit against {@link KolmogorovSmirnovTest}. */
// snippet:begin drift-kit
class KolmogorovSmirnovCompatibilityTest extends DriftTestCompatibilityKit {

    @Override
    protected DriftTestProvider provider() {
        return new KolmogorovSmirnovTest.Provider();
    }

    @Override
    protected Symmetry symmetry() {
        return Symmetry.STATISTIC_AND_P_VALUE;
    }
}
// snippet:end drift-kit
