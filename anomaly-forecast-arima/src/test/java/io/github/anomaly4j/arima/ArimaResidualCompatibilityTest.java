package io.github.anomaly4j.arima;

import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.tck.DetectorCompatibilityKit;

/** The {@code arima-residual} detector (fixed ARIMA(1,0,0) with mean, refit every 50) against the detector kit. */
class ArimaResidualCompatibilityTest extends DetectorCompatibilityKit {

    @Override
    protected DetectorProvider<?> provider() {
        return new ArimaResidualProvider();
    }

    @Override
    protected Detector detector(long seed) {
        return ArimaResidualDetector.of(ArimaOrder.of(1, 0, 0).withMean(true), 128, 50, 32);
    }
}
