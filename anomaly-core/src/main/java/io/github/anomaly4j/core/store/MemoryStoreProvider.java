package io.github.anomaly4j.core.store;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.StoreContext;
import io.github.anomaly4j.spi.StoreProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The store plugin {@code "memory"}: a new {@link InMemoryReadingStore} or {@link InMemoryDetectionStore} per
 * call. No parameters, nothing needed from the {@link StoreContext}.
 */
@AutoService(StoreProvider.class)
public final class MemoryStoreProvider implements StoreProvider {
    /** The plugin id. */
    public static final String ID = "memory";

    /** For {@link java.util.ServiceLoader}. */
    public MemoryStoreProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Readings and detections in memory, thread-safe, lost when the process ends.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of();
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.READINGS, Kind.DETECTIONS);
    }

    @Override
    public ReadingStore createReadingStore(Settings settings, StoreContext context) {
        return new InMemoryReadingStore();
    }

    @Override
    public DetectionStore createDetectionStore(Settings settings, StoreContext context) {
        return new InMemoryDetectionStore();
    }
}
