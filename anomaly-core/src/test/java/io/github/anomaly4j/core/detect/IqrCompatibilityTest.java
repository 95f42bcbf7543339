package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The built-in Iqr detector passes the same kit as any third-party plugin. */
class IqrCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new IqrProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return IqrDetector.builder().window(50).warmUp(10).build(); // deterministic: no randomness to seed
    }
}
