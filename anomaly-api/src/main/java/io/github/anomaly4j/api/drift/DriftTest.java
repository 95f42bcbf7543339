package io.github.anomaly4j.api.drift;

/** A two-sample test of whether {@code current} comes from the same distribution as {@code reference}. Immutable. */
public interface DriftTest {

    /** @return the plugin id, e.g. {@code "ks"} */
    String id();

    /**
     * Compares two samples.
     *
     * @param reference the reference sample, finite values
     * @param current the sample to test, finite values
     * @return statistic, p-value where defined, and the decision at the test's level
     * @throws IllegalArgumentException when a sample is empty or holds NaN or an infinity
     */
    DriftResult test(double[] reference, double[] current);
}
