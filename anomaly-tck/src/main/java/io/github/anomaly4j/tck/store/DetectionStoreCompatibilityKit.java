package io.github.anomaly4j.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.detect.Attribution;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.DetectionQuery;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.IngestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link DetectionStore} plugins: the store's test extends it, says how to make a fresh
 * empty store, and inherits the checks below.
 *
 * <pre>{@code
 * class InMemoryDetectionStoreTest extends DetectionStoreCompatibilityKit {
 *
 *     @Override
 *     protected DetectionStore newStore() {
 *         return new InMemoryDetectionStore();
 *     }
 * }
 * }</pre>
 * (This example is {@code InMemoryDetectionStoreTest} in {@code anomaly-core}.)
 *
 * <p>Most checks use a fixed set of 180 detections: series {@code "Pump"}, {@code "boiler"} and {@code "pump"}
 * (chosen so that {@link String#compareTo} order, upper case first, differs from a case-insensitive collation),
 * detectors {@code "mad"}, {@code "zscore"} and {@code "iforest"}, 20 timestamps one minute apart, calibrated
 * scores spread over [0, 1] with some exactly 0.5, and every fourth detection anomalous. They are appended in a
 * shuffled order, in batches.
 *
 * <h2>What it checks</h2>
 * <b>Idempotent ingestion</b>
 * <ul>
 *   <li>new detections are all counted as inserted; an empty call inserts nothing;</li>
 *   <li>the same batch appended twice: the second {@link IngestResult} is {@code (inserted 0, duplicates n)} and
 *       queries return each detection once;</li>
 *   <li>the identity is {@code (seriesId, detector, timestamp)}: a repeat of it, within a call or in a later one,
 *       is a duplicate and the record stored first is kept, whatever its scores; changing any one of the three
 *       makes a new detection;</li>
 *   <li>8 threads appending overlapping, shuffled batches at once end with exactly the union stored and their
 *       inserted counts summing to the size of the union.</li>
 * </ul>
 * <b>Queries</b>
 * <ul>
 *   <li>results come ordered by {@code (timestamp, seriesId, detector)}, whatever the order of appending;</li>
 *   <li>each filter, alone and combined, returns exactly the matching detections: series, detector, time range
 *       {@code [from, to)}, {@code minScore} (calibrated score at least the minimum, inclusive) and
 *       {@code onlyAnomalous};</li>
 *   <li>{@code limit} caps a page, keeping the first detections in order;</li>
 *   <li>keyset pagination (pages of {@code k} through {@link DetectionQuery#after}) visits every match exactly
 *       once, in order, in pages of exactly {@code k} but the last, for {@code k} of 1, 7, 50, 180 and 1000, with
 *       and without filters;</li>
 *   <li>an unknown series or detector, or an empty store, gives an empty page.</li>
 * </ul>
 * <b>Round trip</b>
 * <ul>
 *   <li>a stored detection equals the one appended ({@link Detection#equals}): timestamp, raw score (negative,
 *       tiny, {@link Double#MAX_VALUE}), calibrated score, flag, threshold (including an infinite one),
 *       warming-up, attribution (feature names, non-ASCII ones too, and contributions) and expected value (or
 *       their absence).</li>
 * </ul>
 * <b>Bad arguments</b>
 * <ul>
 *   <li>a null collection, a collection holding null, or a null query: {@link NullPointerException} or
 *       {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Every check is its own public {@code @Test} method, so a plugin can run one from its own test when it
 * needs to.
 */
public abstract class DetectionStoreCompatibilityKit {
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long MINUTE = 60_000L;
    private static final List<String> SERIES = List.of("pump", "Pump", "boiler");
    private static final List<String> DETECTORS = List.of("zscore", "mad", "iforest");
    private static final int TIMESTAMPS = 20;
    /** The order queries return. */
    private static final Comparator<DetectionRecord> QUERY_ORDER = Comparator.comparingLong(DetectionRecord::timestamp)
            .thenComparing(DetectionRecord::seriesId).thenComparing(DetectionRecord::detector);

    /** For subclasses. */
    protected DetectionStoreCompatibilityKit() {
    }

    /**
     * A fresh store holding no detections. Called once per check; the checks never share a store.
     *
     * @return an empty store
     */
    protected abstract DetectionStore newStore();

    // ---------------------------------------------------------------------------------------------------------
    // Idempotent ingestion

    /** New detections are all inserted; an empty call inserts nothing. */
    @Test
    @DisplayName("new detections are counted as inserted; an empty call inserts nothing")
    public void newDetectionsAreInserted() {
        DetectionStore store = newStore();
        assertThat(store.append(List.of())).as("append of no detections").isEqualTo(new IngestResult(0, 0));
        List<DetectionRecord> all = standardSet();
        assertThat(store.append(all)).as("append of %d new detections", all.size())
                .isEqualTo(new IngestResult(all.size(), 0));
        assertThat(everything(store)).as("stored detections").hasSize(all.size());
    }

    /** The same batch appended twice is stored once; the second call reports every detection as a duplicate. */
    @Test
    @DisplayName("the same batch appended twice: the second call inserts 0, all duplicates")
    public void appendingTheSameBatchTwiceIsIdempotent() {
        DetectionStore store = newStore();
        List<DetectionRecord> all = standardSet();
        store.append(all);
        assertThat(store.append(all)).as("second append of the same %d detections", all.size())
                .isEqualTo(new IngestResult(0, all.size()));
        assertThat(everything(store)).as("stored detections after two appends")
                .containsExactlyElementsOf(sorted(all));
    }

    /** A repeated identity is a duplicate; the first record is kept; changing one part of the identity is new. */
    @Test
    @DisplayName("(seriesId, detector, timestamp) is the identity: a repeat keeps the first record")
    public void identityIsSeriesDetectorAndTimestamp() {
        DetectionStore store = newStore();
        DetectionRecord first = new DetectionRecord("pump", "mad", Detection.of(T0, 4.0, 0.9, true, 3.0));
        DetectionRecord sameKeyInCall = new DetectionRecord("pump", "mad", Detection.of(T0, 1.0, 0.1, false, 3.0));
        assertThat(store.append(List.of(first, sameKeyInCall))).as("append of one key twice in one call")
                .isEqualTo(new IngestResult(1, 1));
        DetectionRecord sameKeyLater = new DetectionRecord("pump", "mad", Detection.warmingUp(T0, 2.0));
        List<DetectionRecord> others = List.of(
                new DetectionRecord("pump", "zscore", Detection.of(T0, 1.0, 0.2, false, 3.0)),
                new DetectionRecord("boiler", "mad", Detection.of(T0, 1.0, 0.3, false, 3.0)),
                new DetectionRecord("pump", "mad", Detection.of(T0 + 1, 1.0, 0.4, false, 3.0)));
        List<DetectionRecord> later = new ArrayList<>(others);
        later.add(1, sameKeyLater);
        assertThat(store.append(later)).as("append of the stored key again and 3 keys that differ in one part")
                .isEqualTo(new IngestResult(3, 1));
        List<DetectionRecord> expected = new ArrayList<>(others);
        expected.add(first);
        assertThat(everything(store)).as("stored detections").containsExactlyElementsOf(sorted(expected));
    }

    /**
     * 8 threads appending overlapping batches end with the union stored and inserted counts summing to its size.
     *
     * @throws Exception when the test thread is interrupted while waiting for the appending threads
     */
    @Test
    @DisplayName("8 threads appending overlapping batches: the union is stored, inserted counts sum to its size")
    public void concurrentOverlappingAppendsStoreTheUnion() throws Exception {
        DetectionStore store = newStore();
        int threads = Concurrently.THREADS;
        int span = 150; // thread t covers minutes [50 t, 50 t + 150): each minute is sent by up to 3 threads
        List<List<List<DetectionRecord>>> work = new ArrayList<>();
        long sent = 0;
        for (int t = 0; t < threads; t++) {
            List<DetectionRecord> records = new ArrayList<>();
            for (int m = 50 * t; m < 50 * t + span; m++) {
                records.add(record("pump", "mad", m));
                records.add(record("boiler", "zscore", m));
            }
            Collections.shuffle(records, new Random(t));
            sent += records.size();
            List<List<DetectionRecord>> batches = new ArrayList<>();
            for (int from = 0; from < records.size(); from += 29) {
                batches.add(records.subList(from, Math.min(from + 29, records.size())));
            }
            work.add(batches);
        }
        List<IngestResult> results = Concurrently.run(threads, t -> {
            IngestResult sum = new IngestResult(0, 0);
            for (List<DetectionRecord> batch : work.get(t)) {
                sum = sum.plus(store.append(batch));
            }
            return sum;
        });
        int minutesCovered = 50 * (threads - 1) + span;
        List<DetectionRecord> union = new ArrayList<>();
        for (int m = 0; m < minutesCovered; m++) {
            union.add(record("pump", "mad", m));
            union.add(record("boiler", "zscore", m));
        }
        IngestResult total = results.stream().reduce(new IngestResult(0, 0), IngestResult::plus);
        assertThat(total).as("sum of the IngestResults of %d threads that sent %d detections, %d distinct", threads,
                sent, union.size()).isEqualTo(new IngestResult(union.size(), sent - union.size()));
        assertThat(everything(store)).as("stored detections").containsExactlyElementsOf(sorted(union));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Queries

    /** Results come ordered by (timestamp, seriesId, detector). */
    @Test
    @DisplayName("results are ordered by (timestamp, seriesId, detector), whatever the order of appending")
    public void resultsAreOrderedByTimestampSeriesDetector() {
        DetectionStore store = storeWithStandardSet();
        List<DetectionRecord> page = store.query(DetectionQuery.between(Long.MIN_VALUE, Long.MAX_VALUE)
                .withLimit(DetectionQuery.MAX_LIMIT));
        assertThat(page).as("all detections in one page").containsExactlyElementsOf(sorted(standardSet()));
        assertThat(page.subList(0, 9)).extracting(r -> r.seriesId() + "/" + r.detector())
                .as("the detections of the first timestamp ('P' sorts before 'b' and 'p')")
                .containsExactly("Pump/iforest", "Pump/mad", "Pump/zscore", "boiler/iforest", "boiler/mad",
                        "boiler/zscore", "pump/iforest", "pump/mad", "pump/zscore");
    }

    /** Each filter, alone and combined, returns exactly the matching detections. */
    @Test
    @DisplayName("filters on series, detector, time range, minScore and onlyAnomalous return exactly the matches")
    public void filtersReturnExactlyTheMatches() {
        DetectionStore store = storeWithStandardSet();
        DetectionQuery all = DetectionQuery.between(Long.MIN_VALUE, Long.MAX_VALUE).withLimit(DetectionQuery.MAX_LIMIT);
        assertFilter(store, "forSeries(\"pump\")", all.forSeries("pump"), r -> r.seriesId().equals("pump"), 60);
        assertFilter(store, "forSeries(\"Pump\")", all.forSeries("Pump"), r -> r.seriesId().equals("Pump"), 60);
        assertFilter(store, "forDetector(\"mad\")", all.forDetector("mad"), r -> r.detector().equals("mad"), 60);
        long from = T0 + 5 * MINUTE;
        long to = T0 + 8 * MINUTE;
        assertFilter(store, "between(5 min, 8 min)", DetectionQuery.between(from, to).withLimit(1000),
                r -> r.timestamp() >= from && r.timestamp() < to, 27);
        assertFilter(store, "between(5 min - 1 ms, 8 min + 1 ms)",
                DetectionQuery.between(from - 1, to + 1).withLimit(1000),
                r -> r.timestamp() >= from - 1 && r.timestamp() < to + 1, 36);
        assertFilter(store, "between(5 min, 5 min)", DetectionQuery.between(from, from), r -> false, 0);
        assertFilter(store, "withMinScore(0.5)", all.withMinScore(0.5),
                r -> r.detection().calibratedScore() >= 0.5, 96);
        assertFilter(store, "withMinScore(1.0)", all.withMinScore(1.0),
                r -> r.detection().calibratedScore() >= 1.0, 16);
        assertFilter(store, "onlyAnomalous()", all.onlyAnomalous(), r -> r.detection().anomalous(), 45);
        assertFilter(store, "every filter at once",
                DetectionQuery.between(T0 + 2 * MINUTE, T0 + 15 * MINUTE).withLimit(1000).forSeries("boiler")
                        .forDetector("mad").withMinScore(0.25).onlyAnomalous(),
                r -> r.seriesId().equals("boiler") && r.detector().equals("mad")
                        && r.timestamp() >= T0 + 2 * MINUTE && r.timestamp() < T0 + 15 * MINUTE
                        && r.detection().calibratedScore() >= 0.25 && r.detection().anomalous(), 2);
    }

    /** {@code limit} caps a page and keeps the first detections in order. */
    @Test
    @DisplayName("limit caps a page, keeping the first detections in order")
    public void limitKeepsTheFirstDetections() {
        DetectionStore store = storeWithStandardSet();
        List<DetectionRecord> expected = sorted(standardSet());
        for (int limit : new int[] {1, 10, 179, 180, 181}) {
            List<DetectionRecord> page = store.query(DetectionQuery.between(Long.MIN_VALUE, Long.MAX_VALUE)
                    .withLimit(limit));
            assertThat(page).as("page with limit %d", limit)
                    .containsExactlyElementsOf(expected.subList(0, Math.min(limit, expected.size())));
        }
    }

    /** Keyset pagination visits every match exactly once, in pages of k but the last. */
    @Test
    @DisplayName("keyset pagination through after(last) visits every match once, in pages of exactly k but the last")
    public void keysetPaginationVisitsEveryMatchOnce() {
        DetectionStore store = storeWithStandardSet();
        List<DetectionRecord> all = sorted(standardSet());
        for (int k : new int[] {1, 7, 50, 180, 1000}) {
            DetectionQuery everything = DetectionQuery.between(Long.MIN_VALUE, Long.MAX_VALUE).withLimit(k);
            assertPagination(store, "all detections", everything, all, k);
            assertPagination(store, "anomalous 'pump' detections from 3 min on", DetectionQuery.between(
                    T0 + 3 * MINUTE, Long.MAX_VALUE).withLimit(k).forSeries("pump").onlyAnomalous(),
                    all.stream().filter(r -> r.seriesId().equals("pump") && r.detection().anomalous()
                            && r.timestamp() >= T0 + 3 * MINUTE).toList(), k);
            assertPagination(store, "'mad' detections with minScore 0.5", everything.forDetector("mad")
                    .withMinScore(0.5), all.stream().filter(r -> r.detector().equals("mad")
                    && r.detection().calibratedScore() >= 0.5).toList(), k);
        }
    }

    /** Unknown series or detectors, and an empty store, give empty pages. */
    @Test
    @DisplayName("an unknown series or detector, or an empty store, gives an empty page")
    public void unknownSeriesGiveEmptyPages() {
        DetectionStore store = newStore();
        DetectionQuery all = DetectionQuery.between(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(store.query(all)).as("query of an empty store").isEmpty();
        store.append(standardSet());
        assertThat(store.query(all.forSeries("nobody"))).as("query of an unknown series").isEmpty();
        assertThat(store.query(all.forSeries("PUMP"))).as("query of 'PUMP' when 'pump' and 'Pump' exist").isEmpty();
        assertThat(store.query(all.forDetector("arima"))).as("query of an unknown detector").isEmpty();
        assertThat(store.query(DetectionQuery.between(T0 + TIMESTAMPS * MINUTE, Long.MAX_VALUE)))
                .as("query after the last timestamp").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Round trip

    /** A stored detection equals the one appended, every field included. */
    @Test
    @DisplayName("detections round-trip every field: scores, flag, threshold, warming-up, attribution, expected")
    public void detectionsRoundTripEveryField() {
        DetectionStore store = newStore();
        List<DetectionRecord> records = List.of(
                new DetectionRecord("s", "full", Detection.of(T0, -3.25, 0.875, true, -4.5)
                        .withAttribution(new Attribution(List.of("temperature", "température", "Δ pressure"),
                                new double[] {0.25, 3.0, 1e-300}))
                        .withExpected(41.5)),
                new DetectionRecord("s", "plain", Detection.of(T0, 12.5, 0.5, false, 13.0)),
                new DetectionRecord("s", "warming", Detection.warmingUp(T0, 2.5)),
                new DetectionRecord("s", "expected-only", Detection.of(T0 + 1, 1e-300, 0.0, false, 1.0)
                        .withExpected(-0.125)),
                new DetectionRecord("s", "saturated", Detection.of(T0 + 2, Double.MAX_VALUE, 1.0, true,
                        Double.MAX_VALUE / 2)),
                new DetectionRecord("s", "never-alarms", Detection.of(T0 + 3, 7.0, 0.999, false,
                        Double.POSITIVE_INFINITY)),
                new DetectionRecord("s", "attribution-only", Detection.of(T0 + 4, 0.1, 0.1, false, 1.0)
                        .withAttribution(new Attribution(List.of("x0"), new double[] {0.0}))));
        store.append(records);
        List<DetectionRecord> stored = everything(store);
        assertThat(stored).as("stored detections").hasSize(records.size());
        for (DetectionRecord expected : records) {
            DetectionRecord actual = stored.stream().filter(r -> r.detector().equals(expected.detector()))
                    .findFirst().orElseThrow(() -> new AssertionError("detection of " + expected.detector()
                            + " was not returned"));
            assertThat(actual.detection()).as("stored detection of '%s'", expected.detector())
                    .isEqualTo(expected.detection());
            assertThat(actual.detection().attribution()).as("attribution of '%s'", expected.detector())
                    .isEqualTo(expected.detection().attribution());
            assertThat(actual.detection().expected()).as("expected value of '%s'", expected.detector())
                    .isEqualTo(expected.detection().expected());
            assertThat(actual).as("stored record of '%s'", expected.detector()).isEqualTo(expected);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bad arguments

    /** Null arguments are refused with {@link NullPointerException} or {@link IllegalArgumentException}. */
    @Test
    @DisplayName("null arguments are refused with NullPointerException or IllegalArgumentException")
    public void nullArgumentsAreRefused() {
        DetectionStore store = newStore();
        Refusals.assertNullRefused("append(null)", () -> store.append(null));
        Refusals.assertNullRefused("append of a list holding null",
                () -> store.append(Arrays.asList(record("s", "mad", 0), null)));
        Refusals.assertNullRefused("query(null)", () -> store.query(null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /** A detection at minute {@code m} whose scores depend on m. */
    private static DetectionRecord record(String series, String detector, int m) {
        double calibrated = (m % 11) / 10.0;
        return new DetectionRecord(series, detector, Detection.of(T0 + m * MINUTE, m * 0.5, Math.min(1.0,
                calibrated), m % 3 == 0, 2.0));
    }

    /**
     * The 180 detections most checks use: 3 series x 3 detectors x 20 minutes. Calibrated scores run over
     * {0, 0.1, ..., 1} (exactly 0.5 for some); every fourth detection, counting in query order, is anomalous
     * (so that no filter selects the same detections as another).
     */
    private static List<DetectionRecord> standardSet() {
        List<DetectionRecord> records = new ArrayList<>();
        int i = 0;
        for (int m = 0; m < TIMESTAMPS; m++) {
            for (String series : SERIES.stream().sorted().toList()) {
                for (String detector : DETECTORS.stream().sorted().toList()) {
                    double calibrated = (i % 11) / 10.0;
                    records.add(new DetectionRecord(series, detector, Detection.of(T0 + m * MINUTE, 10.0 * calibrated
                            - 2.0, calibrated, i % 4 == 0, 3.0)));
                    i++;
                }
            }
        }
        return records;
    }

    private DetectionStore storeWithStandardSet() {
        DetectionStore store = newStore();
        List<DetectionRecord> shuffled = new ArrayList<>(standardSet());
        Collections.shuffle(shuffled, new Random(11));
        for (int from = 0; from < shuffled.size(); from += 40) {
            store.append(shuffled.subList(from, Math.min(from + 40, shuffled.size())));
        }
        return store;
    }

    private static List<DetectionRecord> sorted(List<DetectionRecord> records) {
        List<DetectionRecord> copy = new ArrayList<>(records);
        copy.sort(QUERY_ORDER);
        return copy;
    }

    /** Every stored detection, through pagination with the largest page. */
    private static List<DetectionRecord> everything(DetectionStore store) {
        return collectPages(store, DetectionQuery.between(Long.MIN_VALUE, Long.MAX_VALUE)
                .withLimit(DetectionQuery.MAX_LIMIT), 1_000_000);
    }

    private static List<DetectionRecord> collectPages(DetectionStore store, DetectionQuery first, int maxRecords) {
        List<DetectionRecord> all = new ArrayList<>();
        DetectionQuery query = first;
        while (true) {
            List<DetectionRecord> page = store.query(query);
            assertThat(page).as("page of %s", query).isNotNull().hasSizeLessThanOrEqualTo(query.limit());
            all.addAll(page);
            if (page.size() < query.limit()) {
                return all;
            }
            assertThat(all.size()).as("records paged through, without end, for %s", first)
                    .isLessThanOrEqualTo(maxRecords);
            query = query.after(page.get(page.size() - 1));
        }
    }

    private static void assertFilter(DetectionStore store, String what, DetectionQuery query,
            Predicate<DetectionRecord> matches, int expectedCount) {
        List<DetectionRecord> expected = sorted(standardSet()).stream().filter(matches).toList();
        assertThat(expected.size()).as("the kit's own count for %s", what).isEqualTo(expectedCount);
        assertThat(store.query(query)).as("%s", what).containsExactlyElementsOf(expected);
    }

    private static void assertPagination(DetectionStore store, String what, DetectionQuery first,
            List<DetectionRecord> expected, int k) {
        List<List<DetectionRecord>> pages = new ArrayList<>();
        DetectionQuery query = first;
        int total = 0;
        while (true) {
            List<DetectionRecord> page = store.query(query);
            pages.add(page);
            total += page.size();
            assertThat(total).as("%s in pages of %d: records returned so far (%d match)", what, k, expected.size())
                    .isLessThanOrEqualTo(expected.size());
            if (page.size() < k) {
                break;
            }
            query = query.after(page.get(page.size() - 1));
        }
        List<DetectionRecord> visited = pages.stream().flatMap(List::stream).toList();
        assertThat(visited).as("%s in pages of %d, concatenated", what, k).containsExactlyElementsOf(expected);
        Set<DetectionRecord> distinct = new HashSet<>(visited);
        assertThat(distinct).as("%s in pages of %d: distinct records", what, k).hasSameSizeAs(visited);
        for (int p = 0; p < pages.size() - 1; p++) {
            assertThat(pages.get(p)).as("%s: page %d of size %d", what, p, k).hasSize(k);
        }
        assertThat(pages.get(pages.size() - 1)).as("%s: the last page", what).hasSizeLessThan(k);
        assertThat(pages).as("%s: number of pages of %d", what, k).hasSize(expected.size() / k + 1);
    }
}
