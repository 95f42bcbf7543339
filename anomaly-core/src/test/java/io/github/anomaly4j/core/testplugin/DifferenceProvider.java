package io.github.anomaly4j.core.testplugin;

import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.FeatureTransformProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import java.util.List;

/** Registered through src/test/resources/META-INF/services, as a third-party plugin would be. */
public final class DifferenceProvider implements FeatureTransformProvider<DifferenceTransform.State> {
    static final Parameter<Double> FACTOR = Parameter.real("factor", 1.0, 1e-9, 1e9, "multiplies the difference");

    @Override
    public String id() {
        return DifferenceTransform.ID;
    }

    @Override
    public String description() {
        return "first difference (test plugin)";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(FACTOR);
    }

    @Override
    public FeatureTransform create(Settings settings) {
        return new DifferenceTransform(settings.get(FACTOR));
    }

    @Override
    public Class<DifferenceTransform.State> stateType() {
        return DifferenceTransform.State.class;
    }

    @Override
    public FeatureTransform restore(DifferenceTransform.State state) {
        return new DifferenceTransform(state.factor());
    }
}
