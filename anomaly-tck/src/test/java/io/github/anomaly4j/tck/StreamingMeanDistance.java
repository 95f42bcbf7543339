package io.github.anomaly4j.tck;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.detect.StreamingDetector;
import java.util.Arrays;
import java.util.Objects;

/**
 * The streaming mode of {@link MeanDistanceDetector}: each reading scores against the running mean of the earlier
 * ones. All checks happen before any state changes, so a refused reading leaves no trace.
 */
final class StreamingMeanDistance implements StreamingDetector {
    private final int dimension;
    private final int warmUp;
    private final double[] mean;
    private long count;
    private long lastTimestamp = Long.MIN_VALUE;

    StreamingMeanDistance(int dimension, int warmUp) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        this.dimension = dimension;
        this.warmUp = warmUp;
        this.mean = new double[dimension];
    }

    @Override
    public String type() {
        return MeanDistanceDetector.ID;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double update(long timestamp, double[] x) {
        if (count > 0 && timestamp <= lastTimestamp) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is not after the previous reading's ("
                    + lastTimestamp + ")");
        }
        FeatureVectors.requireFinite(x, dimension);
        double score = 0.0;
        if (isWarm()) {
            for (int j = 0; j < dimension; j++) {
                score = Math.max(score, MeanDistanceDetector.distance(x[j], mean[j]));
            }
        }
        count++;
        for (int j = 0; j < dimension; j++) {
            // x/n - mean/n rather than (x - mean)/n: the difference of two huge values could overflow.
            mean[j] += x[j] / count - mean[j] / count;
        }
        lastTimestamp = timestamp;
        return score;
    }

    @Override
    public int warmUp() {
        return warmUp;
    }

    @Override
    public boolean isWarm() {
        return count >= warmUp;
    }

    @Override
    public long lastTimestamp() {
        return lastTimestamp;
    }

    @Override
    public Record snapshot() {
        return new Snapshot(dimension, warmUp, count, lastTimestamp, mean);
    }

    @Override
    public void restore(Record snapshot) {
        if (!(snapshot instanceof Snapshot s)) {
            throw new IllegalArgumentException("a mean-distance streaming detector restores from its own snapshot, "
                    + "got " + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        if (s.dimension() != dimension || s.warmUp() != warmUp) {
            throw new IllegalArgumentException("snapshot has dimension " + s.dimension() + " and warmUp "
                    + s.warmUp() + ", this detector " + dimension + " and " + warmUp);
        }
        System.arraycopy(s.mean, 0, mean, 0, dimension);
        count = s.count();
        lastTimestamp = s.lastTimestamp();
    }

    /**
     * Complete streaming state.
     *
     * @param dimension values per reading
     * @param warmUp readings before scoring
     * @param count readings accepted
     * @param lastTimestamp timestamp of the last accepted reading
     * @param mean running mean per column
     */
    record Snapshot(int dimension, int warmUp, long count, long lastTimestamp, double[] mean) {

        /** Validates and copies. */
        Snapshot {
            Objects.requireNonNull(mean, "mean");
            if (mean.length != dimension || count < 0) {
                throw new IllegalArgumentException("inconsistent snapshot: dimension " + dimension + ", "
                        + mean.length + " means, count " + count);
            }
            mean = mean.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && dimension == s.dimension && warmUp == s.warmUp && count == s.count
                    && lastTimestamp == s.lastTimestamp && Arrays.equals(mean, s.mean);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dimension, warmUp, count, lastTimestamp, Arrays.hashCode(mean));
        }

        @Override
        public String toString() {
            return "Snapshot[count=" + count + ", lastTimestamp=" + lastTimestamp + ", mean="
                    + Arrays.toString(mean) + "]";
        }
    }
}
