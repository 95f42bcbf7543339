package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The built-in Ewma detector passes the same kit as any third-party plugin. */
class EwmaCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new EwmaProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return EwmaDetector.builder().lambda(0.3).baseline(50).warmUp(10)
                .build(); // deterministic: no randomness to seed
    }
}
