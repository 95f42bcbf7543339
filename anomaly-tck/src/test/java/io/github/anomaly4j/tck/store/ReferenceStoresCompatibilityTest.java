package io.github.anomaly4j.tck.store;

import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ReadingStore;
import org.junit.jupiter.api.Nested;

/** The reference stores pass the kits: the kits demand nothing the contracts do not. */
class ReferenceStoresCompatibilityTest {

    @Nested
    class Readings extends ReadingStoreCompatibilityKit {
        @Override
        protected ReadingStore newStore() {
            return new ReferenceReadingStore();
        }
    }

    @Nested
    class Detections extends DetectionStoreCompatibilityKit {
        @Override
        protected DetectionStore newStore() {
            return new ReferenceDetectionStore();
        }
    }

    @Nested
    class Models extends ModelStoreCompatibilityKit {
        @Override
        protected ModelStore newStore() {
            return new ReferenceModelStore();
        }

        @Override
        protected void corrupt(ModelStore store, String name, int version) {
            ((ReferenceModelStore) store).corruptStoredBytes(name, version);
        }
    }
}
