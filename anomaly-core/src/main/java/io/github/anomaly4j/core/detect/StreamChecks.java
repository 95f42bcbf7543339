package io.github.anomaly4j.core.detect;

/**
 * The checks the built-in streaming detectors share, with one wording: strictly increasing timestamps and the
 * snapshot type at restore. Static and tiny, so the per-reading check inlines into each {@code update}; the
 * message is built only on the failure path.
 */
final class StreamChecks {
    private StreamChecks() {
    }

    /**
     * Refuses a reading whose timestamp is not after the previous one's (no previous one when {@code seen} is 0).
     *
     * @param timestamp the new reading's timestamp
     * @param seen readings accepted so far
     * @param lastTimestamp the previous reading's timestamp
     */
    static void requireLater(long timestamp, long seen, long lastTimestamp) {
        if (seen > 0 && timestamp <= lastTimestamp) {
            throw notLater(timestamp, lastTimestamp);
        }
    }

    private static IllegalArgumentException notLater(long timestamp, long lastTimestamp) {
        return new IllegalArgumentException("timestamp " + timestamp + (timestamp == lastTimestamp
                ? " repeats" : " is earlier than") + " the previous reading's (" + lastTimestamp
                + "); streaming timestamps must be strictly increasing");
    }

    /**
     * @param type the detector's type
     * @param expected the simple name of the snapshot record it restores from
     * @param snapshot what it was given
     * @return the exception refusing {@code snapshot}
     */
    static IllegalArgumentException wrongSnapshot(String type, String expected, Record snapshot) {
        return new IllegalArgumentException("a " + type + " streaming detector restores from a " + expected
                + ", got " + (snapshot == null ? "null" : snapshot.getClass().getName()));
    }
}
