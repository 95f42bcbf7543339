package io.github.anomaly4j.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.detect.Detection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectionQueryTest {

    /** Query result order, expressed with the query's own key comparison. */
    static final Comparator<DetectionRecord> RESULT_ORDER =
            (a, b) -> DetectionQuery.compareKey(a, b.timestamp(), b.seriesId(), b.detector());

    static DetectionRecord record(String series, String detector, long t, double calibrated, boolean anomalous) {
        return new DetectionRecord(series, detector, Detection.of(t, calibrated * 10, calibrated, anomalous, 5.0));
    }

    static DetectionRecord record(String series, String detector, long t) {
        return record(series, detector, t, 0.5, false);
    }

    /** What a store does with a query: filter, order, cut to the page size. */
    static List<DetectionRecord> page(List<DetectionRecord> all, DetectionQuery q) {
        return all.stream().filter(q::matches).sorted(RESULT_ORDER).limit(q.limit()).toList();
    }

    @Test
    void betweenIsAnUnfilteredFirstPageOf100() {
        DetectionQuery q = DetectionQuery.between(10, 20);
        assertThat(q.seriesId()).isNull();
        assertThat(q.detector()).isNull();
        assertThat(q.fromInclusive()).isEqualTo(10);
        assertThat(q.toExclusive()).isEqualTo(20);
        assertThat(q.minScore()).isZero();
        assertThat(q.anomalousOnly()).isFalse();
        assertThat(q.limit()).isEqualTo(100);
        assertThat(q.afterTimestamp()).isEqualTo(Long.MIN_VALUE);
        assertThat(q.afterSeriesId()).isNull();
        assertThat(q.afterDetector()).isNull();
    }

    @Test
    void withersChangeOneComponentEach() {
        DetectionQuery q = DetectionQuery.between(0, 100).forSeries("s1").forDetector("zscore").withMinScore(0.9)
                .onlyAnomalous().withLimit(25);
        assertThat(q).isEqualTo(new DetectionQuery("s1", "zscore", 0, 100, 0.9, true, 25, Long.MIN_VALUE, null,
                null));
        DetectionQuery next = q.after(record("s1", "zscore", 42));
        assertThat(next).isEqualTo(new DetectionQuery("s1", "zscore", 0, 100, 0.9, true, 25, 42, "s1", "zscore"));
        assertThat(next.withLimit(5).afterTimestamp()).as("withers keep the cursor").isEqualTo(42);
        assertThat(next.forSeries(null).afterSeriesId()).isEqualTo("s1");
    }

    @Test
    void timeRangeMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> DetectionQuery.between(20, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time range ends (10) before it starts (20)");
        assertThat(DetectionQuery.between(5, 5).toExclusive()).isEqualTo(5);
    }

    @Test
    void minScoreMustBeInTheUnitInterval() {
        DetectionQuery q = DetectionQuery.between(0, 1);
        assertThatThrownBy(() -> q.withMinScore(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minScore must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> q.withMinScore(-0.1)).hasMessageContaining("got -0.1");
        assertThatThrownBy(() -> q.withMinScore(Double.NaN)).hasMessageContaining("got NaN");
        assertThat(q.withMinScore(1.0).minScore()).isEqualTo(1.0);
    }

    @Test
    void limitMustBeBetweenOneAndMax() {
        DetectionQuery q = DetectionQuery.between(0, 1);
        assertThat(DetectionQuery.MAX_LIMIT).isEqualTo(10_000);
        assertThat(q.withLimit(1).limit()).isEqualTo(1);
        assertThat(q.withLimit(10_000).limit()).isEqualTo(10_000);
        assertThatThrownBy(() -> q.withLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be in [1, 10000], got 0");
        assertThatThrownBy(() -> q.withLimit(10_001)).hasMessage("limit must be in [1, 10000], got 10001");
    }

    @Test
    void cursorSeriesAndDetectorAreSetTogether() {
        assertThatThrownBy(() -> new DetectionQuery(null, null, 0, 1, 0, false, 10, 5, "s", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("afterSeriesId and afterDetector");
        assertThatThrownBy(() -> new DetectionQuery(null, null, 0, 1, 0, false, 10, 5, null, "d"))
                .hasMessageContaining("afterSeriesId and afterDetector");
    }

    @Test
    void timeRangeIsHalfOpen() {
        DetectionQuery q = DetectionQuery.between(10, 20);
        assertThat(q.matches(record("s", "d", 9))).isFalse();
        assertThat(q.matches(record("s", "d", 10))).isTrue();
        assertThat(q.matches(record("s", "d", 19))).isTrue();
        assertThat(q.matches(record("s", "d", 20))).isFalse();
        assertThat(DetectionQuery.between(10, 10).matches(record("s", "d", 10))).isFalse();
    }

    @Test
    void seriesAndDetectorFiltersMatchExactly() {
        DetectionQuery q = DetectionQuery.between(0, 100).forSeries("s1").forDetector("zscore");
        assertThat(q.matches(record("s1", "zscore", 1))).isTrue();
        assertThat(q.matches(record("s2", "zscore", 1))).isFalse();
        assertThat(q.matches(record("s1", "mad", 1))).isFalse();
        assertThat(q.matches(record("S1", "zscore", 1))).as("case-sensitive").isFalse();
        assertThat(q.forSeries(null).matches(record("s2", "zscore", 1))).isTrue();
        assertThat(q.forDetector(null).matches(record("s1", "mad", 1))).isTrue();
    }

    @Test
    void minScoreIsInclusiveOnTheCalibratedScore() {
        DetectionQuery q = DetectionQuery.between(0, 100).withMinScore(0.75);
        assertThat(q.matches(record("s", "d", 1, 0.75, false))).isTrue();
        assertThat(q.matches(record("s", "d", 1, 0.7499, false))).isFalse();
        assertThat(q.matches(record("s", "d", 1, 1.0, false))).isTrue();
    }

    @Test
    void anomalousOnlyDropsUnflaggedDetections() {
        DetectionQuery q = DetectionQuery.between(0, 100).onlyAnomalous();
        assertThat(q.matches(record("s", "d", 1, 0.9, true))).isTrue();
        assertThat(q.matches(record("s", "d", 1, 0.9, false))).isFalse();
        assertThat(DetectionQuery.between(0, 100).matches(record("s", "d", 1, 0.9, false))).isTrue();
    }

    @Test
    void compareKeyOrdersByTimestampThenSeriesThenDetector() {
        DetectionRecord r = record("s2", "d2", 100);
        assertThat(DetectionQuery.compareKey(r, 100, "s2", "d2")).isZero();
        assertThat(DetectionQuery.compareKey(r, 99, "zzz", "zzz")).as("timestamp first").isPositive();
        assertThat(DetectionQuery.compareKey(r, 101, "a", "a")).isNegative();
        assertThat(DetectionQuery.compareKey(r, 100, "s1", "zzz")).as("then series").isPositive();
        assertThat(DetectionQuery.compareKey(r, 100, "s3", "a")).isNegative();
        assertThat(DetectionQuery.compareKey(r, 100, "s2", "d1")).as("then detector").isPositive();
        assertThat(DetectionQuery.compareKey(r, 100, "s2", "d3")).isNegative();
    }

    @Test
    void compareKeyHandlesExtremeTimestampsWithoutOverflow() {
        assertThat(DetectionQuery.compareKey(record("s", "d", Long.MAX_VALUE), Long.MIN_VALUE, "s", "d"))
                .isPositive();
        assertThat(DetectionQuery.compareKey(record("s", "d", Long.MIN_VALUE), Long.MAX_VALUE, "s", "d"))
                .isNegative();
    }

    @Test
    void cursorExcludesTheLastRecordAndEverythingBeforeIt() {
        DetectionQuery q = DetectionQuery.between(0, 100).after(record("s2", "d2", 50));
        assertThat(q.matches(record("s2", "d2", 50))).as("the cursor itself").isFalse();
        assertThat(q.matches(record("s2", "d1", 50))).isFalse();
        assertThat(q.matches(record("s1", "zz", 50))).isFalse();
        assertThat(q.matches(record("zz", "zz", 49))).isFalse();
        assertThat(q.matches(record("s2", "d3", 50))).isTrue();
        assertThat(q.matches(record("s3", "a", 50))).isTrue();
        assertThat(q.matches(record("a", "a", 51))).isTrue();
    }

    @Test
    void cursorStillAppliesTheOtherFilters() {
        DetectionQuery q = DetectionQuery.between(0, 100).forSeries("s1").after(record("s1", "d", 10));
        assertThat(q.matches(record("s2", "d", 20))).isFalse();
        assertThat(q.matches(record("s1", "d", 20))).isTrue();
    }

    @Test
    void pagingWithAfterVisitsEveryMatchOnceInOrder() {
        List<DetectionRecord> all = new ArrayList<>();
        for (long t = 0; t < 7; t++) {
            for (String s : List.of("b", "a", "c")) {
                for (String d : List.of("mad", "iforest")) {
                    all.add(record(s, d, t, (t % 3) / 2.0, t % 2 == 0));
                }
            }
        }
        Collections.shuffle(all, new Random(7));
        DetectionQuery q = DetectionQuery.between(1, 6).withLimit(4);
        List<DetectionRecord> expected = all.stream().filter(q::matches).sorted(RESULT_ORDER).toList();
        assertThat(expected).hasSize(5 * 3 * 2);
        assertThat(expected.get(0)).isEqualTo(record("a", "iforest", 1, 0.5, false));
        assertThat(expected.get(29)).isEqualTo(record("c", "mad", 5, 1.0, false));

        List<DetectionRecord> seen = new ArrayList<>();
        int pages = 0;
        for (List<DetectionRecord> p = page(all, q); !p.isEmpty(); p = page(all, q)) {
            assertThat(p).hasSizeLessThanOrEqualTo(4);
            seen.addAll(p);
            q = q.after(p.get(p.size() - 1));
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 3) / 4);
    }

    @Test
    void detectionRecordValidatesItsKeys() {
        Detection d = Detection.of(1, 1, 0.5, false, 2);
        assertThat(new DetectionRecord("s", "zscore", d).timestamp()).isEqualTo(1);
        assertThatThrownBy(() -> new DetectionRecord(" ", "zscore", d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seriesId must be non-blank, got ' '");
        assertThatThrownBy(() -> new DetectionRecord("s", "", d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detector must be non-blank");
        assertThatThrownBy(() -> new DetectionRecord("s", null, d)).hasMessage("detector must be non-blank");
        assertThatThrownBy(() -> new DetectionRecord("s", "zscore", null))
                .isInstanceOf(NullPointerException.class).hasMessage("detection");
    }
}
