package io.github.anomaly4j.core.detect;

/**
 * Streaming Tukey fences over a sliding window: the sorted window of {@link RollingMad} (binary search and one
 * memory move per reading), from which the quartiles are read directly in O(1).
 */
final class RollingIqr extends RollingMad {

    RollingIqr(int dimension, int window, int warmUp) {
        super(IqrDetector.ID, dimension, window, warmUp);
    }

    @Override
    void estimate(double[] sortedRun, int from, int n, double[] out) {
        IqrDetector.midhingeAndIqr(sortedRun, from, n, out);
    }
}
