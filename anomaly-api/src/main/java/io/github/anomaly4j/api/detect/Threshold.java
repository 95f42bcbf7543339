package io.github.anomaly4j.api.detect;

/**
 * A rule that chooses the cut-off on raw scores from validation scores. A reading is anomalous when its score is
 * strictly greater than the chosen cut-off.
 *
 * <p>Implementations are immutable. Rules that need labels (an F1 sweep, say) say so with
 * {@link #requiresLabels()}; the others ignore labels.
 */
public interface Threshold {

    /**
     * Chooses the cut-off.
     *
     * @param scores validation scores, finite, at least one
     * @param labels true for known anomalies, one per score; {@code null} when unlabelled
     * @return the cut-off on raw scores
     * @throws IllegalArgumentException when scores are empty or non-finite, or labels are required and missing
     */
    double select(double[] scores, boolean[] labels);

    /** @return whether {@link #select} needs labels */
    default boolean requiresLabels() {
        return false;
    }

    /** @return a short description for provenance and logs, e.g. {@code "quantile(0.99)"} */
    String describe();
}
