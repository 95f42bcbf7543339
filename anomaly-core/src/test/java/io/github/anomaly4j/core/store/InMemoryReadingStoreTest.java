package io.github.anomaly4j.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.tck.store.ReadingStoreCompatibilityKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory reading store passes the kit, and its merge keeps a long series sorted and whole. */
class InMemoryReadingStoreTest extends ReadingStoreCompatibilityKit {

    @Override
    protected ReadingStore newStore() {
        return new InMemoryReadingStore();
    }

    @Test
    void interleavedBatchesMergeIntoOneSortedSeries() {
        InMemoryReadingStore store = new InMemoryReadingStore();
        // Even timestamps first, in growing batches (the append-at-end path), then the odd ones reaching back
        // across all of them (the merge path), then a batch straddling both with half of it stored already.
        List<Reading> evens = new ArrayList<>();
        for (int t = 0; t < 10_000; t += 2) {
            evens.add(new Reading("s", t, t));
        }
        for (int from = 0; from < evens.size(); from += 700) {
            store.append(evens.subList(from, Math.min(from + 700, evens.size())));
        }
        List<Reading> odds = new ArrayList<>();
        for (int t = 9_999; t > 0; t -= 2) {
            odds.add(new Reading("s", t, t));
        }
        assertThat(store.append(odds)).isEqualTo(new IngestResult(5_000, 0));
        List<Reading> straddling = new ArrayList<>();
        for (int t = 9_000; t < 11_000; t++) {
            straddling.add(new Reading("s", t, -1.0)); // -1 must not replace any stored value
        }
        assertThat(store.append(straddling)).isEqualTo(new IngestResult(1_000, 1_000));

        TimeSeries all = store.range("s", Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(11_000);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.timestamp(i)).isEqualTo(i);
            assertThat(all.value(i, 0)).isEqualTo(i < 10_000 ? i : -1.0);
        }
    }

    @Test
    void aBatchHoldingNullStoresNothing() {
        InMemoryReadingStore store = new InMemoryReadingStore();
        List<Reading> batch = new ArrayList<>(List.of(new Reading("s", 1, 1.0)));
        batch.add(null);
        assertThatThrownBy(() -> store.append(batch)).isInstanceOf(NullPointerException.class);
        assertThat(store.seriesIds()).isEmpty();
    }
}
