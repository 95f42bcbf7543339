package io.github.anomaly4j.core.store;

import io.github.anomaly4j.api.store.DetectionQuery;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.IngestResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Detections in memory: the embedded default {@link DetectionStore}. Thread-safe and lock-free; nothing survives
 * the process.
 *
 * <p><b>Layout.</b> One concurrent skip list ordered by {@code (timestamp, seriesId, detector)}, the order
 * queries return, so a query (and each page of a keyset-paginated one) starts with one O(log n) seek to
 * {@code max(fromInclusive, cursor)} and then walks forward. Series and detector filters are applied during the
 * walk, so a query for one series out of many reads every detection in its time range: fine for an embedded
 * store, which is why the database store indexes them instead. A detection costs about 170 bytes (skip-list node
 * and index share, key, record and {@link io.github.anomaly4j.api.detect.Detection}) plus its attribution; series
 * and detector ids are shared between detections that repeat them.
 *
 * <p><b>Idempotence.</b> A detection whose {@code (seriesId, detector, timestamp)} is already stored, or came
 * earlier in the same call, is counted as a duplicate and dropped: the record stored first is kept. A call is
 * checked whole before anything is stored, so a call holding a null stores nothing.
 */
public final class InMemoryDetectionStore implements DetectionStore {
    private final ConcurrentSkipListMap<Key, DetectionRecord> records = new ConcurrentSkipListMap<>();
    /** One instance of each series id and detector name, so that a million detections do not hold a million copies. */
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryDetectionStore() {
    }

    @Override
    public IngestResult append(Collection<DetectionRecord> batch) {
        Objects.requireNonNull(batch, "records");
        List<DetectionRecord> checked = new ArrayList<>(batch.size());
        for (DetectionRecord r : batch) {
            checked.add(Objects.requireNonNull(r, "records must not contain null"));
        }
        long inserted = 0;
        for (DetectionRecord r : checked) {
            String series = shared(r.seriesId());
            String detector = shared(r.detector());
            DetectionRecord stored = series == r.seriesId() && detector == r.detector() ? r
                    : new DetectionRecord(series, detector, r.detection());
            if (records.putIfAbsent(new Key(r.timestamp(), series, detector), stored) == null) {
                inserted++;
            }
        }
        return new IngestResult(inserted, checked.size() - inserted);
    }

    private String shared(String name) {
        String known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }

    @Override
    public List<DetectionRecord> query(DetectionQuery query) {
        Objects.requireNonNull(query, "query");
        // No series id or detector is blank, so ("", "") sorts before every key at fromInclusive.
        Key start = new Key(query.fromInclusive(), "", "");
        NavigableMap<Key, DetectionRecord> tail = records.tailMap(start, true);
        if (query.afterSeriesId() != null) {
            Key cursor = new Key(query.afterTimestamp(), query.afterSeriesId(), query.afterDetector());
            if (cursor.compareTo(start) >= 0) {
                tail = records.tailMap(cursor, false);
            }
        }
        List<DetectionRecord> page = new ArrayList<>(Math.min(query.limit(), 256));
        for (Map.Entry<Key, DetectionRecord> e : tail.entrySet()) {
            if (e.getKey().timestamp() >= query.toExclusive()) {
                break;
            }
            if (query.matches(e.getValue())) {
                page.add(e.getValue());
                if (page.size() == query.limit()) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public String toString() {
        return "InMemoryDetectionStore[" + records.size() + " detections]";
    }

    /** A detection's identity, ordered as query results are. */
    private record Key(long timestamp, String seriesId, String detector) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(timestamp, o.timestamp);
            if (c == 0) {
                c = seriesId.compareTo(o.seriesId);
            }
            return c == 0 ? detector.compareTo(o.detector) : c;
        }
    }
}
