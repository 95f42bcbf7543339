package io.github.anomaly4j.tck.store;

import io.github.anomaly4j.api.store.DetectionQuery;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.IngestResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The smallest detection store that keeps the contract: one lock, a map sorted in query order, a scan per query.
 * The kit's own tests run the kit against it, and against subclasses that break one rule each.
 */
class ReferenceDetectionStore implements DetectionStore {
    private final TreeMap<DetectionRecord, DetectionRecord> records = new TreeMap<>(order());

    /** The order of the keys, and so of query results. */
    Comparator<DetectionRecord> order() {
        return Comparator.comparingLong(DetectionRecord::timestamp).thenComparing(DetectionRecord::seriesId)
                .thenComparing(DetectionRecord::detector);
    }

    @Override
    public synchronized IngestResult append(Collection<DetectionRecord> batch) {
        List<DetectionRecord> checked = new ArrayList<>();
        for (DetectionRecord r : Objects.requireNonNull(batch, "records")) {
            checked.add(Objects.requireNonNull(r, "record"));
        }
        long inserted = 0;
        for (DetectionRecord r : checked) {
            if (store(records, r)) {
                inserted++;
            }
        }
        return new IngestResult(inserted, checked.size() - inserted);
    }

    /** @return whether the record was new */
    boolean store(TreeMap<DetectionRecord, DetectionRecord> map, DetectionRecord r) {
        return map.putIfAbsent(r, r) == null;
    }

    @Override
    public synchronized List<DetectionRecord> query(DetectionQuery query) {
        Objects.requireNonNull(query, "query");
        List<DetectionRecord> page = new ArrayList<>();
        for (DetectionRecord r : records.values()) {
            if (matches(query, r)) {
                page.add(r);
                if (page.size() == query.limit()) {
                    break;
                }
            }
        }
        return page;
    }

    boolean matches(DetectionQuery query, DetectionRecord r) {
        return query.matches(r);
    }
}
