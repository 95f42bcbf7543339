/**
 * anomaly4j's compatibility kits: abstract JUnit 5 test classes that every plugin's tests extend to prove the
 * plugin keeps the contracts of {@code io.github.anomaly4j.api}, and an allocation counter for tests that a hot
 * path allocates nothing.
 */
module io.github.anomaly4j.tck {
    requires transitive io.github.anomaly4j.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.github.anomaly4j.tck;
    exports io.github.anomaly4j.tck.store;
    exports io.github.anomaly4j.tck.drift;
    exports io.github.anomaly4j.tck.forecast;

    uses io.github.anomaly4j.spi.ModelFormat;
}
