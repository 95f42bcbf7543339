package io.github.anomaly4j.spi;

import io.github.anomaly4j.api.drift.DriftTest;

/** Provides a drift test plugin. Drift tests have no fitted state. */
public interface DriftTestProvider extends PluginProvider {

    /**
     * @param settings validated settings
     * @return a test with those settings
     */
    DriftTest create(Settings settings);
}
