package io.github.anomaly4j.iforest;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The isolation forest passes the detector kit, batch and streaming. */
class IsolationForestCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new IsolationForestProvider();
    }

    @Override
    protected Detector detector(long seed) {
        // a small streaming sample keeps the kit's streams short; the batch forest has the usual shape
        return IsolationForest.builder().trees(100).sampleSize(64).seed(seed).window(128).updateEvery(5).build();
    }
}
