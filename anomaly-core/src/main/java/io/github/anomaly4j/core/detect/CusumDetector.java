package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Spec;

/**
 * The two-sided tabular CUSUM (plugin id {@value #ID}; Page 1954, Montgomery, Introduction to Statistical Quality
 * Control, section 9.1): on standardized readings {@code z = (x - mean) / sd} it accumulates
 * {@code S+ = max(0, S+ + z - k)} and {@code S- = max(0, S- - z - k)} and scores {@code max(S+, S-)}. A score above
 * the decision interval {@code h} signals a shift; the sums then restart from 0, as after an alarm. The defaults
 * {@code k = 0.5}, {@code h = 5} detect a one-standard-deviation shift quickly (average run length about 465
 * in control, Montgomery table 9.3).
 *
 * <p><b>Streaming</b>: the in-control mean and standard deviation are learnt on the fly (see {@code baseline}); the
 * first {@code warmUp} readings only teach them. <b>Batch</b>: a fitted model has no memory between readings, so
 * it scores the standardized deviation {@code max_j |x_j - mean_j| / sd_j} that the chart accumulates (the first
 * step from zero sums exceeds {@code h} exactly when this exceeds {@code h + k}).
 *
 * <pre>{@code
 * CusumDetector detector = CusumDetector.builder().allowance(0.5).decision(5).build();
 * }</pre>
 */
public final class CusumDetector extends ChartDetector {
    /** The plugin id. */
    public static final String ID = "cusum";

    static final Parameter<Double> ALLOWANCE = Parameter.real("allowance", 0.5, 0.0, 100.0,
            "k: standardized drift ignored per reading, about half the shift to detect");
    static final Parameter<Double> DECISION = Parameter.real("decision", 5.0, 0.001, 1e6,
            "h: the sums restart from 0 after exceeding it (an alarm)");

    private final double allowance;
    private final double decision;

    private CusumDetector(double allowance, double decision, int baseline, int warmUp) {
        super(baseline, warmUp);
        this.allowance = ALLOWANCE.convert(allowance);
        this.decision = DECISION.convert(decision);
    }

    /** @return a builder with the defaults (allowance 0.5, decision 5, baseline 500, warm-up 20) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        return Spec.of(ID).with(ALLOWANCE.name(), allowance).with(DECISION.name(), decision)
                .with(ChartSettings.BASELINE.name(), baseline).with(ChartSettings.WARM_UP.name(), warmUp);
    }

    @Override
    public StreamingDetector newStreamingDetector(int dimension) {
        return new Stream(dimension, allowance, decision, baseline, warmUp);
    }

    /** @return the allowance k */
    public double allowance() {
        return allowance;
    }

    /** @return the decision interval h */
    public double decision() {
        return decision;
    }

    /** The streaming chart; {@code first} holds S+, {@code second} S-. */
    private static final class Stream extends ChartStream {
        private final double allowance;
        private final double decision;

        Stream(int dimension, double allowance, double decision, int baseline, int warmUp) {
            super(ID, dimension, baseline, warmUp);
            this.allowance = allowance;
            this.decision = decision;
        }

        @Override
        double chart(int j, double v, double sd) {
            double z = (v - mean[j]) / sd; // an infinity for extreme readings, never NaN
            double up = Math.max(0.0, first[j] + z - allowance);
            double down = Math.max(0.0, second[j] - z - allowance);
            double score = Math.max(up, down);
            if (score > decision) { // an alarm: restart
                up = 0.0;
                down = 0.0;
            }
            first[j] = up;
            second[j] = down;
            return score;
        }

        @Override
        double[] settings() {
            return new double[] {allowance, decision};
        }
    }

    /** Builds a {@link CusumDetector}; each option may be set once and is validated at once. */
    public static final class Builder extends ChartBuilder<Builder> {
        private Double allowance;
        private Double decision;

        private Builder() {
        }

        /**
         * @param k standardized drift ignored per reading, in [0, 100] (default 0.5)
         * @return this builder
         */
        public Builder allowance(double k) {
            SetOnce.check(allowance, "allowance");
            allowance = ALLOWANCE.convert(k);
            return this;
        }

        /**
         * @param h the decision interval, in [0.001, 1e6] (default 5)
         * @return this builder
         */
        public Builder decision(double h) {
            SetOnce.check(decision, "decision");
            decision = DECISION.convert(h);
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /** @return the detector */
        public CusumDetector build() {
            return new CusumDetector(allowance != null ? allowance : ALLOWANCE.defaultValue(),
                    decision != null ? decision : DECISION.defaultValue(),
                    baselineOrDefault(), warmUpOrDefault());
        }
    }
}
