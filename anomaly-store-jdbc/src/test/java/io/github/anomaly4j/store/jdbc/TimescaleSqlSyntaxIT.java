package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where no TimescaleDB is at hand, PostgreSQL's own parser still checks the TimescaleDB steps: each statement of
 * T1..T4 (both T2 variants) is run on plain PostgreSQL, after V1, and must fail only for a missing TimescaleDB
 * function or option, never with a syntax error (SQLState 42601).
 */
class TimescaleSqlSyntaxIT {

    @Test
    void everyTimescaleStatementParses() throws SQLException {
        TestDatabase db = TestDatabase.get();
        JdbcStoreConfig config = db.freshConfig().build();
        JdbcSchema schema = JdbcSchema.of(db.pool(), config);
        StorageMode plain = schema.migrate();
        assumeFalse(plain.timescale(), "TimescaleDB is installed: the *IT tests run these steps for real");
        List<JdbcSchema.Migration> steps = new ArrayList<>();
        for (String version : new String[] {"2.17.0", "2.18.0"}) {
            for (JdbcSchema.Migration m : schema.migrations(new StorageMode(plain.serverVersion(), version, "t"))) {
                if (!m.transactional()) {
                    steps.add(m);
                }
            }
        }
        assertThat(steps).extracting(JdbcSchema.Migration::description).hasSize(8);
        List<String> outcomes = new ArrayList<>();
        try (Connection c = db.direct().getConnection()) {
            c.setAutoCommit(false);
            for (JdbcSchema.Migration m : steps) {
                for (String statement : SqlScript.split(m.sql())) {
                    String state;
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                        state = "ok";
                    } catch (SQLException e) {
                        state = e.getSQLState();
                    }
                    c.rollback();
                    outcomes.add(m.version() + " " + state + " " + statement.lines().findFirst().orElse(""));
                }
            }
        }
        outcomes.forEach(System.out::println);
        assertThat(outcomes).as("statements and their SQLStates on plain PostgreSQL").hasSizeGreaterThan(15)
                .noneMatch(o -> o.contains(" 42601 "));
    }
}
