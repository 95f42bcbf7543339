package io.github.anomaly4j.api.drift;

import java.util.Objects;

/**
 * The outcome of a {@link DriftTest}.
 *
 * @param test the test's plugin id
 * @param statistic the test statistic
 * @param pValue the p-value, or NaN for tests that define none (PSI, distances)
 * @param drift whether the test decided there is drift at its configured level
 * @param level the significance level or distance threshold the decision used
 * @param referenceSize size of the reference sample
 * @param currentSize size of the current sample
 */
public record DriftResult(String test, double statistic, double pValue, boolean drift, double level,
        int referenceSize, int currentSize) {

    /**
     * Validates.
     *
     * @param test the test's plugin id, not {@code null}
     * @param statistic the test statistic, not NaN
     * @param pValue the p-value in [0, 1], or NaN for tests that define none
     * @param drift whether the test decided there is drift at its configured level
     * @param level the significance level or distance threshold the decision used
     * @param referenceSize size of the reference sample, non-negative
     * @param currentSize size of the current sample, non-negative
     * @throws IllegalArgumentException if the statistic is NaN, the p-value is outside [0, 1], or a size is negative
     */
    public DriftResult {
        Objects.requireNonNull(test, "test");
        if (Double.isNaN(statistic)) {
            throw new IllegalArgumentException("statistic must not be NaN");
        }
        if (!Double.isNaN(pValue) && !(pValue >= 0.0 && pValue <= 1.0)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] or NaN, got " + pValue);
        }
        if (referenceSize < 0 || currentSize < 0) {
            throw new IllegalArgumentException("sample sizes must be non-negative");
        }
    }

    /** @return whether the test defines a p-value */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
