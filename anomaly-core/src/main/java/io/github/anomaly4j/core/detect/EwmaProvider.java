package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registers {@link EwmaDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic DetectorProvider<S> exactly
public final class EwmaProvider extends CenterScaleProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public EwmaProvider() {
    }

    @Override
    public String id() {
        return EwmaDetector.ID;
    }

    @Override
    public String description() {
        return "EWMA control chart: standardized exponentially weighted moving average (streaming: learns the "
                + "in-control mean and deviation on the fly; batch: the chart's first step)";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(EwmaDetector.LAMBDA, ChartSettings.BASELINE, ChartSettings.WARM_UP);
    }

    @Override
    public Detector create(Settings settings) {
        return EwmaDetector.builder().lambda(settings.get(EwmaDetector.LAMBDA))
                .baseline(settings.get(ChartSettings.BASELINE)).warmUp(settings.get(ChartSettings.WARM_UP)).build();
    }
}
