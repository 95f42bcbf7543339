package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registers {@link WindowedGaussianDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
public final class WindowedGaussianProvider implements DetectorProvider<CenterScaleState> {

    /** Used by {@link java.util.ServiceLoader}. */
    public WindowedGaussianProvider() {
    }

    @Override
    public String id() {
        return WindowedGaussianDetector.ID;
    }

    @Override
    public String description() {
        return "NAB's windowedGaussian: one minus the normal tail probability of a reading's distance from a "
                + "window's mean (streaming: NAB's sliding window; batch: the last window of training rows)";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WindowedGaussianDetector.WINDOW, WindowedGaussianDetector.STEP,
                WindowedGaussianDetector.WARM_UP);
    }

    @Override
    public Detector create(Settings settings) {
        return WindowedGaussianDetector.builder().window(settings.get(WindowedGaussianDetector.WINDOW))
                .step(settings.get(WindowedGaussianDetector.STEP))
                .warmUp(settings.get(WindowedGaussianDetector.WARM_UP)).build();
    }

    @Override
    public Class<CenterScaleState> stateType() {
        return CenterScaleState.class;
    }

    @Override
    public AnomalyModel restore(CenterScaleState state) {
        return new GaussianTailModel(state);
    }
}
