package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The built-in Cusum detector passes the same kit as any third-party plugin. */
class CusumCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new CusumProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return CusumDetector.builder().baseline(50).warmUp(10).build(); // deterministic: no randomness to seed
    }
}
