/**
 * anomaly4j's contracts, value types and SPI. No runtime dependencies; plugins depend on this module only.
 */
module io.github.anomaly4j.api {
    exports io.github.anomaly4j.api;
    exports io.github.anomaly4j.api.data;
    exports io.github.anomaly4j.api.detect;
    exports io.github.anomaly4j.api.drift;
    exports io.github.anomaly4j.api.feature;
    exports io.github.anomaly4j.api.forecast;
    exports io.github.anomaly4j.api.store;
    exports io.github.anomaly4j.spi;

    uses io.github.anomaly4j.spi.ModelFormat;
}
