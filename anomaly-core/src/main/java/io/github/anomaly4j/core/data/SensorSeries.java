package io.github.anomaly4j.core.data;

import io.github.anomaly4j.api.data.TimeSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sensor's labelled readings: timestamps (epoch milliseconds, strictly increasing), values ({@code NaN} where
 * the reading is missing), labels and the anomaly kind of each labelled reading. Immutable; arrays are copied in
 * and out.
 *
 * @param sensorId the sensor's id, not blank
 * @param timestamps epoch milliseconds, strictly increasing
 * @param values one per timestamp; finite, or {@code NaN} for a missing reading
 * @param labels true where the reading belongs to an anomaly
 * @param kinds the anomaly kind where labelled, {@code null} elsewhere
 */
public record SensorSeries(String sensorId, long[] timestamps, double[] values, boolean[] labels,
        AnomalyKind[] kinds) {

    /**
     * Validates and copies.
     *
     * @param sensorId the sensor's id, not blank, without a comma, quote or line break
     * @param timestamps epoch milliseconds, strictly increasing, at least one
     * @param values one per timestamp: finite, or {@code NaN} for a missing reading (which must be labelled
     *     {@link AnomalyKind#MISSING})
     * @param labels one per timestamp
     * @param kinds one per timestamp: non-null exactly where labelled
     * @throws IllegalArgumentException naming the index of the first inconsistency
     */
    public SensorSeries {
        Objects.requireNonNull(sensorId, "sensorId");
        if (sensorId.isBlank() || sensorId.matches(".*[,\"\\r\\n].*")) {
            throw new IllegalArgumentException("sensor id must be non-blank without commas, quotes or line breaks, "
                    + "got '" + sensorId + "'");
        }
        int n = timestamps.length;
        if (n == 0 || values.length != n || labels.length != n || kinds.length != n) {
            throw new IllegalArgumentException("sensor '" + sensorId + "': need at least one reading and equal "
                    + "lengths, got " + n + " timestamps, " + values.length + " values, " + labels.length
                    + " labels, " + kinds.length + " kinds");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("sensor '" + sensorId + "': timestamp " + i + " (" + timestamps[i]
                        + ") is not after the previous one (" + timestamps[i - 1] + ")");
            }
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("sensor '" + sensorId + "': value " + i + " is " + values[i]);
            }
            if (labels[i] != (kinds[i] != null)) {
                throw new IllegalArgumentException("sensor '" + sensorId + "': reading " + i + " has label "
                        + labels[i] + " but kind " + kinds[i] + "; a kind goes with label true only");
            }
            if (Double.isNaN(values[i]) && kinds[i] != AnomalyKind.MISSING) {
                throw new IllegalArgumentException("sensor '" + sensorId + "': reading " + i
                        + " has no value but is not labelled MISSING");
            }
        }
        timestamps = timestamps.clone();
        values = values.clone();
        labels = labels.clone();
        kinds = kinds.clone();
    }

    /** @return the number of readings, missing ones included */
    public int size() {
        return timestamps.length;
    }

    /** @return a copy of the timestamps */
    @Override
    public long[] timestamps() {
        return timestamps.clone();
    }

    /** @return a copy of the values ({@code NaN} where missing) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return a copy of the labels */
    @Override
    public boolean[] labels() {
        return labels.clone();
    }

    /** @return a copy of the kinds ({@code null} where not labelled) */
    @Override
    public AnomalyKind[] kinds() {
        return kinds.clone();
    }

    /** @return how many readings carry a value */
    public int present() {
        int c = 0;
        for (double v : values) {
            c += Double.isNaN(v) ? 0 : 1;
        }
        return c;
    }

    /** @return the readings that carry a value, as a series with one column named after the sensor */
    public TimeSeries toTimeSeries() {
        int m = present();
        long[] ts = new long[m];
        double[] v = new double[m];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                ts[k] = timestamps[i];
                v[k++] = values[i];
            }
        }
        return TimeSeries.of(ts, sensorId, v);
    }

    /** @return the labels of the readings that carry a value, aligned with {@link #toTimeSeries()} */
    public boolean[] presentLabels() {
        boolean[] out = new boolean[present()];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out[k++] = labels[i];
            }
        }
        return out;
    }

    /**
     * @param kind an anomaly kind
     * @return how many readings are labelled with it
     */
    public int count(AnomalyKind kind) {
        int c = 0;
        for (AnomalyKind k : kinds) {
            c += k == kind ? 1 : 0;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensorSeries s && sensorId.equals(s.sensorId) && Arrays.equals(timestamps, s.timestamps)
                && Arrays.equals(values, s.values) && Arrays.equals(labels, s.labels)
                && Arrays.equals(kinds, s.kinds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensorId, Arrays.hashCode(timestamps), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "SensorSeries[" + sensorId + ", " + timestamps.length + " readings]";
    }
}
