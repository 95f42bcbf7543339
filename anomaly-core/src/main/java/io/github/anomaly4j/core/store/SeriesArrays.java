package io.github.anomaly4j.core.store;

import io.github.anomaly4j.api.StoreException;
import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.Reading;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One series of {@link InMemoryReadingStore}: parallel arrays sorted by timestamp, {@code timestamps[0..size)}
 * strictly increasing and {@code values[i]} the value at {@code timestamps[i]}. Guarded by a read-write lock.
 */
final class SeriesArrays {
    private static final int INITIAL_CAPACITY = 16;
    /** The largest array the JVM reliably allocates. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] timestamps = new long[INITIAL_CAPACITY];
    private double[] values = new double[INITIAL_CAPACITY];
    private int size;

    /**
     * @param batch readings of this series in call order, possibly unsorted and repeating timestamps
     * @return how many were new; the rest repeat a stored timestamp or an earlier one of the batch
     */
    int insert(List<Reading> batch) {
        Reading[] readings = batch.toArray(new Reading[0]);
        if (!strictlyIncreasing(readings)) {
            // stable, so that of equal timestamps the first in the call comes first and is the one kept
            Arrays.sort(readings, Comparator.comparingLong(Reading::timestamp));
        }
        long[] ts = new long[readings.length];
        double[] vs = new double[readings.length];
        int n = 0;
        for (Reading r : readings) {
            if (n > 0 && ts[n - 1] == r.timestamp()) {
                continue;
            }
            ts[n] = r.timestamp();
            vs[n] = r.value();
            n++;
        }
        lock.writeLock().lock();
        try {
            return merge(ts, vs, n);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean strictlyIncreasing(Reading[] readings) {
        for (int i = 1; i < readings.length; i++) {
            if (readings[i].timestamp() <= readings[i - 1].timestamp()) {
                return false;
            }
        }
        return true;
    }

    /** Merges {@code ts[0..n)} (strictly increasing) into the arrays, keeping stored values on a tie. */
    private int merge(long[] ts, double[] vs, int n) {
        if (n == 0) {
            return 0;
        }
        if (size == 0 || ts[0] > timestamps[size - 1]) {
            ensureCapacity((long) size + n, ts[0]);
            System.arraycopy(ts, 0, timestamps, size, n);
            System.arraycopy(vs, 0, values, size, n);
            size += n;
            return n;
        }
        int first = lowerBound(ts[0]);
        int fresh = 0;
        for (int i = first, j = 0; j < n; j++) {
            while (i < size && timestamps[i] < ts[j]) {
                i++;
            }
            if (i == size || timestamps[i] != ts[j]) {
                fresh++;
            }
        }
        if (fresh == 0) {
            return 0;
        }
        ensureCapacity((long) size + fresh, ts[0]);
        // Merge from the back into the spare capacity: every element moves at most once and nothing is allocated.
        int i = size - 1;
        int k = size + fresh - 1;
        for (int j = n - 1; j >= 0;) {
            if (i >= 0 && timestamps[i] > ts[j]) {
                timestamps[k] = timestamps[i];
                values[k--] = values[i--];
            } else if (i >= 0 && timestamps[i] == ts[j]) {
                j--; // a duplicate: the stored reading stays
            } else {
                timestamps[k] = ts[j];
                values[k--] = vs[j--];
            }
        }
        size += fresh;
        return fresh;
    }

    private void ensureCapacity(long needed, long timestamp) {
        if (needed <= timestamps.length) {
            return;
        }
        if (needed > MAX_CAPACITY) {
            throw new StoreException("cannot store the reading at " + timestamp + ": a series holds at most "
                    + MAX_CAPACITY + " readings in memory");
        }
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(needed, timestamps.length + (timestamps.length >> 1)));
        timestamps = Arrays.copyOf(timestamps, capacity);
        values = Arrays.copyOf(values, capacity);
    }

    /** @return the first index whose timestamp is at least {@code t}, or {@code size} */
    private int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    TimeSeries range(long fromInclusive, long toExclusive) {
        lock.readLock().lock();
        try {
            return slice(lowerBound(fromInclusive), lowerBound(toExclusive));
        } finally {
            lock.readLock().unlock();
        }
    }

    TimeSeries latest(int count) {
        lock.readLock().lock();
        try {
            return slice(Math.max(0, size - count), size);
        } finally {
            lock.readLock().unlock();
        }
    }

    private TimeSeries slice(int from, int to) {
        if (from >= to) {
            return InMemoryReadingStore.empty();
        }
        return TimeSeries.of(Arrays.copyOfRange(timestamps, from, to), Arrays.copyOfRange(values, from, to));
    }

    boolean isEmpty() {
        lock.readLock().lock();
        try {
            return size == 0;
        } finally {
            lock.readLock().unlock();
        }
    }
}
