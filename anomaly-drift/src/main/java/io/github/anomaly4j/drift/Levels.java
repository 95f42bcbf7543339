package io.github.anomaly4j.drift;

import io.github.anomaly4j.spi.Parameter;

/** Validation and shared parameters for decision levels. */
final class Levels {
    private Levels() {
    }

    static double checkAlpha(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        return alpha;
    }

    static double checkThreshold(double threshold) {
        if (!(threshold > 0.0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive and finite, got " + threshold);
        }
        return threshold;
    }

    static Parameter<Double> alphaParameter() {
        return Parameter.real("alpha", 0.05, 1e-12, 0.5, "significance level: drift when the p-value is below it");
    }

    static Parameter<Double> thresholdParameter(double defaultValue, String description) {
        return Parameter.real("threshold", defaultValue, 1e-12, 1e6, description);
    }
}
