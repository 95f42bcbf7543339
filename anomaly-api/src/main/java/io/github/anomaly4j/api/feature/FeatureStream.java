package io.github.anomaly4j.api.feature;

/**
 * The running state of a {@link FeatureTransform} over one stream. Single writer; O(1) amortised work and no
 * allocation per reading.
 */
public interface FeatureStream {

    /** @return the number of values {@link #apply} writes */
    int outputWidth();

    /**
     * Consumes one reading and writes the transform's output for it.
     *
     * @param timestamp epoch milliseconds, strictly later than the previous reading's
     * @param in the input values
     * @param out receives {@link #outputWidth()} values
     */
    void apply(long timestamp, double[] in, double[] out);

    /** @return the complete state as a record */
    Record snapshot();

    /**
     * Reinstates a snapshot from a stream of the same transform.
     *
     * @param snapshot a record from {@link #snapshot()}
     */
    void restore(Record snapshot);
}
