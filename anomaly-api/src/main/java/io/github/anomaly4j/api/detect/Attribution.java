package io.github.anomaly4j.api.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why a point scored as it did: one non-negative contribution per feature, larger meaning more responsible.
 *
 * @param features feature names, one per contribution
 * @param contributions the contributions (copied in and out)
 */
public record Attribution(List<String> features, double[] contributions) {

    /**
     * Validates and copies.
     *
     * @param features feature names, one per contribution
     * @param contributions the contributions, as many as there are feature names
     * @throws IllegalArgumentException if the number of feature names differs from the number of contributions
     */
    public Attribution {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        Objects.requireNonNull(contributions, "contributions");
        if (features.size() != contributions.length) {
            throw new IllegalArgumentException(features.size() + " feature names for " + contributions.length
                    + " contributions");
        }
        contributions = contributions.clone();
    }

    /** @return a copy of the contributions, in the order of {@link #features()} */
    @Override
    public double[] contributions() {
        return contributions.clone();
    }

    /**
     * @param feature a feature name
     * @return its contribution
     */
    public double contribution(String feature) {
        int index = features.indexOf(feature);
        if (index < 0) {
            throw new IllegalArgumentException("no feature '" + feature + "'; features are " + features);
        }
        return contributions[index];
    }

    /** @return the name of the feature with the largest contribution (the first, on ties) */
    public String top() {
        int best = 0;
        for (int i = 1; i < contributions.length; i++) {
            if (contributions[i] > contributions[best]) {
                best = i;
            }
        }
        return features.get(best);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribution a && features.equals(a.features)
                && Arrays.equals(contributions, a.contributions);
    }

    @Override
    public int hashCode() {
        return 31 * features.hashCode() + Arrays.hashCode(contributions);
    }

    @Override
    public String toString() {
        return "Attribution" + features + "=" + Arrays.toString(contributions);
    }
}
