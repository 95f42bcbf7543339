/**
 * PostgreSQL/TimescaleDB stores for readings, detections and model versions, with versioned SQL migrations run by
 * the library.
 */
module io.github.anomaly4j.store.jdbc {
    requires transitive io.github.anomaly4j.api;
    requires static com.google.auto.service;
    requires transitive java.sql;
    requires org.postgresql.jdbc;

    exports io.github.anomaly4j.store.jdbc;

    provides io.github.anomaly4j.spi.StoreProvider with io.github.anomaly4j.store.jdbc.PostgresStoreProvider;
}
