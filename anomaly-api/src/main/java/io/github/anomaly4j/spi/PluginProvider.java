package io.github.anomaly4j.spi;

import java.util.List;

/**
 * What every plugin provider has: an id, the SPI version it was built against, a description and its parameters.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/<provider interface>} or {@code provides} it in {@code module-info.java}) or registered
 * explicitly. They need a public no-argument constructor and must be stateless and thread-safe.
 */
public interface PluginProvider {

    /**
     * The SPI version of this release. A registry refuses providers built against a newer SPI than its own, and
     * providers older than {@link #MIN_SUPPORTED_SPI_VERSION}.
     */
    int SPI_VERSION = 1;

    /** The oldest SPI version this release still loads. */
    int MIN_SUPPORTED_SPI_VERSION = 1;

    /** @return the plugin id, unique within its kind; see {@link Spec#requireValidId(String)} */
    String id();

    /** @return the SPI version the provider was compiled against; the default is this release's */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /** @return one sentence for help text */
    String description();

    /** @return the plugin's parameters, in a stable order */
    List<Parameter<?>> parameters();
}
