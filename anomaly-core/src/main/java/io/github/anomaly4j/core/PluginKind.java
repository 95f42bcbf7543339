package io.github.anomaly4j.core;

import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.FeatureTransformProvider;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.spi.PluginProvider;
import io.github.anomaly4j.spi.StoreProvider;

/** The kinds of plugin, each with its provider interface and the word used in messages. */
public enum PluginKind {
    /** Anomaly detectors. */
    DETECTOR("detector", DetectorProvider.class),
    /** Forecasters. */
    FORECASTER("forecaster", ForecasterProvider.class),
    /** Feature transforms. */
    FEATURE_TRANSFORM("feature transform", FeatureTransformProvider.class),
    /** Drift tests. */
    DRIFT_TEST("drift test", DriftTestProvider.class),
    /** Stores. */
    STORE("store", StoreProvider.class);

    private final String label;
    private final Class<? extends PluginProvider> providerType;

    PluginKind(String label, Class<? extends PluginProvider> providerType) {
        this.label = label;
        this.providerType = providerType;
    }

    /** @return the word for this kind in messages, e.g. {@code "detector"} */
    public String label() {
        return label;
    }

    /** @return the provider interface */
    public Class<? extends PluginProvider> providerType() {
        return providerType;
    }

    /**
     * @param provider a provider
     * @return the kinds it belongs to (a class may implement several provider interfaces)
     */
    static java.util.EnumSet<PluginKind> of(PluginProvider provider) {
        java.util.EnumSet<PluginKind> kinds = java.util.EnumSet.noneOf(PluginKind.class);
        for (PluginKind k : values()) {
            if (k.providerType.isInstance(provider)) {
                kinds.add(k);
            }
        }
        return kinds;
    }
}
