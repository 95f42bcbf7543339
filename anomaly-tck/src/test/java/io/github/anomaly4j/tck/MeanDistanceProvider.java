package io.github.anomaly4j.tck;

import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Provides {@link MeanDistanceDetector}. */
final class MeanDistanceProvider implements DetectorProvider<MeanDistanceState> {

    @Override
    public String id() {
        return MeanDistanceDetector.ID;
    }

    @Override
    public String description() {
        return "largest distance of a feature from its training mean";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MeanDistanceDetector.WARM_UP);
    }

    @Override
    public Detector create(Settings settings) {
        return new MeanDistanceDetector(settings.get(MeanDistanceDetector.WARM_UP));
    }

    @Override
    public Class<MeanDistanceState> stateType() {
        return MeanDistanceState.class;
    }

    @Override
    public AnomalyModel restore(MeanDistanceState state) {
        return new MeanDistanceModel(state);
    }
}
