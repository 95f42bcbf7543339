package io.github.anomaly4j.iforest;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The extended forest passes the kit too (on one column, level 1 is capped to 0, the classic forest). */
class ExtendedIsolationForestCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new IsolationForestProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return IsolationForest.builder().trees(50).sampleSize(64).seed(seed).extensionLevel(1).window(128)
                .updateEvery(5).build();
    }
}
