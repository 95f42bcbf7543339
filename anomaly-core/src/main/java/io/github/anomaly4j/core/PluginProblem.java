package io.github.anomaly4j.core;

/**
 * Something discovery could not accept: a provider that failed to load, declared an invalid id, was built for an
 * unsupported SPI version, or shares its id with another provider.
 *
 * @param kind the plugin kind
 * @param id the plugin id, or {@code null} when the provider could not even be instantiated
 * @param message what went wrong, naming the classes involved
 * @param cause the underlying failure, or {@code null}
 */
public record PluginProblem(PluginKind kind, String id, String message, Throwable cause) {
    @Override
    public String toString() {
        return kind.label() + (id == null ? "" : " '" + id + "'") + ": " + message;
    }
}
