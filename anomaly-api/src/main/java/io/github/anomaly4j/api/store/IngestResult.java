package io.github.anomaly4j.api.store;

/**
 * What a write did: how many rows were new and how many were already stored (and so left alone).
 *
 * @param inserted rows stored by this call
 * @param duplicates rows skipped because an identical key was already stored (or repeated in the call)
 */
public record IngestResult(long inserted, long duplicates) {

    /**
     * Validates.
     *
     * @param inserted rows stored by this call, non-negative
     * @param duplicates rows skipped because their key was already stored or repeated in the call, non-negative
     * @throws IllegalArgumentException if either count is negative
     */
    public IngestResult {
        if (inserted < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts must be non-negative, got " + inserted + ", " + duplicates);
        }
    }

    /** @return inserted plus duplicates: every row the call was given */
    public long total() {
        return inserted + duplicates;
    }

    /**
     * @param other another result
     * @return the sum of both
     */
    public IngestResult plus(IngestResult other) {
        return new IngestResult(inserted + other.inserted, duplicates + other.duplicates);
    }
}
