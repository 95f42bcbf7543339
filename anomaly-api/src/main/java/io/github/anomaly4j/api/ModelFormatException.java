package io.github.anomaly4j.api;

/**
 * A model file or document could not be read: it is truncated, tampered with (checksum mismatch), too large
 * or too deep, not valid JSON, or its content does not match the plugin's state record.
 */
public class ModelFormatException extends AnomalyException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the file */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the file
     * @param cause the parser's failure
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
