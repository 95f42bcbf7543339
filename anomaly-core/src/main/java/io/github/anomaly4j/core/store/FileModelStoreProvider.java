package io.github.anomaly4j.core.store;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.StoreContext;
import io.github.anomaly4j.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The store plugin {@code "file"}: a {@link FileModelStore}. It has no parameters, because a directory is not one
 * of the values a {@link Parameter} can hold: the directory comes from the {@link StoreContext} as a
 * {@link Path}, which is required. A {@link Clock} in the context, if any, stamps the versions (default: the
 * system clock in UTC).
 *
 * <pre>{@code
 * ModelStore models = provider.createModelStore(settings, StoreContext.of(Path.of("models")));
 * }</pre>
 */
@AutoService(StoreProvider.class)
public final class FileModelStoreProvider implements StoreProvider {
    /** The plugin id. */
    public static final String ID = "file";

    /** For {@link java.util.ServiceLoader}. */
    public FileModelStoreProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Versioned, checksummed model files in a directory (a java.nio.file.Path in the StoreContext).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of();
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.MODELS);
    }

    /**
     * @param settings no settings
     * @param context must offer a {@link Path}, the store's directory; may offer a {@link Clock}
     * @return a store on that directory
     * @throws IllegalArgumentException when the context offers no {@link Path}
     */
    @Override
    public ModelStore createModelStore(Settings settings, StoreContext context) {
        Path root = context.require(Path.class, ID);
        return FileModelStore.open(root, context.get(Clock.class).orElseGet(Clock::systemUTC));
    }
}
