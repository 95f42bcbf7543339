package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registers {@link ZScoreDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
public final class ZScoreProvider implements DetectorProvider<CenterScaleState> {

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
    public List<Parameter<?>> parameters() {
        return RollingWindowSettings.PARAMETERS;
    }

    @Override
    public Detector create(Settings settings) {
        return ZScoreDetector.builder().window(settings.get(RollingWindowSettings.WINDOW))
                .warmUp(settings.get(RollingWindowSettings.WARM_UP)).build();
    }

    @Override
    public Class<CenterScaleState> stateType() {
        return CenterScaleState.class;
    }

    @Override
    public AnomalyModel restore(CenterScaleState state) {
        return new CenterScaleModel(ZScoreDetector.ID, state);
    }
}
