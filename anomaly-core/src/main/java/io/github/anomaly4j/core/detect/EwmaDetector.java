package io.github.anomaly4j.core.detect;

import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Spec;

/**
 * The EWMA control chart (plugin id {@value #ID}; Roberts 1959, Montgomery, Introduction to Statistical Quality
 * Control, section 9.2): the exponentially weighted moving average {@code z_t = lambda x_t + (1 - lambda) z_(t-1)},
 * started at the in-control mean, standardized by its exact standard deviation
 * {@code sd sqrt(lambda / (2 - lambda) (1 - (1 - lambda)^(2t)))}. A score above {@code L} (commonly 3, or 2.7 with
 * {@code lambda = 0.1}) is outside the chart's control limits. Small {@code lambda} finds small persistent shifts
 * that a z-score misses; {@code lambda = 1} is the z-score (Shewhart) chart.
 *
 * <p><b>Streaming</b>: the in-control mean and standard deviation are learnt on the fly (see {@code baseline}); the
 * first {@code warmUp} readings only teach them. <b>Batch</b>: a fitted model has no memory between readings, so
 * it scores the chart's first step from the in-control state, which is exactly the standardized deviation
 * {@code max_j |x_j - mean_j| / sd_j} of the training mean and standard deviation.
 *
 * <pre>{@code
 * EwmaDetector detector = EwmaDetector.builder().lambda(0.1).baseline(1000).build();
 * }</pre>
 */
public final class EwmaDetector extends ChartDetector {
    /** The plugin id. */
    public static final String ID = "ewma";

    static final Parameter<Double> LAMBDA = Parameter.real("lambda", 0.2, 0.001, 1.0,
            "weight of the newest reading in the moving average; smaller finds smaller, longer shifts");

    private final double lambda;

    private EwmaDetector(double lambda, int baseline, int warmUp) {
        super(baseline, warmUp);
        this.lambda = LAMBDA.convert(lambda);
    }

    /** @return a builder with the defaults (lambda 0.2, baseline 500, warm-up 20) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        return Spec.of(ID).with(LAMBDA.name(), lambda).with(ChartSettings.BASELINE.name(), baseline)
                .with(ChartSettings.WARM_UP.name(), warmUp);
    }

    @Override
    public StreamingDetector newStreamingDetector(int dimension) {
        return new Stream(dimension, lambda, baseline, warmUp);
    }

    /** @return the weight of the newest reading */
    public double lambda() {
        return lambda;
    }

    /** The streaming chart; {@code first} holds the moving average, {@code second} {@code (1 - lambda)^(2t)}. */
    private static final class Stream extends ChartStream {
        private final double lambda;
        private final double keep2;
        private final double asymptotic;

        Stream(int dimension, double lambda, int baseline, int warmUp) {
            super(ID, dimension, baseline, warmUp);
            this.lambda = lambda;
            this.keep2 = (1.0 - lambda) * (1.0 - lambda);
            this.asymptotic = lambda / (2.0 - lambda);
        }

        @Override
        double chart(int j, double v, double sd) {
            if (seen == warmUp) { // first scored reading: the chart starts at the in-control mean
                first[j] = mean[j];
                second[j] = 1.0;
            }
            first[j] = lambda * v + (1.0 - lambda) * first[j]; // convex: cannot overflow
            second[j] *= keep2;
            double variance = asymptotic * (1.0 - second[j]);
            return Math.abs(first[j] - mean[j]) / (sd * Math.sqrt(variance));
        }

        @Override
        double[] settings() {
            return new double[] {lambda};
        }
    }

    /** Builds an {@link EwmaDetector}; each option may be set once and is validated at once. */
    public static final class Builder extends ChartBuilder<Builder> {
        private Double lambda;

        private Builder() {
        }

        /**
         * @param weight weight of the newest reading, in [0.001, 1] (default 0.2)
         * @return this builder
         */
        public Builder lambda(double weight) {
            SetOnce.check(lambda, "lambda");
            lambda = LAMBDA.convert(weight);
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /** @return the detector */
        public EwmaDetector build() {
            return new EwmaDetector(lambda != null ? lambda : LAMBDA.defaultValue(),
                    baselineOrDefault(), warmUpOrDefault());
        }
    }
}
