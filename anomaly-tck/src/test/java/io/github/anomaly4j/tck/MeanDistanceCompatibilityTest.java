package io.github.anomaly4j.tck;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;

/** The kit passes on a correct plugin; this class is also the usage example in the kit's javadoc. */
class MeanDistanceCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new MeanDistanceProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return new MeanDistanceDetector(5); // no randomness: the seed is ignored
    }
}
