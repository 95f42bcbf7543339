package io.github.anomaly4j.api;

import java.util.List;

/** A plugin id was asked for that no registered provider has; the message lists the ids that are known. */
public class UnknownPluginException extends AnomalyException {
    private static final long serialVersionUID = 1L;

    /** The plugin kind that was searched, e.g. {@code "detector"}. */
    private final String kind;
    /** The id that was not found. */
    private final String id;
    /** The ids of that kind that are registered (an unmodifiable copy). */
    private final List<String> knownIds;

    /**
     * @param kind the plugin kind, e.g. {@code "detector"}
     * @param id the id that was asked for
     * @param knownIds the ids of that kind that are registered
     */
    public UnknownPluginException(String kind, String id, List<String> knownIds) {
        super("unknown " + kind + " '" + id + "'; known " + kind + "s: "
                + (knownIds.isEmpty() ? "(none registered)" : String.join(", ", knownIds)));
        this.kind = kind;
        this.id = id;
        this.knownIds = List.copyOf(knownIds);
    }

    /** @return the plugin kind that was searched */
    public String kind() {
        return kind;
    }

    /** @return the id that was not found */
    public String id() {
        return id;
    }

    /** @return the ids of that kind that are registered, sorted */
    public List<String> knownIds() {
        return knownIds;
    }
}
