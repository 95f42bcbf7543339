package io.github.anomaly4j.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.DetectionQuery;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.tck.store.DetectionStoreCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory detection store passes the kit, and a cursor before the time range does not widen it. */
class InMemoryDetectionStoreTest extends DetectionStoreCompatibilityKit {

    @Override
    protected DetectionStore newStore() {
        return new InMemoryDetectionStore();
    }

    @Test
    void aCursorBeforeTheRangeStartsAtTheRange() {
        InMemoryDetectionStore store = new InMemoryDetectionStore();
        DetectionRecord early = new DetectionRecord("s", "mad", Detection.of(100, 1.0, 0.5, false, 2.0));
        DetectionRecord inRange = new DetectionRecord("s", "mad", Detection.of(200, 1.0, 0.5, false, 2.0));
        store.append(List.of(early, inRange));
        DetectionQuery query = DetectionQuery.between(150, 300).after(early);
        assertThat(store.query(query)).containsExactly(inRange);
    }
}
