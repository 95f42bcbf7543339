package io.github.anomaly4j.api;

/**
 * Root of the library's unchecked domain exceptions: failures that are not a caller's bad argument
 * ({@link IllegalArgumentException}) or misuse ({@link IllegalStateException}), such as an unreadable
 * model file or a store that lost its connection.
 */
public class AnomalyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for a person */
    public AnomalyException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for a person
     * @param cause the underlying failure
     */
    public AnomalyException(String message, Throwable cause) {
        super(message, cause);
    }
}
