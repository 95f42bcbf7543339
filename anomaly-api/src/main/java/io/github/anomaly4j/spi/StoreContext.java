package io.github.anomaly4j.spi;

import java.util.List;
import java.util.Optional;

/**
 * Objects a store needs that cannot travel in a {@link Spec}: a {@code javax.sql.DataSource}, a
 * {@link java.time.Clock}, a base directory. Immutable.
 */
public final class StoreContext {
    private final List<Object> services;

    private StoreContext(List<Object> services) {
        this.services = services;
    }

    /** @return a context with nothing in it */
    public static StoreContext empty() {
        return new StoreContext(List.of());
    }

    /**
     * @param services the objects to offer; looked up by type, first match wins
     * @return the context
     */
    public static StoreContext of(Object... services) {
        return new StoreContext(List.of(services));
    }

    /**
     * @param type the type wanted
     * @param <T> that type
     * @return the first offered object of that type
     */
    public <T> Optional<T> get(Class<T> type) {
        for (Object s : services) {
            if (type.isInstance(s)) {
                return Optional.of(type.cast(s));
            }
        }
        return Optional.empty();
    }

    /**
     * @param type the type needed
     * @param storeId the store asking, for the message
     * @param <T> that type
     * @return the first offered object of that type
     * @throws IllegalArgumentException when none was offered
     */
    public <T> T require(Class<T> type, String storeId) {
        return get(type).orElseThrow(() -> new IllegalArgumentException("store '" + storeId + "' needs a "
                + type.getName() + " in its StoreContext"));
    }
}
