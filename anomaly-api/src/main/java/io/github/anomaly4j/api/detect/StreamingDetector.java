package io.github.anomaly4j.api.detect;

/**
 * A detector that learns as it scores, one reading at a time.
 *
 * <p><b>Single writer:</b> one thread at a time calls {@link #update}; the object is not thread-safe. Its whole
 * state is a record ({@link #snapshot()}) that {@link #restore(Record)} reinstates exactly, so a stream can be
 * stopped, saved and resumed with bit-identical scores afterwards.
 *
 * <p>Timestamps must be strictly increasing. A reading with a timestamp at or before the last one, or with a
 * non-finite value, is refused with an {@link IllegalArgumentException} and leaves the state untouched.
 */
public interface StreamingDetector {

    /** @return the plugin id of the detector */
    String type();

    /** @return the number of values per reading */
    int dimension();

    /**
     * Scores a reading against what has been seen so far, then learns from it.
     *
     * @param timestamp epoch milliseconds, later than the previous reading's
     * @param x {@link #dimension()} finite values; not modified
     * @return the anomaly score, finite; 0 while {@link #isWarm()} is false
     */
    double update(long timestamp, double[] x);

    /** @return how many readings must be seen before scores are meaningful */
    int warmUp();

    /** @return whether at least {@link #warmUp()} readings have been seen */
    boolean isWarm();

    /** @return the timestamp of the last accepted reading, or {@link Long#MIN_VALUE} before the first */
    long lastTimestamp();

    /** @return a record holding the complete state; later updates do not change it */
    Record snapshot();

    /**
     * Replaces the state with a snapshot taken from a detector of the same settings and dimension.
     *
     * @param snapshot a record from {@link #snapshot()}
     * @throws IllegalArgumentException when the snapshot is of another type, dimension or window
     */
    void restore(Record snapshot);
}
