/**
 * anomaly4j's engine: plugin registry, fluent facade, pipelines, built-in detectors, model codec and stores.
 */
module io.github.anomaly4j.core {
    requires transitive io.github.anomaly4j.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static com.google.auto.service;

    exports io.github.anomaly4j.core;
    exports io.github.anomaly4j.core.data;
    exports io.github.anomaly4j.core.detect;
    exports io.github.anomaly4j.core.eval;
    exports io.github.anomaly4j.core.store;

    // Jackson maps the built-in state records through their public constructors and accessors, which an
    // exported package makes reachable: no 'opens' is needed (ModulePathTest proves it).

    uses io.github.anomaly4j.spi.DetectorProvider;
    uses io.github.anomaly4j.spi.ForecasterProvider;
    uses io.github.anomaly4j.spi.FeatureTransformProvider;
    uses io.github.anomaly4j.spi.DriftTestProvider;
    uses io.github.anomaly4j.spi.StoreProvider;
    uses io.github.anomaly4j.spi.ModelFormat;

    provides io.github.anomaly4j.spi.DetectorProvider with
            io.github.anomaly4j.core.detect.ZScoreProvider,
            io.github.anomaly4j.core.detect.MadProvider,
            io.github.anomaly4j.core.detect.IqrProvider,
            io.github.anomaly4j.core.detect.EwmaProvider,
            io.github.anomaly4j.core.detect.CusumProvider,
            io.github.anomaly4j.core.detect.WindowedGaussianProvider;
    provides io.github.anomaly4j.spi.StoreProvider with
            io.github.anomaly4j.core.store.MemoryStoreProvider,
            io.github.anomaly4j.core.store.FileModelStoreProvider;
    provides io.github.anomaly4j.spi.ModelFormat with io.github.anomaly4j.core.JsonModelFormat;
}
