package io.github.anomaly4j.api;

/** A store could not complete an operation (I/O or database failure) after any retries it makes. */
public class StoreException extends AnomalyException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying I/O or database failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
