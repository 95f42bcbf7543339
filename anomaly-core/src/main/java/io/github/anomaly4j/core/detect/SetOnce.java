package io.github.anomaly4j.core.detect;

/** The set-once rule the detector builders share: a second call for the same option is refused. */
final class SetOnce {
    private SetOnce() {
    }

    /**
     * Refuses an option that was already set; called before the new value is validated, so a repeated call fails
     * with this {@link IllegalStateException} whatever its value.
     *
     * @param current the value set so far, or null
     * @param name the option's name, for the message
     */
    static void check(Object current, String name) {
        if (current != null) {
            throw new IllegalStateException(name + " was already set to " + current);
        }
    }
}
