package io.github.anomaly4j.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Spec} checked against a plugin's parameters: every value converted and in range, every default filled
 * in. Providers receive settings, never raw specs, so they cannot forget to validate. Immutable.
 */
public final class Settings {
    private final Spec spec;
    private final Map<String, Object> values;
    private final java.util.Set<String> given;

    private Settings(Spec spec, Map<String, Object> values, java.util.Set<String> given) {
        this.spec = spec;
        this.values = values;
        this.given = given;
    }

    /**
     * Validates a spec.
     *
     * @param spec the raw spec
     * @param parameters the plugin's declared parameters
     * @return the settings
     * @throws IllegalArgumentException for an unknown parameter (listing the known ones), a wrong type, or a value
     *     out of range
     */
    public static Settings resolve(Spec spec, List<Parameter<?>> parameters) {
        Map<String, Parameter<?>> byName = new LinkedHashMap<>();
        for (Parameter<?> p : parameters) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("plugin '" + spec.id() + "' declares parameter '" + p.name()
                        + "' twice");
            }
        }
        for (String name : spec.values().keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' for '" + spec.id()
                        + "'; its parameters are " + (byName.isEmpty() ? "(none)" : byName.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Spec full = Spec.of(spec.id());
        for (Parameter<?> p : parameters) {
            Object raw = spec.values().get(p.name());
            Object value = raw == null ? p.defaultValue() : p.convert(raw);
            if (value == null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' of '" + spec.id()
                        + "' is required: " + p.description());
            }
            values.put(p.name(), value);
            full = full.with(p.name(), value);
        }
        return new Settings(full, values, java.util.Set.copyOf(spec.values().keySet()));
    }

    /**
     * @param parameter one of the plugin's parameters
     * @param <T> its type
     * @return its value
     */
    public <T> T get(Parameter<T> parameter) {
        Object v = values.get(parameter.name());
        if (v == null) {
            throw new IllegalArgumentException("'" + spec.id() + "' has no parameter '" + parameter.name()
                    + "'; its parameters are " + new ArrayList<>(values.keySet()));
        }
        return parameter.type().cast(v);
    }

    /**
     * Whether the spec named a parameter, as opposed to its default being filled in; for a plugin whose default
     * depends on another parameter (an explicit value equal to the declared default still counts as given).
     *
     * @param parameter one of the plugin's parameters
     * @return true if the raw spec set it
     */
    public boolean given(Parameter<?> parameter) {
        get(parameter); // the same error for a parameter the plugin does not declare
        return given.contains(parameter.name());
    }

    /** @return the complete spec, defaults included, in declaration order */
    public Spec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
