package io.github.anomaly4j.iforest;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The streaming forest with insertion scoring passes the kit too (snapshots carry the trees' subsamples). */
class InsertionScoringCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new IsolationForestProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return IsolationForest.builder().trees(30).sampleSize(64).seed(seed).window(128).updateEvery(6)
                .streamScoring(IsolationForest.INSERTION).build();
    }
}
