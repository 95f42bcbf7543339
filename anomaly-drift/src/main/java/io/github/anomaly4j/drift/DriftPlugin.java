package io.github.anomaly4j.drift;

import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Parameter;
import java.util.List;

/**
 * What the drift tests' providers share: the id, the description and the parameter list are fixed at
 * construction; a provider supplies only {@link #create(io.github.anomaly4j.spi.Settings)}.
 */
abstract class DriftPlugin implements DriftTestProvider {
    private final String id;
    private final String description;
    private final List<Parameter<?>> parameters;

    DriftPlugin(String id, String description, Parameter<?>... parameters) {
        this.id = id;
        this.description = description;
        this.parameters = List.of(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<Parameter<?>> parameters() {
        return parameters;
    }
}
