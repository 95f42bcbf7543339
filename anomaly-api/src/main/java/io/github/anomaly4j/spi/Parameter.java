package io.github.anomaly4j.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named, typed, validated parameter of a plugin. Providers list theirs in {@link PluginProvider#parameters()};
 * the list doubles as help text and as the schema for config files.
 *
 * <p>Conversion is strict: an integer parameter accepts {@code 100}, {@code 100L}, {@code 100.0} and
 * {@code "100"}, but not {@code 100.5}; out-of-range values are refused with a message naming the parameter and
 * the allowed range.
 *
 * @param <T> the value type
 */
public final class Parameter<T> {
    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final String range;
    private final Function<Object, T> converter;

    private Parameter(String name, Class<T> type, T defaultValue, String description, String range,
            Function<Object, T> converter) {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("parameter name must be lowerCamelCase letters and digits, got '"
                    + name + "'");
        }
        this.name = name;
        this.type = type;
        this.description = Objects.requireNonNull(description, "description");
        this.range = range;
        this.converter = converter;
        this.defaultValue = defaultValue == null ? null : converter.apply(defaultValue);
    }

    /**
     * An {@code int} parameter with inclusive bounds.
     *
     * @param name parameter name
     * @param defaultValue default
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param description one line for help text
     * @return the parameter
     */
    public static Parameter<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        String range = min + ".." + max;
        return new Parameter<>(name, Integer.class, defaultValue, description, range, raw -> {
            long v = toLong(name, raw);
            if (v < min || v > max) {
                throw outOfRange(name, raw, range);
            }
            return (int) v;
        });
    }

    /**
     * A {@code long} parameter, typically a seed.
     *
     * @param name parameter name
     * @param defaultValue default
     * @param description one line for help text
     * @return the parameter
     */
    public static Parameter<Long> longValue(String name, long defaultValue, String description) {
        return new Parameter<>(name, Long.class, defaultValue, description, "any long", raw -> toLong(name, raw));
    }

    /**
     * A finite {@code double} parameter with inclusive bounds.
     *
     * @param name parameter name
     * @param defaultValue default
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param description one line for help text
     * @return the parameter
     * @throws IllegalArgumentException if a bound is NaN, {@code min > max}, or the default is outside the range
     */
    public static Parameter<Double> real(String name, double defaultValue, double min, double max,
            String description) {
        return real(name, defaultValue, min, true, max, description);
    }

    /**
     * A finite {@code double} parameter that must be greater than {@code above} and at most {@code max}: for a
     * value whose lower end means nothing, such as a smoothing weight in {@code (0, 1]} (a weight of 0 never
     * moves). Its range reads {@code (above, max]} in help text and messages.
     *
     * @param name parameter name
     * @param defaultValue default
     * @param above the bound every value must exceed
     * @param max largest allowed value
     * @param description one line for help text
     * @return the parameter
     * @throws IllegalArgumentException if a bound is NaN, {@code above >= max}, or the default is outside the range
     */
    public static Parameter<Double> realAbove(String name, double defaultValue, double above, double max,
            String description) {
        return real(name, defaultValue, above, false, max, description);
    }

    private static Parameter<Double> real(String name, double defaultValue, double min, boolean minIncluded,
            double max, String description) {
        String range = (minIncluded ? "[" : "(") + min + ", " + max + "]";
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("parameter '" + name + "': the range " + range + " has a NaN bound");
        }
        if (minIncluded ? min > max : min >= max) {
            throw new IllegalArgumentException("parameter '" + name + "': the range " + range + " is empty");
        }
        if (min == Double.POSITIVE_INFINITY || max == Double.NEGATIVE_INFINITY
                || (!minIncluded && min == Double.MAX_VALUE)) {
            throw new IllegalArgumentException("parameter '" + name + "': the range " + range
                    + " holds no finite value");
        }
        return new Parameter<>(name, Double.class, defaultValue, description, range, raw -> {
            double v;
            if (raw instanceof Number n) {
                v = n.doubleValue();
            } else if (raw instanceof String s) {
                try {
                    v = Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parameter '" + name + "' must be a number, got '" + s + "'");
                }
            } else {
                throw wrongType(name, "a number", raw);
            }
            if (!Double.isFinite(v) || !((minIncluded ? v >= min : v > min) && v <= max)) {
                throw outOfRange(name, raw, range);
            }
            return v;
        });
    }

    /**
     * A boolean parameter; accepts {@code true}/{@code false} and the strings {@code "true"}/{@code "false"}.
     *
     * @param name parameter name
     * @param defaultValue default
     * @param description one line for help text
     * @return the parameter
     */
    public static Parameter<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Parameter<>(name, Boolean.class, defaultValue, description, "true|false", raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof String s) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
            }
            throw wrongType(name, "true or false", raw);
        });
    }

    /**
     * A string parameter restricted to a fixed set of choices.
     *
     * @param name parameter name
     * @param defaultValue default, one of {@code choices}
     * @param choices the allowed values
     * @param description one line for help text
     * @return the parameter
     */
    public static Parameter<String> choice(String name, String defaultValue, List<String> choices,
            String description) {
        List<String> allowed = List.copyOf(choices);
        String range = String.join("|", allowed);
        return new Parameter<>(name, String.class, defaultValue, description, range, raw -> {
            if (raw instanceof String s && allowed.contains(s)) {
                return s;
            }
            throw new IllegalArgumentException("parameter '" + name + "' must be one of " + allowed + ", got "
                    + describe(raw));
        });
    }

    /**
     * A string parameter checked by a function, for values too many or too open to list as choices (a time zone
     * id, a pattern). The function returns the value to keep (it may normalise it, e.g. {@code "UTC+5"} to
     * {@code "UTC+05:00"}) or throws {@link IllegalArgumentException} saying what is wrong; the parameter's message
     * then names the parameter and {@code range} and carries that reason.
     *
     * @param name parameter name
     * @param defaultValue default, which {@code check} must accept
     * @param range what is allowed, in words, for help text and messages
     * @param check validates and normalises a value
     * @param description one line for help text
     * @return the parameter
     */
    public static Parameter<String> text(String name, String defaultValue, String range,
            java.util.function.UnaryOperator<String> check, String description) {
        Objects.requireNonNull(check, "check");
        return new Parameter<>(name, String.class, defaultValue, description, Objects.requireNonNull(range, "range"),
                raw -> {
                    if (!(raw instanceof String s)) {
                        throw wrongType(name, range, raw);
                    }
                    try {
                        return Objects.requireNonNull(check.apply(s), "check returned null");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("parameter '" + name + "' must be " + range + ", got '" + s
                                + "': " + e.getMessage(), e);
                    }
                });
    }

    private static long toLong(String name, Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
                || raw instanceof java.util.concurrent.atomic.AtomicInteger
                || raw instanceof java.util.concurrent.atomic.AtomicLong) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof java.math.BigInteger || raw instanceof java.math.BigDecimal) {
            // exact types: never go through double, which would round values above 2^53
            try {
                return raw instanceof java.math.BigInteger b ? b.longValueExact()
                        : ((java.math.BigDecimal) raw).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, got " + raw);
            }
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= (1L << 53)) {
                return (long) d;
            }
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, got " + raw);
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, got '" + s
                        + "'");
            }
        }
        throw wrongType(name, "a whole number", raw);
    }

    private static IllegalArgumentException outOfRange(String name, Object raw, String range) {
        return new IllegalArgumentException("parameter '" + name + "' must be in " + range + ", got " + raw);
    }

    private static IllegalArgumentException wrongType(String name, String expected, Object raw) {
        return new IllegalArgumentException("parameter '" + name + "' must be " + expected + ", got "
                + describe(raw));
    }

    private static String describe(Object raw) {
        return raw == null ? "null" : raw instanceof String ? "'" + raw + "'" : raw + " (" + raw.getClass()
                .getSimpleName() + ")";
    }

    /**
     * Converts and validates a raw value.
     *
     * @param raw a number, boolean or string
     * @return the typed value
     * @throws IllegalArgumentException naming the parameter and the allowed range
     */
    public T convert(Object raw) {
        return converter.apply(raw);
    }

    /** @return the parameter name */
    public String name() {
        return name;
    }

    /** @return the value type */
    public Class<T> type() {
        return type;
    }

    /** @return the default value */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return the one-line description */
    public String description() {
        return description;
    }

    /** @return the allowed range or choices, for help text */
    public String range() {
        return range;
    }

    /** @return a help line: {@code name (Type, range, default d): description} */
    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ", " + range + ", default " + defaultValue + "): "
                + description;
    }
}
