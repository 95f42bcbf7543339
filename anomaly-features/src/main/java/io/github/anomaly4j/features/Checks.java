package io.github.anomaly4j.features;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Argument checks shared by the state records and builders. */
final class Checks {
    /** The largest window: ring buffers round up to a power of two, so this keeps them under 2^25 slots. */
    static final int MAX_WINDOW = 1 << 24;

    private Checks() {
    }

    /**
     * Refuses an output array too short for a stream's outputs, before the stream takes the reading (so a caller
     * can retry without counting it twice).
     */
    static void requireRoom(String transform, double[] out, int needed) {
        if (out.length < needed) {
            throw new IllegalArgumentException("'" + transform + "': output has room for " + out.length
                    + " values, needs " + needed);
        }
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static ZoneId zone(String zone) {
        if (zone == null) {
            throw new IllegalArgumentException("zone must be a time zone id such as 'UTC' or 'Europe/Paris', got null");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone must be a time zone id such as 'UTC' or 'Europe/Paris', got '"
                    + zone + "': " + e.getMessage(), e);
        }
    }

    static int ceilPow2(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
