package io.github.anomaly4j.store.jdbc;

/**
 * Aggregates of the present (non-NaN) readings of one series in one time bucket.
 *
 * @param start bucket start, epoch milliseconds, a multiple of the bucket width
 * @param count number of present readings in the bucket
 * @param min smallest value
 * @param max largest value
 * @param mean arithmetic mean
 */
public record ReadingBucket(long start, long count, double min, double max, double mean) {
    /**
     * Validates.
     *
     * @param start bucket start
     * @param count number of present readings, at least 1
     * @param min smallest value
     * @param max largest value, not below {@code min}
     * @param mean arithmetic mean
     */
    public ReadingBucket {
        if (count < 1) {
            throw new IllegalArgumentException("a bucket holds at least one reading, got " + count);
        }
        if (max < min) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
    }
}
