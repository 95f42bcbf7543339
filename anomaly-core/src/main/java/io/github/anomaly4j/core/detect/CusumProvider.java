package io.github.anomaly4j.core.detect;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registers {@link CusumDetector} through the SPI, like any third-party plugin. */
@AutoService(DetectorProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic DetectorProvider<S> exactly
public final class CusumProvider extends CenterScaleProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public CusumProvider() {
    }

    @Override
    public String id() {
        return CusumDetector.ID;
    }

    @Override
    public String description() {
        return "two-sided tabular CUSUM of standardized readings (streaming: learns the in-control mean and "
                + "deviation on the fly; batch: the standardized deviation it accumulates)";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(CusumDetector.ALLOWANCE, CusumDetector.DECISION, ChartSettings.BASELINE,
                ChartSettings.WARM_UP);
    }

    @Override
    public Detector create(Settings settings) {
        return CusumDetector.builder().allowance(settings.get(CusumDetector.ALLOWANCE))
                .decision(settings.get(CusumDetector.DECISION)).baseline(settings.get(ChartSettings.BASELINE))
                .warmUp(settings.get(ChartSettings.WARM_UP)).build();
    }
}
