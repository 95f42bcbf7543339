package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Settings;

/** Registers {@link ZScoreDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic DetectorProvider<S> exactly
public final class ZScoreProvider extends CenterScaleProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public ZScoreProvider() {
    }

    @Override
    public String id() {
        return ZScoreDetector.ID;
    }

    @Override
    public String description() {
        return "z-score: distance from the mean in standard deviations (batch: training statistics; streaming: "
                + "a rolling window)";
    }

    @Override
    public Detector create(Settings settings) {
        return ZScoreDetector.builder().window(settings.get(RollingWindowSettings.WINDOW))
                .warmUp(settings.get(RollingWindowSettings.WARM_UP)).build();
    }
}
