package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Spec;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Builds one feature transform. Each setting may be given once and is checked at once: a setting the transform
 * does not have, or a value out of range, is an {@link IllegalArgumentException} naming the parameter and what is
 * allowed. Unset settings take their defaults. Obtain one from {@link Features#builder(String)}.
 *
 * <pre>{@code
 * FeatureTransform p90 = Features.builder("rolling-quantile").window(120).quantile(0.9).build();
 * }</pre>
 */
public final class FeatureBuilder {
    private final List<Parameter<?>> parameters;
    private Spec spec;

    FeatureBuilder(String id) {
        this.parameters = Catalog.parameters(Objects.requireNonNull(id, "id"));
        this.spec = Spec.of(id);
    }

    private FeatureBuilder set(String name, Object value) {
        Parameter<?> parameter = null;
        for (Parameter<?> p : parameters) {
            if (p.name().equals(name)) {
                parameter = p;
            }
        }
        if (parameter == null) {
            throw new IllegalArgumentException("'" + spec.id() + "' has no parameter '" + name + "'; its parameters "
                    + "are " + parameters.stream().map(Parameter::name).toList());
        }
        if (spec.values().containsKey(name)) {
            throw new IllegalStateException(name + " was already set to " + spec.values().get(name));
        }
        spec = spec.with(name, parameter.convert(value));
        return this;
    }

    /**
     * @param window readings in the rolling window
     * @return this builder
     */
    public FeatureBuilder window(int window) {
        return set("window", window);
    }

    /**
     * @param lag readings back
     * @return this builder
     */
    public FeatureBuilder lag(int lag) {
        return set("lag", lag);
    }

    /**
     * @param order how many times to difference
     * @return this builder
     */
    public FeatureBuilder order(int order) {
        return set("order", order);
    }

    /**
     * @param quantile the probability, in [0, 1]
     * @return this builder
     */
    public FeatureBuilder quantile(double quantile) {
        return set("quantile", quantile);
    }

    /**
     * @param alpha the weight of the newest reading, in (0, 1]
     * @return this builder
     */
    public FeatureBuilder alpha(double alpha) {
        return set("alpha", alpha);
    }

    /**
     * Sets alpha from a half-life: the weight of a reading halves every {@code readings} readings.
     *
     * @param readings the half-life in readings, positive
     * @return this builder
     */
    public FeatureBuilder halfLife(double readings) {
        if (!(readings > 0.0 && readings < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("halfLife must be a positive number of readings, got " + readings);
        }
        return set("alpha", -Math.expm1(-Math.log(2.0) / readings));
    }

    /**
     * @param zone the time zone of the calendar
     * @return this builder
     */
    public FeatureBuilder zone(ZoneId zone) {
        return set("zone", Objects.requireNonNull(zone, "zone").getId());
    }

    /** @return the transform */
    public FeatureTransform build() {
        return Catalog.create(spec);
    }
}
