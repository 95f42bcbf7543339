package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plans behind the claims in docs/jdbc-store.md: "latest N" and time windows are index range scans without
 * a sort, keyset pagination of detections is an index range scan in result order, and seriesIds() probes the
 * index once per series.
 */
class QueryPlansIT {
    private static final long T0 = 1_704_067_200_000L;

    @Test
    void theHotQueriesAreIndexRangeScansWithoutSorts() throws SQLException {
        TestDatabase db = TestDatabase.get();
        JdbcStoreConfig config = db.freshConfig().build();
        JdbcReadingStore readings = new JdbcReadingStore(db.pool(), config);
        JdbcDetectionStore detections = new JdbcDetectionStore(db.pool(), config);
        List<Reading> rows = new ArrayList<>();
        List<DetectionRecord> records = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            rows.add(new Reading("sensor-" + (i % 5), T0 + (i / 5) * 1000L, i));
            if (i % 5 == 0) {
                records.add(new DetectionRecord("sensor-" + (i % 5), "zscore", Detection.of(T0 + (i / 5) * 1000L,
                        1.0, (i % 10) / 10.0, i % 7 == 0, 2.0)));
            }
        }
        readings.append(rows);
        detections.append(records);
        String r = config.table("readings");
        String d = config.table("detections");
        try (Connection c = db.direct().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + r);
                s.execute("ANALYZE " + d);
            }
            String latest = plan(c, "SELECT ts_ms, value FROM " + r + " WHERE series_id = 'sensor-3' ORDER BY ts_ms "
                    + "DESC LIMIT 1000");
            assertThat(latest).as("latest N").contains("Index Scan using " + config.tableName("readings_key"))
                    .doesNotContain("Sort", "Seq Scan");
            String window = plan(c, "SELECT ts_ms, value FROM " + r + " WHERE series_id = 'sensor-3' AND ts_ms >= "
                    + (T0 + 100_000) + " AND ts_ms < " + (T0 + 200_000) + " ORDER BY ts_ms");
            assertThat(window).as("time window").contains(config.tableName("readings_key"))
                    .doesNotContain("Sort", "Seq Scan");
            String page = plan(c, "SELECT * FROM " + d + " WHERE ts_ms >= " + Long.MIN_VALUE + " AND ts_ms < "
                    + Long.MAX_VALUE + " AND (ts_ms, series_id, detector) > (" + (T0 + 500_000)
                    + ", 'sensor-3', 'zscore') ORDER BY ts_ms, series_id, detector LIMIT 100");
            assertThat(page).as("keyset page").contains("Index Scan using " + config.tableName("detections_by_time"))
                    .doesNotContain("Sort", "Seq Scan");
        }
        assertThat(readings.seriesIds()).hasSize(5);
    }

    private static String plan(Connection c, String sql) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        }
        return sb.toString();
    }
}
