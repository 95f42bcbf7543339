package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import java.util.List;

/** The provider side the z-score and MAD detectors share: parameters, state record, restore. */
abstract class CenterScaleProvider implements DetectorProvider<CenterScaleState> {

    @Override
    public List<Parameter<?>> parameters() {
        return RollingWindowSettings.PARAMETERS;
    }

    @Override
    public final Class<CenterScaleState> stateType() {
        return CenterScaleState.class;
    }

    @Override
    public final AnomalyModel restore(CenterScaleState state) {
        return new CenterScaleModel(id(), state);
    }
}
