package io.github.anomaly4j.drift;

/**
 * A fixed-capacity ring buffer of the most recent values: {@code capacity} doubles, allocated once; adding is O(1)
 * and allocation-free, the oldest value is overwritten when full. The monitor keeps exact windows rather than a
 * sketch because the tests it feeds (KS, Anderson-Darling, Mann-Whitney) are defined on the raw sample and must
 * agree with scipy.
 */
final class SlidingWindow {
    private final double[] data;
    private int size;
    private int next;

    SlidingWindow(int capacity) {
        this.data = new double[capacity];
    }

    void add(double v) {
        data[next] = v;
        next = next + 1 == data.length ? 0 : next + 1;
        if (size < data.length) {
            size++;
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return data.length;
    }

    boolean full() {
        return size == data.length;
    }

    void clear() {
        size = 0;
        next = 0;
    }

    /** @return the values, oldest first, in a new array */
    double[] toArray() {
        double[] out = new double[size];
        int start = size < data.length ? 0 : next;
        int first = Math.min(size, data.length - start);
        System.arraycopy(data, start, out, 0, first);
        System.arraycopy(data, 0, out, first, size - first);
        return out;
    }
}
