/** Isolation Forest and extended Isolation Forest, batch and sliding-window streaming, with per-feature attribution. */
module io.github.anomaly4j.iforest {
    requires transitive io.github.anomaly4j.api;
    requires static com.google.auto.service;

    exports io.github.anomaly4j.iforest;

    provides io.github.anomaly4j.spi.DetectorProvider with io.github.anomaly4j.iforest.IsolationForestProvider;
}
