package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Settings;

/** Registers {@link MadDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic DetectorProvider<S> exactly
public final class MadProvider extends CenterScaleProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public MadProvider() {
    }

    @Override
    public String id() {
        return MadDetector.ID;
    }

    @Override
    public String description() {
        return "robust modified z-score: distance from the median in scaled MADs (batch: training statistics; "
                + "streaming: a rolling window)";
    }

    @Override
    public Detector create(Settings settings) {
        return MadDetector.builder().window(settings.get(RollingWindowSettings.WINDOW))
                .warmUp(settings.get(RollingWindowSettings.WARM_UP)).build();
    }
}
