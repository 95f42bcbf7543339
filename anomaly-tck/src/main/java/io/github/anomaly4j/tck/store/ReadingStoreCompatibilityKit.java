package io.github.anomaly4j.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.store.IngestResult;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link ReadingStore} plugins: the store's test extends it, says how to make a fresh
 * empty store, and inherits the checks below.
 *
 * <pre>{@code
 * class InMemoryReadingStoreTest extends ReadingStoreCompatibilityKit {
 *
 *     @Override
 *     protected ReadingStore newStore() {
 *         return new InMemoryReadingStore();
 *     }
 * }
 * }</pre>
 * (This example is {@code InMemoryReadingStoreTest} in {@code anomaly-core}.) A database store's test returns
 * a store on a fresh schema, or on tables emptied before each test.
 *
 * <h2>What it checks</h2>
 * <b>Idempotent ingestion</b>
 * <ul>
 *   <li>new readings are all counted as inserted, with no duplicates; an empty call inserts nothing;</li>
 *   <li>the same batch appended twice: the second {@link IngestResult} is {@code (inserted 0, duplicates n)} and
 *       the series still holds each reading once;</li>
 *   <li>a reading repeated within one call counts as a duplicate, and the value stored is the one that came
 *       first in the call;</li>
 *   <li>a later reading with a stored key counts as a duplicate and leaves the stored value alone;</li>
 *   <li>the key is {@code (seriesId, timestamp)}: one timestamp in two series is two readings;</li>
 *   <li>a batch of 10,000 readings of 3 series is stored whole;</li>
 *   <li>8 threads appending overlapping, shuffled batches at once end with exactly the union stored, each value
 *       right, and their inserted counts summing to the size of the union.</li>
 * </ul>
 * <b>Reading back</b>
 * <ul>
 *   <li>readings appended out of order come back sorted by timestamp;</li>
 *   <li>{@code range(id, from, to)} is the half-open interval {@code [from, to)}, including timestamps before
 *       1970; an empty interval gives nothing; a reversed one gives nothing or is refused with
 *       {@link IllegalArgumentException};</li>
 *   <li>{@code latest(id, n)} gives the {@code n} newest readings, oldest first, or all of them when there are
 *       fewer;</li>
 *   <li>results are single-column series named {@value TimeSeries#DEFAULT_COLUMN}, also when empty;</li>
 *   <li>values come back bit for bit, including extremes ({@link Double#MAX_VALUE}, {@link Double#MIN_VALUE},
 *       {@code 1e-300});</li>
 *   <li>a NaN reading is stored as a missing value: it is counted, returned as NaN, and takes its place in
 *       {@code latest};</li>
 *   <li>an unknown series gives empty results, and an empty store no series ids;</li>
 *   <li>{@code seriesIds()} is sorted ({@link String#compareTo}: upper case before lower case) and holds each id
 *       once.</li>
 * </ul>
 * <b>Bad arguments</b>
 * <ul>
 *   <li>{@code latest} with a count of 0 or less: {@link IllegalArgumentException};</li>
 *   <li>a null collection, a collection holding null, or a null series id: {@link NullPointerException} or
 *       {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Every check is its own public {@code @Test} method, so a plugin can run one from its own test when it
 * needs to.
 */
public abstract class ReadingStoreCompatibilityKit {
    /** 2024-01-01T00:00:00Z; readings are one minute apart. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long MINUTE = 60_000L;

    /** For subclasses. */
    protected ReadingStoreCompatibilityKit() {
    }

    /**
     * A fresh store holding no readings. Called once per check; the checks never share a store.
     *
     * @return an empty store
     */
    protected abstract ReadingStore newStore();

    // ---------------------------------------------------------------------------------------------------------
    // Idempotent ingestion

    /** New readings are all inserted; an empty call inserts nothing. */
    @Test
    @DisplayName("new readings are counted as inserted; an empty call inserts nothing")
    public void newReadingsAreInserted() {
        ReadingStore store = newStore();
        assertThat(store.append(List.of())).as("append of no readings").isEqualTo(new IngestResult(0, 0));
        IngestResult result = store.append(minutes("s", 0, 5));
        assertThat(result).as("append of 5 new readings").isEqualTo(new IngestResult(5, 0));
        assertThat(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE).size()).as("readings stored").isEqualTo(5);
    }

    /** The same batch appended twice is stored once; the second call reports every reading as a duplicate. */
    @Test
    @DisplayName("the same batch appended twice: the second call inserts 0, all duplicates")
    public void appendingTheSameBatchTwiceIsIdempotent() {
        ReadingStore store = newStore();
        List<Reading> batch = minutes("s", 0, 7);
        assertThat(store.append(batch)).as("first append").isEqualTo(new IngestResult(7, 0));
        assertThat(store.append(batch)).as("second append of the same batch").isEqualTo(new IngestResult(0, 7));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "range after two appends", batch);
    }

    /** A repeat within one call is a duplicate; the first value of the call is stored. */
    @Test
    @DisplayName("a reading repeated within one call is a duplicate; the first one's value is stored")
    public void repeatsWithinOneCallAreDuplicates() {
        ReadingStore store = newStore();
        List<Reading> batch = List.of(new Reading("s", T0 + MINUTE, 1.0), new Reading("s", T0, 10.0),
                new Reading("s", T0 + MINUTE, 2.0), new Reading("s", T0, 20.0), new Reading("s", T0 + MINUTE, 3.0));
        assertThat(store.append(batch)).as("append of 2 keys, 5 readings").isEqualTo(new IngestResult(2, 3));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "stored readings",
                List.of(new Reading("s", T0, 10.0), new Reading("s", T0 + MINUTE, 1.0)));
    }

    /** A later reading with a stored key is a duplicate and does not replace the stored value. */
    @Test
    @DisplayName("a later reading with a stored key is a duplicate and keeps the stored value")
    public void storedValueWinsOverALaterDuplicate() {
        ReadingStore store = newStore();
        store.append(List.of(new Reading("s", T0, 1.5), new Reading("s", T0 + MINUTE, 2.5)));
        IngestResult again = store.append(List.of(new Reading("s", T0, 99.0), new Reading("s", T0 + 2 * MINUTE, 3.5)));
        assertThat(again).as("append of one stored key and one new").isEqualTo(new IngestResult(1, 1));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "stored readings",
                List.of(new Reading("s", T0, 1.5), new Reading("s", T0 + MINUTE, 2.5),
                        new Reading("s", T0 + 2 * MINUTE, 3.5)));
    }

    /** One timestamp in two series is two readings. */
    @Test
    @DisplayName("the key is (seriesId, timestamp): one timestamp in two series is two readings")
    public void seriesAreKeptApart() {
        ReadingStore store = newStore();
        IngestResult result = store.append(List.of(new Reading("a", T0, 1.0), new Reading("b", T0, 2.0)));
        assertThat(result).as("append of one timestamp in two series").isEqualTo(new IngestResult(2, 0));
        assertSeries(store.range("a", Long.MIN_VALUE, Long.MAX_VALUE), "series a", List.of(new Reading("a", T0, 1.0)));
        assertSeries(store.range("b", Long.MIN_VALUE, Long.MAX_VALUE), "series b", List.of(new Reading("b", T0, 2.0)));
    }

    /** A batch of 10,000 readings of 3 series is stored whole. */
    @Test
    @DisplayName("a batch of 10,000 readings of 3 series is stored whole")
    public void largeBatchIsStoredWhole() {
        ReadingStore store = newStore();
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(new Reading("series-" + i % 3, T0 + (i / 3) * MINUTE, valueOf(i % 3, i / 3)));
        }
        Collections.shuffle(batch, new Random(7));
        assertThat(store.append(batch)).as("append of 10,000 new readings").isEqualTo(new IngestResult(10_000, 0));
        for (int s = 0; s < 3; s++) {
            String id = "series-" + s;
            List<Reading> expected = batch.stream().filter(r -> r.seriesId().equals(id)).sorted(
                    (x, y) -> Long.compare(x.timestamp(), y.timestamp())).toList();
            assertSeries(store.range(id, Long.MIN_VALUE, Long.MAX_VALUE), "series " + id, expected);
        }
    }

    /**
     * 8 threads appending overlapping batches end with the union stored and inserted counts summing to its size.
     *
     * @throws Exception when the test thread is interrupted while waiting for the appending threads
     */
    @Test
    @DisplayName("8 threads appending overlapping batches: the union is stored, inserted counts sum to its size")
    public void concurrentOverlappingAppendsStoreTheUnion() throws Exception {
        ReadingStore store = newStore();
        String[] series = {"pump-1", "pump-2"};
        int threads = Concurrently.THREADS;
        int span = 300; // thread t covers minutes [100 t, 100 t + 300): each minute is sent by up to 3 threads
        List<List<List<Reading>>> work = new ArrayList<>();
        long sent = 0;
        for (int t = 0; t < threads; t++) {
            List<Reading> readings = new ArrayList<>();
            for (int s = 0; s < series.length; s++) {
                for (int m = 100 * t; m < 100 * t + span; m++) {
                    readings.add(new Reading(series[s], T0 + m * MINUTE, valueOf(s, m)));
                }
            }
            Collections.shuffle(readings, new Random(t));
            sent += readings.size();
            List<List<Reading>> batches = new ArrayList<>();
            for (int from = 0; from < readings.size(); from += 37) {
                batches.add(readings.subList(from, Math.min(from + 37, readings.size())));
            }
            work.add(batches);
        }
        List<IngestResult> results = Concurrently.run(threads, t -> {
            IngestResult sum = new IngestResult(0, 0);
            for (List<Reading> batch : work.get(t)) {
                sum = sum.plus(store.append(batch));
            }
            return sum;
        });
        int minutesCovered = 100 * (threads - 1) + span;
        long union = (long) series.length * minutesCovered;
        IngestResult total = results.stream().reduce(new IngestResult(0, 0), IngestResult::plus);
        assertThat(total).as("sum of the IngestResults of %d threads that sent %d readings, %d distinct", threads,
                sent, union).isEqualTo(new IngestResult(union, sent - union));
        for (int s = 0; s < series.length; s++) {
            List<Reading> expected = new ArrayList<>();
            for (int m = 0; m < minutesCovered; m++) {
                expected.add(new Reading(series[s], T0 + m * MINUTE, valueOf(s, m)));
            }
            assertSeries(store.range(series[s], Long.MIN_VALUE, Long.MAX_VALUE), "series " + series[s], expected);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading back

    /** Readings appended out of order are read back sorted. */
    @Test
    @DisplayName("readings appended out of order come back sorted")
    public void outOfOrderReadingsComeBackSorted() {
        ReadingStore store = newStore();
        long[] order = {5, 1, 9, 0, 3, 8, 2, 7, 4, 6};
        List<Reading> readings = new ArrayList<>();
        for (long m : order) {
            readings.add(new Reading("s", T0 + m * MINUTE, 100.0 + m));
        }
        store.append(readings.subList(0, 5));
        store.append(readings.subList(5, 10));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "range", minutes("s", 0, 10));
        assertSeries(store.latest("s", 10), "latest(10)", minutes("s", 0, 10));
    }

    /** {@code range} is the half-open interval {@code [from, to)}. */
    @Test
    @DisplayName("range(from, to) holds exactly the readings with from <= timestamp < to")
    public void rangeIsHalfOpen() {
        ReadingStore store = newStore();
        List<Reading> all = minutes("s", 0, 10);
        store.append(all);
        assertSeries(store.range("s", T0 + 2 * MINUTE, T0 + 5 * MINUTE), "range [2, 5) minutes", all.subList(2, 5));
        assertSeries(store.range("s", T0 + 2 * MINUTE - 1, T0 + 5 * MINUTE + 1), "range [2 min - 1 ms, 5 min + 1 ms)",
                all.subList(2, 6));
        assertSeries(store.range("s", T0 + 2 * MINUTE + 1, T0 + 5 * MINUTE - 1),
                "range [2 min + 1 ms, 5 min - 1 ms)", all.subList(3, 5));
        assertSeries(store.range("s", T0 + 3 * MINUTE, T0 + 3 * MINUTE), "empty range [3, 3) minutes", List.of());
        assertSeries(store.range("s", T0 + 10 * MINUTE, Long.MAX_VALUE), "range after the last reading", List.of());
        assertSeries(store.range("s", Long.MIN_VALUE, T0), "range before the first reading", List.of());
        assertSeries(store.range("s", T0 + 9 * MINUTE, T0 + 9 * MINUTE + 1), "range of the last reading only",
                all.subList(9, 10));

        TimeSeries reversed;
        try {
            reversed = store.range("s", T0 + 5 * MINUTE, T0 + 2 * MINUTE);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertSeries(reversed, "reversed range [5, 2) minutes (either empty or refused)", List.of());
    }

    /** Timestamps before 1970 are stored and ranged like any other. */
    @Test
    @DisplayName("timestamps before 1970 are stored and read back in order")
    public void timestampsBefore1970AreStored() {
        ReadingStore store = newStore();
        List<Reading> readings = List.of(new Reading("s", -86_400_000L, 1.0), new Reading("s", -1L, 2.0),
                new Reading("s", 0L, 3.0), new Reading("s", 1L, 4.0));
        store.append(List.of(readings.get(2), readings.get(0), readings.get(3), readings.get(1)));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "range of all", readings);
        assertSeries(store.range("s", -1L, 1L), "range [-1, 1)", readings.subList(1, 3));
    }

    /** {@code latest(n)} gives the newest n readings, oldest first. */
    @Test
    @DisplayName("latest(n) gives the n newest readings, oldest first, or all when there are fewer")
    public void latestGivesTheNewestOldestFirst() {
        ReadingStore store = newStore();
        List<Reading> all = minutes("s", 0, 10);
        List<Reading> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(3));
        store.append(shuffled);
        assertSeries(store.latest("s", 3), "latest(3) of 10", all.subList(7, 10));
        assertSeries(store.latest("s", 1), "latest(1) of 10", all.subList(9, 10));
        assertSeries(store.latest("s", 10), "latest(10) of 10", all);
        assertSeries(store.latest("s", 1000), "latest(1000) of 10", all);
        assertSeries(store.latest("s", Integer.MAX_VALUE), "latest(Integer.MAX_VALUE) of 10", all);
    }

    /** Results are single-column series named "value", also when empty. */
    @Test
    @DisplayName("results are single-column series named \"value\", also when empty")
    public void resultsHaveOneColumnNamedValue() {
        ReadingStore store = newStore();
        store.append(minutes("s", 0, 3));
        for (TimeSeries result : List.of(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), store.latest("s", 2),
                store.range("s", 0, 1), store.range("unknown", Long.MIN_VALUE, Long.MAX_VALUE),
                store.latest("unknown", 5))) {
            assertThat(result.columnNames()).as("columns of %s", result).containsExactly(TimeSeries.DEFAULT_COLUMN);
        }
    }

    /** Values come back bit for bit, extremes included. */
    @Test
    @DisplayName("values come back bit for bit, extremes included")
    public void valuesRoundTripExactly() {
        ReadingStore store = newStore();
        double[] values = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-300, -1e300, 0.1, 1.0 / 3.0,
            Math.PI, 0.0, -123456.789};
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            readings.add(new Reading("s", T0 + i * MINUTE, values[i]));
        }
        store.append(readings);
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "range", readings);
    }

    /** A NaN reading is a stored, missing value. */
    @Test
    @DisplayName("a NaN reading is stored as a missing value, counted and returned as NaN")
    public void nanIsStoredAsMissing() {
        ReadingStore store = newStore();
        List<Reading> readings = List.of(new Reading("s", T0, 1.0), new Reading("s", T0 + MINUTE, Double.NaN),
                new Reading("s", T0 + 2 * MINUTE, 3.0));
        assertThat(store.append(readings)).as("append with a NaN reading").isEqualTo(new IngestResult(3, 0));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "range", readings);
        assertSeries(store.latest("s", 2), "latest(2)", readings.subList(1, 3));
        assertThat(store.append(List.of(new Reading("s", T0 + MINUTE, 2.0))))
                .as("a value for the timestamp of the missing one").isEqualTo(new IngestResult(0, 1));
        assertSeries(store.range("s", Long.MIN_VALUE, Long.MAX_VALUE), "range after the duplicate", readings);
    }

    /** Unknown series give empty results; an empty store has no series. */
    @Test
    @DisplayName("an unknown series gives empty results; an empty store has no series ids")
    public void unknownSeriesGiveEmptyResults() {
        ReadingStore store = newStore();
        assertThat(store.seriesIds()).as("seriesIds() of an empty store").isEmpty();
        assertSeries(store.range("nobody", Long.MIN_VALUE, Long.MAX_VALUE), "range of a series in an empty store",
                List.of());
        store.append(minutes("s", 0, 3));
        assertSeries(store.range("nobody", Long.MIN_VALUE, Long.MAX_VALUE), "range of an unknown series", List.of());
        assertSeries(store.latest("nobody", 5), "latest of an unknown series", List.of());
        assertSeries(store.range("S", Long.MIN_VALUE, Long.MAX_VALUE), "range of 'S' when 's' exists", List.of());
    }

    /** {@code seriesIds()} is sorted by {@link String#compareTo} and holds each id once. */
    @Test
    @DisplayName("seriesIds() is sorted by String.compareTo and holds each id once")
    public void seriesIdsAreSortedAndDistinct() {
        ReadingStore store = newStore();
        for (String id : List.of("pump-10", "Pump-2", "pump-9", "boiler", "pump-10", "Boiler", "b")) {
            store.append(minutes(id, 0, 2));
        }
        assertThat(store.seriesIds()).as("seriesIds()")
                .containsExactly("Boiler", "Pump-2", "b", "boiler", "pump-10", "pump-9");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bad arguments

    /** {@code latest} refuses a count of 0 or less. */
    @Test
    @DisplayName("latest refuses a count of 0 or less with IllegalArgumentException")
    public void latestRefusesNonPositiveCount() {
        ReadingStore store = newStore();
        store.append(minutes("s", 0, 3));
        Refusals.assertIllegalArgument("latest(\"s\", 0)", () -> store.latest("s", 0));
        Refusals.assertIllegalArgument("latest(\"s\", -1)", () -> store.latest("s", -1));
        Refusals.assertIllegalArgument("latest(\"s\", Integer.MIN_VALUE)", () -> store.latest("s", Integer.MIN_VALUE));
    }

    /** Null arguments are refused with {@link NullPointerException} or {@link IllegalArgumentException}. */
    @Test
    @DisplayName("null arguments are refused with NullPointerException or IllegalArgumentException")
    public void nullArgumentsAreRefused() {
        ReadingStore store = newStore();
        Refusals.assertNullRefused("append(null)", () -> store.append(null));
        Refusals.assertNullRefused("append of a list holding null",
                () -> store.append(Arrays.asList(new Reading("s", T0, 1.0), null)));
        Refusals.assertNullRefused("range(null, ...)", () -> store.range(null, Long.MIN_VALUE, Long.MAX_VALUE));
        Refusals.assertNullRefused("latest(null, 1)", () -> store.latest(null, 1));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /** Readings of one series at minutes {@code [from, to)} after {@link #T0}, valued {@code 100 + minute}. */
    private static List<Reading> minutes(String seriesId, int from, int to) {
        List<Reading> readings = new ArrayList<>();
        for (int m = from; m < to; m++) {
            readings.add(new Reading(seriesId, T0 + m * MINUTE, 100.0 + m));
        }
        return readings;
    }

    private static double valueOf(int series, int minute) {
        return series * 1000.0 + minute + 0.25;
    }

    /**
     * Asserts a result holds exactly {@code expected} (sorted, distinct timestamps) with bit-identical values.
     */
    private static void assertSeries(TimeSeries actual, String what, List<Reading> expected) {
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.width()).as("%s: number of columns", what).isEqualTo(1);
        long[] timestamps = actual.timestamps();
        double[] values = actual.column(0);
        long[] expectedTimestamps = expected.stream().mapToLong(Reading::timestamp).toArray();
        assertThat(timestamps).as("%s: timestamps", what).containsExactly(expectedTimestamps);
        long[] expectedBits = expected.stream().mapToLong(r -> Double.doubleToLongBits(r.value())).toArray();
        long[] actualBits = Arrays.stream(values).mapToLong(Double::doubleToLongBits).toArray();
        assertThat(actualBits).as("%s: values (as Double.doubleToLongBits; expected %s, got %s)", what,
                expected.stream().map(r -> r.value()).toList(), Arrays.toString(values)).containsExactly(expectedBits);
    }
}
