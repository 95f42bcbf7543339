package io.github.anomaly4j.tck.store;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The smallest reading store that keeps the contract: one lock, a sorted map per series. The kit's own tests
 * run the kit against it, and against subclasses that break one rule each.
 */
class ReferenceReadingStore implements ReadingStore {
    private final Map<String, TreeMap<Long, Double>> series = new TreeMap<>();

    @Override
    public synchronized IngestResult append(Collection<Reading> readings) {
        List<Reading> checked = new ArrayList<>();
        for (Reading r : Objects.requireNonNull(readings, "readings")) {
            checked.add(Objects.requireNonNull(r, "reading"));
        }
        long inserted = 0;
        for (Reading r : checked) {
            if (store(series.computeIfAbsent(r.seriesId(), id -> new TreeMap<>()), r)) {
                inserted++;
            }
        }
        return new IngestResult(inserted, checked.size() - inserted);
    }

    /** @return whether the reading was new */
    boolean store(TreeMap<Long, Double> values, Reading r) {
        return values.putIfAbsent(r.timestamp(), r.value()) == null;
    }

    @Override
    public synchronized TimeSeries range(String seriesId, long fromInclusive, long toExclusive) {
        Objects.requireNonNull(seriesId, "seriesId");
        if (toExclusive <= fromInclusive) {
            return toSeries(new TreeMap<>());
        }
        return toSeries(values(seriesId).subMap(fromInclusive, true, toExclusive, false));
    }

    @Override
    public synchronized TimeSeries latest(String seriesId, int count) {
        Objects.requireNonNull(seriesId, "seriesId");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        NavigableMap<Long, Double> all = values(seriesId);
        NavigableMap<Long, Double> newest = new TreeMap<>();
        for (Map.Entry<Long, Double> e : all.descendingMap().entrySet()) {
            if (newest.size() == count) {
                break;
            }
            newest.put(e.getKey(), e.getValue());
        }
        return toSeries(newest);
    }

    @Override
    public synchronized List<String> seriesIds() {
        return List.copyOf(series.keySet());
    }

    NavigableMap<Long, Double> values(String seriesId) {
        return series.getOrDefault(seriesId, new TreeMap<>());
    }

    TimeSeries toSeries(NavigableMap<Long, Double> values) {
        long[] ts = new long[values.size()];
        double[] vs = new double[values.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : values.entrySet()) {
            ts[i] = e.getKey();
            vs[i++] = e.getValue();
        }
        return TimeSeries.of(ts, vs);
    }
}
