package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing doubled: a writer sends keys 1..N in batches while its connections are killed or the
 * server restarts; after the store's retries the stored key set is exactly 1..N.
 */
class FaultToleranceIT {
    private static final int N = 100_000;
    private static final int BATCH = 1_000;
    private static final String SERIES = "fault";

    @TempDir
    Path temp;

    /** Batches of keys 1..N, each shuffled, so that every batch arrives out of order. */
    private static List<List<Reading>> batches() {
        List<List<Reading>> batches = new ArrayList<>();
        Random random = new Random(42);
        for (int from = 1; from <= N; from += BATCH) {
            List<Reading> batch = new ArrayList<>(BATCH);
            for (int key = from; key < from + BATCH; key++) {
                batch.add(new Reading(SERIES, key, key * 0.5));
            }
            Collections.shuffle(batch, random);
            batches.add(batch);
        }
        return batches;
    }

    @Test
    void killingTheWritersBackendEveryFifthBatchLosesAndDoublesNothing() throws Exception {
        TestDatabase db = TestDatabase.get();
        String app = "anomaly4j-fault-" + System.nanoTime();
        TestPool writerPool = new TestPool(db.direct().withApplicationName(app), 4);
        JdbcStoreConfig config = db.freshConfig().copyThreshold(BATCH)
                .retries(20, Duration.ofMillis(10), Duration.ofMillis(500)).build();
        JdbcReadingStore store = new JdbcReadingStore(writerPool, config);
        int k = 5;
        AtomicLong terminated = new AtomicLong();
        IngestResult total = new IngestResult(0, 0);
        List<List<Reading>> batches = batches();
        Random random = new Random(7);
        try (Connection admin = db.direct().getConnection()) {
            for (int i = 0; i < batches.size(); i++) {
                CompletableFuture<Void> killer = null;
                if (i % k == 0) {
                    // alternate: kill the idle pooled connection before the batch, or the busy one during it
                    long delayMicros = (i / k) % 2 == 0 ? 0 : 200 + random.nextInt(3_000);
                    killer = CompletableFuture.runAsync(() -> terminated.addAndGet(terminate(db, app, delayMicros)));
                    if (delayMicros == 0) {
                        killer.get(10, TimeUnit.SECONDS);
                    }
                }
                List<Reading> batch = batches.get(i);
                total = total.plus(i % 2 == 0 ? store.appendViaCopy(batch) : store.appendViaUnnest(batch));
                if (killer != null) {
                    killer.get(10, TimeUnit.SECONDS);
                }
            }
            assertThat(terminated.get()).as("backends terminated over %d kill rounds", batches.size() / k)
                    .isGreaterThanOrEqualTo(batches.size() / k / 2);
            assertThat(total.total()).as("readings reported").isEqualTo(N);
            assertThat(store.retriedAttempts()).as("attempts repeated after a killed connection").isPositive();
            assertExactlyKeys(admin, config);
            System.out.printf("fault test: %d batches of %d, %d backends terminated, %d attempts retried, %s%n",
                    batches.size(), BATCH, terminated.get(), store.retriedAttempts(), total);
        } finally {
            writerPool.closeAll();
        }
    }

    private static long terminate(TestDatabase db, String app, long delayMicros) {
        try (Connection c = db.direct().getConnection()) {
            if (delayMicros > 0) {
                TimeUnit.MICROSECONDS.sleep(delayMicros);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                    + "FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
                ps.setString(1, app);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void restartingTheServerMidRunLosesAndDoublesNothing() throws Exception {
        assumeTrue(TestDatabase.get().embedded(), "the restart test needs the embedded server; "
                + TestDatabase.URL_VARIABLE + " names an external one");
        Path data = Files.createDirectories(temp.resolve("pgdata"));
        EmbeddedPostgres first = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .start();
        int port = first.getPort();
        UrlDataSource url = new UrlDataSource(first.getJdbcUrl("postgres", "postgres"), "anomaly4j-restart");
        TestPool pool = new TestPool(url, 4);
        JdbcStoreConfig config = JdbcStoreConfig.builder().tablePrefix("restart_").copyThreshold(BATCH)
                .retries(60, Duration.ofMillis(20), Duration.ofMillis(500)).build();
        JdbcReadingStore store = new JdbcReadingStore(pool, config);
        List<List<Reading>> batches = batches();
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<IngestResult> writer = CompletableFuture.supplyAsync(() -> {
            IngestResult sum = new IngestResult(0, 0);
            for (int i = 0; i < batches.size(); i++) {
                sum = sum.plus(i % 2 == 0 ? store.appendViaCopy(batches.get(i))
                        : store.appendViaUnnest(batches.get(i)));
                done.incrementAndGet();
            }
            return sum;
        });
        EmbeddedPostgres second = null;
        try {
            while (done.get() < batches.size() / 3 && !writer.isDone()) {
                Thread.sleep(5);
            }
            int before = done.get();
            first.close();
            second = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .start();
            IngestResult total = writer.get(120, TimeUnit.SECONDS);
            assertThat(before).as("batches written before the restart").isLessThan(batches.size());
            assertThat(total.total()).as("readings reported").isEqualTo(N);
            assertThat(store.retriedAttempts()).as("attempts repeated while the server restarted").isPositive();
            try (Connection c = url.getConnection()) {
                assertExactlyKeys(c, config);
            }
            System.out.printf("restart test: restarted after %d of %d batches, %d attempts retried, %s%n", before,
                    batches.size(), store.retriedAttempts(), total);
        } finally {
            pool.closeAll();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void theSameBatchSentThreeTimesIsStoredOnceAndReportedAsDuplicates() throws Exception {
        TestDatabase db = TestDatabase.get();
        JdbcStoreConfig config = db.freshConfig().build();
        JdbcReadingStore store = new JdbcReadingStore(db.pool(), config);
        List<Reading> batch = batches().get(0);
        assertThat(store.appendViaCopy(batch)).as("first delivery (COPY)").isEqualTo(new IngestResult(BATCH, 0));
        assertThat(store.appendViaUnnest(batch)).as("second delivery (unnest)").isEqualTo(new IngestResult(0, BATCH));
        assertThat(store.append(batch)).as("third delivery (append)").isEqualTo(new IngestResult(0, BATCH));
        assertThat(count(db, config)).as("rows after three deliveries").isEqualTo(BATCH);

        List<Reading> next = batches().get(1);
        assertThat(store.append("batch-2", next)).as("keyed batch, first time").isEqualTo(new IngestResult(BATCH, 0));
        assertThat(store.append("batch-2", next)).as("keyed batch, second time").isEqualTo(new IngestResult(0, BATCH));
        assertThat(store.append("batch-2", next.subList(0, 10))).as("same key, other content: refused as a repeat")
                .isEqualTo(new IngestResult(0, 10));
        assertThat(count(db, config)).as("rows after three keyed deliveries").isEqualTo(2L * BATCH);
    }

    private static long count(TestDatabase db, JdbcStoreConfig config) throws SQLException {
        try (Connection c = db.direct().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM " + config.table("readings")); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Compares the stored key set with 1..N, element by element, and checks the values too. */
    private static void assertExactlyKeys(Connection c, JdbcStoreConfig config) throws SQLException {
        List<Long> keys = new ArrayList<>(N);
        try (PreparedStatement ps = c.prepareStatement("SELECT ts_ms, value FROM " + config.table("readings")
                + " WHERE series_id = ? ORDER BY ts_ms")) {
            ps.setString(1, SERIES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long key = rs.getLong(1);
                    assertThat(rs.getDouble(2)).as("value of key %d", key).isEqualTo(key * 0.5);
                    keys.add(key);
                }
            }
        }
        List<Long> expected = LongStream.rangeClosed(1, N).boxed().toList();
        assertThat(keys).as("stored keys (sorted), expected exactly 1..%d", N).hasSize(N)
                .containsExactlyElementsOf(expected);
    }
}
