package io.github.anomaly4j.spi;

import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ReadingStore;
import java.util.Set;

/**
 * Provides stores. One provider may offer any of the three kinds; {@link #kinds()} says which.
 */
public interface StoreProvider extends PluginProvider {

    /** The kinds of store. */
    enum Kind {
        /** {@link ReadingStore}. */
        READINGS,
        /** {@link DetectionStore}. */
        DETECTIONS,
        /** {@link ModelStore}. */
        MODELS
    }

    /** @return the kinds this provider can create */
    Set<Kind> kinds();

    /**
     * @param settings validated settings
     * @param context objects the store needs
     * @return a reading store
     */
    default ReadingStore createReadingStore(Settings settings, StoreContext context) {
        throw new UnsupportedOperationException("store '" + id() + "' offers " + kinds() + ", not READINGS");
    }

    /**
     * @param settings validated settings
     * @param context objects the store needs
     * @return a detection store
     */
    default DetectionStore createDetectionStore(Settings settings, StoreContext context) {
        throw new UnsupportedOperationException("store '" + id() + "' offers " + kinds() + ", not DETECTIONS");
    }

    /**
     * @param settings validated settings
     * @param context objects the store needs
     * @return a model store
     */
    default ModelStore createModelStore(Settings settings, StoreContext context) {
        throw new UnsupportedOperationException("store '" + id() + "' offers " + kinds() + ", not MODELS");
    }
}
