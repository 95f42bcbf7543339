package io.github.anomaly4j.api.detect;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The verdict on one reading: raw score, calibrated score, the threshold applied and whether the reading is
 * anomalous, with optional per-feature attribution and expected value. Immutable.
 *
 * <p>A reading scored while the pipeline is still warming up (its feature windows not yet full) carries
 * {@link #warmingUp()} {@code true}, scores of 0 and is never anomalous.
 */
public final class Detection {
    private final long timestamp;
    private final double score;
    private final double calibratedScore;
    private final boolean anomalous;
    private final double threshold;
    private final boolean warmingUp;
    private final Attribution attribution;
    private final double expected;

    private Detection(long timestamp, double score, double calibratedScore, boolean anomalous, double threshold,
            boolean warmingUp, Attribution attribution, double expected) {
        this.timestamp = timestamp;
        this.score = score;
        this.calibratedScore = calibratedScore;
        this.anomalous = anomalous;
        this.threshold = threshold;
        this.warmingUp = warmingUp;
        this.attribution = attribution;
        this.expected = expected;
    }

    /**
     * A scored reading.
     *
     * @param timestamp epoch milliseconds of the reading
     * @param score the raw score (finite)
     * @param calibratedScore the score on the calibrated scale, in [0, 1]
     * @param anomalous whether the threshold flags it
     * @param threshold the threshold on the raw score that was applied
     * @return the detection
     */
    public static Detection of(long timestamp, double score, double calibratedScore, boolean anomalous,
            double threshold) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
        if (!(calibratedScore >= 0.0 && calibratedScore <= 1.0)) {
            throw new IllegalArgumentException("calibratedScore must be in [0, 1], got " + calibratedScore);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        return new Detection(timestamp, score, calibratedScore, anomalous, threshold, false, null, Double.NaN);
    }

    /**
     * A reading that arrived before the pipeline had enough history to score it.
     *
     * @param timestamp epoch milliseconds of the reading
     * @param threshold the threshold that will apply once warm
     * @return a detection with zero scores that is not anomalous
     */
    public static Detection warmingUp(long timestamp, double threshold) {
        return new Detection(timestamp, 0.0, 0.0, false, threshold, true, null, Double.NaN);
    }

    /**
     * @param attribution per-feature contributions
     * @return a copy of this detection carrying them
     */
    public Detection withAttribution(Attribution attribution) {
        return new Detection(timestamp, score, calibratedScore, anomalous, threshold, warmingUp,
                Objects.requireNonNull(attribution, "attribution"), expected);
    }

    /**
     * @param expected the value the model expected (e.g. a forecast), finite
     * @return a copy of this detection carrying it
     */
    public Detection withExpected(double expected) {
        if (!Double.isFinite(expected)) {
            throw new IllegalArgumentException("expected must be finite, got " + expected);
        }
        return new Detection(timestamp, score, calibratedScore, anomalous, threshold, warmingUp, attribution,
                expected);
    }

    /** @return epoch milliseconds of the reading */
    public long timestamp() {
        return timestamp;
    }

    /** @return the raw score on the detector's own scale; higher is more anomalous */
    public double score() {
        return score;
    }

    /**
     * @return the score on the calibrated scale in [0, 1]; for pipelines, the share of reference (training or
     *     validation) scores at or below this one
     */
    public double calibratedScore() {
        return calibratedScore;
    }

    /** @return whether the reading is flagged: {@code score() > threshold()} and not warming up */
    public boolean anomalous() {
        return anomalous;
    }

    /** @return the threshold on the raw score */
    public double threshold() {
        return threshold;
    }

    /** @return whether the reading came before the pipeline was warm (then scores are 0) */
    public boolean warmingUp() {
        return warmingUp;
    }

    /** @return per-feature contributions, when the model supports attribution */
    public Optional<Attribution> attribution() {
        return Optional.ofNullable(attribution);
    }

    /** @return the value the model expected, when it forecasts one */
    public OptionalDouble expected() {
        return Double.isNaN(expected) ? OptionalDouble.empty() : OptionalDouble.of(expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detection d && timestamp == d.timestamp
                && Double.compare(score, d.score) == 0 && Double.compare(calibratedScore, d.calibratedScore) == 0
                && anomalous == d.anomalous && Double.compare(threshold, d.threshold) == 0
                && warmingUp == d.warmingUp && Objects.equals(attribution, d.attribution)
                && Double.compare(expected, d.expected) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, score, calibratedScore, anomalous, threshold, warmingUp, attribution,
                expected);
    }

    @Override
    public String toString() {
        return "Detection[t=" + timestamp + (warmingUp ? ", warming up" : "") + ", score=" + score
                + ", calibrated=" + calibratedScore + ", threshold=" + threshold + ", anomalous=" + anomalous
                + (attribution == null ? "" : ", " + attribution)
                + (Double.isNaN(expected) ? "" : ", expected=" + expected) + "]";
    }
}
