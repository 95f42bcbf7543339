package io.github.anomaly4j.api.store;

import java.util.Collection;
import java.util.List;

/**
 * Stores detections. Writes are idempotent on {@code (seriesId, detector, timestamp)}: a repeat is counted as a
 * duplicate and the stored record kept. Implementations are thread-safe.
 */
public interface DetectionStore {

    /**
     * @param records detections to store, in any order
     * @return how many were new and how many duplicates
     */
    IngestResult append(Collection<DetectionRecord> records);

    /**
     * @param query filters and cursor
     * @return one page of matches in {@code (timestamp, seriesId, detector)} order
     */
    List<DetectionRecord> query(DetectionQuery query);
}
