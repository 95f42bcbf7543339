package io.github.anomaly4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY path's optimistic plain INSERT and its ON CONFLICT fallback report exact counts. */
class OptimisticCopyIT {
    private static JdbcReadingStore store() {
        return store(true);
    }

    private static JdbcReadingStore store(boolean optimistic) {
        TestDatabase db = TestDatabase.get();
        return new JdbcReadingStore(db.pool(), db.freshConfig().optimisticCopy(optimistic).build());
    }

    private static List<Reading> readings(String series, int from, int to, double value) {
        List<Reading> list = new ArrayList<>();
        for (int t = from; t < to; t++) {
            list.add(new Reading(series, t * 1000L, value + t));
        }
        return list;
    }

    @Test
    void allNewRowsGoInWithoutFallback() {
        JdbcReadingStore store = store();
        IngestResult r = store.appendViaCopy(readings("a", 0, 5_000, 0));
        assertThat(r).isEqualTo(new IngestResult(5_000, 0));
        assertThat(store.optimisticFallbacks()).isZero();
        assertThat(store.range("a", 0, Long.MAX_VALUE).size()).isEqualTo(5_000);
    }

    @Test
    void overlapWithStoredRowsFallsBackWithExactCounts() {
        JdbcReadingStore store = store();
        assertThat(store.appendViaCopy(readings("a", 0, 3_000, 0))).isEqualTo(new IngestResult(3_000, 0));
        List<Reading> overlapping = new ArrayList<>(readings("a", 2_000, 6_000, 0.5));
        overlapping.addAll(readings("b", 0, 1_000, 0));
        IngestResult r = store.appendViaCopy(overlapping);
        assertThat(r).isEqualTo(new IngestResult(4_000, 1_000));
        assertThat(store.optimisticFallbacks()).isEqualTo(1);
        // the stored rows keep their first values; the rolled-back attempt left nothing behind
        assertThat(store.range("a", 0, Long.MAX_VALUE).size()).isEqualTo(6_000);
        assertThat(store.range("a", 2_000_000, 2_001_000).column(0)[0]).isEqualTo(2_000.0);
        assertThat(store.range("a", 3_000_000, 3_001_000).column(0)[0]).isEqualTo(3_000.5);
        assertThat(store.range("b", 0, Long.MAX_VALUE).size()).isEqualTo(1_000);
        // the same batch again: all duplicates (this one skips the optimistic attempt after the fallback)
        assertThat(store.appendViaCopy(overlapping)).isEqualTo(new IngestResult(0, 5_000));
        assertThat(store.optimisticFallbacks()).isEqualTo(1);
    }

    @Test
    void repeatsWithinOneBatchKeepTheFirstOccurrence() {
        JdbcReadingStore store = store();
        List<Reading> batch = new ArrayList<>(readings("a", 0, 2_000, 0));
        batch.addAll(readings("a", 1_000, 1_500, 0.25));
        batch.addAll(readings("a", 2_000, 2_100, 0));
        IngestResult r = store.appendViaCopy(batch);
        assertThat(r).isEqualTo(new IngestResult(2_100, 500));
        assertThat(store.optimisticFallbacks()).isEqualTo(1);
        assertThat(store.range("a", 1_200_000, 1_201_000).column(0)[0]).isEqualTo(1_200.0);
        assertThat(store.range("a", 0, Long.MAX_VALUE).size()).isEqualTo(2_100);
    }

    @Test
    void withTheOptionOffTheSameBatchesGiveTheSameCounts() {
        JdbcReadingStore store = store(false);
        assertThat(store.appendViaCopy(readings("a", 0, 3_000, 0))).isEqualTo(new IngestResult(3_000, 0));
        List<Reading> batch = new ArrayList<>(readings("a", 2_000, 4_000, 0.5));
        batch.addAll(readings("a", 3_500, 3_600, 0.25));
        assertThat(store.appendViaCopy(batch)).isEqualTo(new IngestResult(1_000, 1_100));
        assertThat(store.optimisticFallbacks()).isZero();
        assertThat(store.range("a", 3_550_000, 3_551_000).column(0)[0]).isEqualTo(3_550.5);
    }

    @Test
    void repeatedFallbacksSkipTheOptimisticAttemptForGrowingRuns() {
        JdbcReadingStore store = store();
        List<Reading> batch = readings("a", 0, 2_000, 0);
        assertThat(store.appendViaCopy(batch)).isEqualTo(new IngestResult(2_000, 0));
        // re-deliveries: fallback, skip 1, fallback, skip 3, fallback, skip 7 ...
        long[] expected = {1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4};
        for (long fallbacks : expected) {
            assertThat(store.appendViaCopy(batch)).isEqualTo(new IngestResult(0, 2_000));
            assertThat(store.optimisticFallbacks()).isEqualTo(fallbacks);
        }
        // new rows while skipping still count exactly; the first successful optimistic insert resets the streak
        for (int i = 1; i <= 16; i++) {
            assertThat(store.appendViaCopy(readings("n" + i, 0, 2_000, 0))).isEqualTo(new IngestResult(2_000, 0));
        }
        assertThat(store.optimisticFallbacks()).isEqualTo(4);
        assertThat(store.appendViaCopy(batch)).isEqualTo(new IngestResult(0, 2_000));
        assertThat(store.appendViaCopy(batch)).isEqualTo(new IngestResult(0, 2_000));
        assertThat(store.optimisticFallbacks()).as("streak was reset: fallback, then skip 1").isEqualTo(5);
    }
}
