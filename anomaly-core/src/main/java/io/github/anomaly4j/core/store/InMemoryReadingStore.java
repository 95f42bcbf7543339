package io.github.anomaly4j.core.store;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readings in memory: the embedded default {@link ReadingStore}, for tests, demos and hosts that keep their
 * history elsewhere. Thread-safe; nothing survives the process.
 *
 * <p><b>Layout.</b> Each series is a pair of parallel primitive arrays, timestamps ({@code long[]}) and values
 * ({@code double[]}), kept sorted by timestamp with no repeats. A reading costs 16 bytes, plus up to 50% spare
 * capacity from growth (so 16 to 24 bytes), plus roughly 200 bytes per series; there is no object per reading.
 * Appends newer than a series' last reading (the usual case) go to the end in amortized O(1) each; a batch
 * reaching back in time is merged in place, in O(readings after its earliest timestamp + batch size).
 *
 * <p><b>Idempotence.</b> A reading whose {@code (seriesId, timestamp)} is already stored, or came earlier in the
 * same call, is counted as a duplicate and dropped: the value stored first is kept. A call is checked whole
 * before anything is stored, so a call holding a null stores nothing. Each series is locked on its own, so
 * writers to different series do not wait for each other, and readers see a series before or after a
 * concurrent batch, never half of it.
 */
public final class InMemoryReadingStore implements ReadingStore {
    private final ConcurrentHashMap<String, SeriesArrays> series = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryReadingStore() {
    }

    @Override
    public IngestResult append(Collection<Reading> readings) {
        Objects.requireNonNull(readings, "readings");
        Map<String, List<Reading>> bySeries = new LinkedHashMap<>();
        long total = 0;
        for (Reading r : readings) {
            Objects.requireNonNull(r, "readings must not contain null");
            bySeries.computeIfAbsent(r.seriesId(), id -> new ArrayList<>()).add(r);
            total++;
        }
        long inserted = 0;
        for (Map.Entry<String, List<Reading>> e : bySeries.entrySet()) {
            inserted += series.computeIfAbsent(e.getKey(), id -> new SeriesArrays()).insert(e.getValue());
        }
        return new IngestResult(inserted, total - inserted);
    }

    @Override
    public TimeSeries range(String seriesId, long fromInclusive, long toExclusive) {
        Objects.requireNonNull(seriesId, "seriesId");
        if (toExclusive < fromInclusive) {
            throw new IllegalArgumentException("time range ends (" + toExclusive + ") before it starts ("
                    + fromInclusive + ")");
        }
        SeriesArrays s = series.get(seriesId);
        return s == null ? empty() : s.range(fromInclusive, toExclusive);
    }

    @Override
    public TimeSeries latest(String seriesId, int count) {
        Objects.requireNonNull(seriesId, "seriesId");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        SeriesArrays s = series.get(seriesId);
        return s == null ? empty() : s.latest(count);
    }

    @Override
    public List<String> seriesIds() {
        List<String> ids = new ArrayList<>();
        series.forEach((id, s) -> {
            if (!s.isEmpty()) { // a series is created just before its first batch is inserted
                ids.add(id);
            }
        });
        ids.sort(null);
        return List.copyOf(ids);
    }

    static TimeSeries empty() {
        return TimeSeries.of(new long[0], new double[0]);
    }

    @Override
    public String toString() {
        return "InMemoryReadingStore[" + series.size() + " series]";
    }
}
