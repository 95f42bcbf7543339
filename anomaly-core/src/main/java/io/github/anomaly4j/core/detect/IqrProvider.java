package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Settings;

/** Registers {@link IqrDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic DetectorProvider<S> exactly
public final class IqrProvider extends CenterScaleProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public IqrProvider() {
    }

    @Override
    public String id() {
        return IqrDetector.ID;
    }

    @Override
    public String description() {
        return "Tukey fences: distance from the middle half in interquartile ranges, above k + 1/2 means outside "
                + "the k-fences (batch: training quartiles; streaming: a rolling window)";
    }

    @Override
    public Detector create(Settings settings) {
        return IqrDetector.builder().window(settings.get(RollingWindowSettings.WINDOW))
                .warmUp(settings.get(RollingWindowSettings.WARM_UP)).build();
    }
}
