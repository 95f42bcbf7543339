package io.github.anomaly4j.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import io.github.anomaly4j.spi.StoreContext;
import io.github.anomaly4j.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "memory" and "file" store plugins are discovered and create what they say. */
class StoreProvidersTest {

    private static StoreProvider discovered(String id) {
        Map<String, StoreProvider> byId = ServiceLoader.load(StoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toMap(StoreProvider::id, p -> p));
        assertThat(byId).as("store providers found by ServiceLoader").containsKey(id);
        return byId.get(id);
    }

    @Test
    void memoryProviderCreatesFreshInMemoryStores() {
        StoreProvider memory = discovered("memory");
        assertThat(memory).isInstanceOf(MemoryStoreProvider.class);
        assertThat(memory.kinds()).containsExactlyInAnyOrder(StoreProvider.Kind.READINGS,
                StoreProvider.Kind.DETECTIONS);
        assertThat(memory.parameters()).isEmpty();
        assertThat(memory.description()).isNotBlank();
        Settings settings = Settings.resolve(Spec.of("memory"), memory.parameters());
        assertThat(memory.createReadingStore(settings, StoreContext.empty())).isInstanceOf(InMemoryReadingStore.class)
                .isNotSameAs(memory.createReadingStore(settings, StoreContext.empty()));
        assertThat(memory.createDetectionStore(settings, StoreContext.empty()))
                .isInstanceOf(InMemoryDetectionStore.class);
        assertThatThrownBy(() -> memory.createModelStore(settings, StoreContext.empty()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("not MODELS");
        assertThatThrownBy(() -> Settings.resolve(Spec.of("memory").with("size", 3), memory.parameters()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown parameter 'size'");
    }

    @Test
    void fileProviderOpensAStoreOnThePathInTheContext(@TempDir Path temp) {
        StoreProvider file = discovered("file");
        assertThat(file).isInstanceOf(FileModelStoreProvider.class);
        assertThat(file.kinds()).containsExactly(StoreProvider.Kind.MODELS);
        assertThat(file.parameters()).isEmpty();
        Settings settings = Settings.resolve(Spec.of("file"), file.parameters());
        Instant noon = Instant.parse("2024-05-01T12:00:00Z");
        Path root = temp.resolve("models");

        ModelStore store = file.createModelStore(settings, StoreContext.of(root, Clock.fixed(noon, ZoneOffset.UTC)));
        assertThat(store).isInstanceOf(FileModelStore.class);
        assertThat(((FileModelStore) store).root()).isEqualTo(root.toAbsolutePath());
        assertThat(store.publish("m", new byte[] {1, 2, 3}, Map.of()).published()).isEqualTo(noon);
        assertThat(FileModelStore.open(root).load("m", 1)).containsExactly(1, 2, 3);

        assertThatThrownBy(() -> file.createModelStore(settings, StoreContext.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.nio.file.Path")
                .hasMessageContaining("'file'");
        assertThatThrownBy(() -> file.createReadingStore(settings, StoreContext.of(root)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void storesAreCreatedByNameThroughTheFacade(@TempDir Path temp) {
        io.github.anomaly4j.api.store.ReadingStore readings =
                io.github.anomaly4j.core.Anomaly.readingStore(Spec.of("memory"), StoreContext.empty());
        assertThat(readings).isInstanceOf(InMemoryReadingStore.class);
        assertThat(io.github.anomaly4j.core.Anomaly.detectionStore(Spec.of("memory"), StoreContext.empty()))
                .isInstanceOf(InMemoryDetectionStore.class);
        ModelStore models = io.github.anomaly4j.core.Anomaly.modelStore(Spec.of("file"), StoreContext.of(temp));
        assertThat(models).isInstanceOf(FileModelStore.class);

        assertThatThrownBy(() -> io.github.anomaly4j.core.Anomaly.modelStore(Spec.of("memory"),
                StoreContext.empty())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("store 'memory' keeps").hasMessageContaining("stores keeping MODELS: [file]");
        assertThatThrownBy(() -> io.github.anomaly4j.core.Anomaly.readingStore(Spec.of("nosuch"),
                StoreContext.empty())).isInstanceOf(io.github.anomaly4j.api.UnknownPluginException.class)
                .hasMessageContaining("memory");
        assertThatThrownBy(() -> io.github.anomaly4j.core.Anomaly.readingStore(Spec.of("memory").with("x", 1),
                StoreContext.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'x'");
    }
}
