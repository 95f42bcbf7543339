package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The built-in WindowedGaussian detector passes the same kit as any third-party plugin. */
class WindowedGaussianCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new WindowedGaussianProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return WindowedGaussianDetector.builder().window(50).step(5).warmUp(3)
                .build(); // deterministic: no randomness to seed
    }
}
