package io.github.anomaly4j.api.store;

/** Validation of names that stores use as keys. */
final class StoreNames {
    private StoreNames() {
    }

    static void requireSeriesId(String seriesId) {
        if (seriesId == null || seriesId.isBlank()) {
            throw new IllegalArgumentException("seriesId must be non-blank, got "
                    + (seriesId == null ? "null" : "'" + seriesId + "'"));
        }
        if (seriesId.length() > 256) {
            throw new IllegalArgumentException("seriesId is " + seriesId.length()
                    + " characters long; at most 256 are allowed");
        }
    }
}
