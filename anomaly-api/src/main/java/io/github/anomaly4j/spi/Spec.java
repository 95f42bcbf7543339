package io.github.anomaly4j.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plugin by name: its id and raw parameter values, as they come from code, a config file or a REST body.
 * Immutable. Values are numbers, booleans or strings; {@link Settings#resolve(Spec, java.util.List)} checks them
 * against the plugin's declared {@link Parameter}s.
 *
 * <pre>{@code
 * Spec spec = Spec.of("zscore").with("window", 100);
 * }</pre>
 */
public final class Spec {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String id;
    private final Map<String, Object> values;

    private Spec(String id, Map<String, Object> values) {
        this.id = id;
        this.values = values;
    }

    /**
     * @param id a plugin id
     * @return a spec with no parameter values (all defaults)
     */
    public static Spec of(String id) {
        return new Spec(requireValidId(id), Map.of());
    }

    /**
     * @param id a plugin id
     * @param values parameter values: {@link Number}, {@link Boolean} or {@link String}
     * @return the spec
     */
    public static Spec of(String id, Map<String, ?> values) {
        Spec spec = of(id);
        for (Map.Entry<String, ?> e : Objects.requireNonNull(values, "values").entrySet()) {
            spec = spec.with(e.getKey(), e.getValue());
        }
        return spec;
    }

    /**
     * Checks a plugin id: lower-case letters and digits in dash-separated words, at most 64 characters.
     *
     * @param id the id
     * @return the id
     */
    public static String requireValidId(String id) {
        if (id == null || id.length() > 64 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id must be lower-case words of letters and digits "
                    + "separated by '-', at most 64 characters (e.g. 'zscore', 'rolling-mean'), got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    /**
     * @param name parameter name
     * @param value its value: a {@link Number}, {@link Boolean} or {@link String}
     * @return a new spec with that value set (replacing any earlier one)
     */
    public Spec with(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must be non-blank");
        }
        if (!(value instanceof Number || value instanceof Boolean || value instanceof String)) {
            throw new IllegalArgumentException("parameter '" + name + "' of '" + id + "' must be a number, boolean "
                    + "or string, got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Spec(id, Collections.unmodifiableMap(copy));
    }

    /** @return the plugin id */
    public String id() {
        return id;
    }

    /** @return the raw parameter values, in the order they were set */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spec s && id.equals(s.id) && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + values.hashCode();
    }

    @Override
    public String toString() {
        return id + values;
    }
}
