package io.github.anomaly4j.drift;

import java.util.Arrays;

/**
 * Bins cut at quantiles of the reference sample, the convention of {@code scipy_drift_reference.json}: edges are
 * the reference's {@code 1/b, ..., (b-1)/b} quantiles by NumPy's default ("linear", Hyndman-Fan type 7) method,
 * repeated edges collapsed, outer bins open, and a value equal to an edge counted in the bin to its right.
 */
final class ReferenceBins {
    private final double[] edges;

    private ReferenceBins(double[] edges) {
        this.edges = edges;
    }

    /** Edges at the reference's quantiles {@code i / bins}, {@code i = 1 .. bins-1}. */
    static ReferenceBins quantiles(double[] sortedReference, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        }
        double[] raw = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            raw[i - 1] = quantile(sortedReference, (double) i / bins);
        }
        double[] unique = Arrays.stream(raw).distinct().toArray();
        Arrays.sort(unique);
        return new ReferenceBins(unique);
    }

    /** NumPy's linear quantile, including its choice of interpolating from the nearer order statistic. */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = q * (n - 1);
        int lo = (int) Math.floor(virtual);
        double gamma = virtual - lo;
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** @return the number of bins */
    int size() {
        return edges.length + 1;
    }

    /** @return a copy of the inner edges */
    double[] edges() {
        return edges.clone();
    }

    /** @return counts per bin of a sample (sorted or not) */
    long[] count(double[] sample) {
        long[] counts = new long[size()];
        for (double v : sample) {
            counts[Samples.countAtMost(edges, v)]++;
        }
        return counts;
    }
}
