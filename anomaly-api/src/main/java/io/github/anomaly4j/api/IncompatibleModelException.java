package io.github.anomaly4j.api;

/**
 * A well-formed model file that this version of the library or of the plugin cannot load: a newer format
 * version, a newer plugin state version, or a plugin kind that does not match what the caller asked for.
 */
public class IncompatibleModelException extends AnomalyException {
    private static final long serialVersionUID = 1L;

    /** @param message what does not match, and which versions were found and supported */
    public IncompatibleModelException(String message) {
        super(message);
    }
}
