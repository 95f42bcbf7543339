package io.github.anomaly4j.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeSeriesBuilderTest {

    @Test
    void sortedDistinctInputBuildsAsGivenWithDefaultPolicies() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(1, 10).add(2, 20).add(5, 50);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(1, 2, 5);
        assertThat(s.column(0)).containsExactly(10, 20, 50);
        assertThat(s.columnNames()).containsExactly("v");
        assertThat(b.dropped()).isZero();
    }

    @Test
    void emptyBuilderBuildsAnEmptySeries() {
        TimeSeries.Builder b = TimeSeries.builder("a", "b");
        TimeSeries s = b.build();
        assertThat(s.size()).isZero();
        assertThat(s.width()).isEqualTo(2);
        assertThat(b.dropped()).isZero();
    }

    @Test
    void defaultOrderPolicyRefusesOutOfOrderNamingReadingAndTimestamps() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(1, 0).add(9, 0).add(4, 0);
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reading 2 has timestamp 4, earlier than 9 before it")
                .hasMessageContaining("onOutOfOrder(SORT)");
    }

    @Test
    void defaultDuplicatePolicyRefusesDuplicatesNamingTheTimestamp() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(1, 0).add(3, 0).add(3, 1);
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two readings have timestamp 3")
                .hasMessageContaining("onDuplicate(KEEP_FIRST or KEEP_LAST)");
    }

    @Test
    void sortedDuplicatesAreStillRefusedAfterSorting() {
        TimeSeries.Builder b = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .add(7, 0).add(2, 0).add(7, 1);
        assertThatThrownBy(b::build).hasMessageContaining("two readings have timestamp 7");
    }

    @Test
    void sortOrdersReadingsAndCarriesTheirValues() {
        TimeSeries.Builder b = TimeSeries.builder("a", "b").onOutOfOrder(OrderPolicy.SORT)
                .add(30, 3, -3).add(10, 1, -1).add(20, 2, -2).add(-5, 0.5, -0.5);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(-5, 10, 20, 30);
        assertThat(s.column("a")).containsExactly(0.5, 1, 2, 3);
        assertThat(s.column("b")).containsExactly(-0.5, -1, -2, -3);
        assertThat(b.dropped()).isZero();
    }

    @Test
    void keepFirstKeepsTheEarliestArrivalInSortedInput() {
        TimeSeries.Builder b = TimeSeries.builder("v").onDuplicate(DuplicatePolicy.KEEP_FIRST)
                .add(1, 10).add(2, 20).add(2, 21).add(2, 22).add(3, 30);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(1, 2, 3);
        assertThat(s.column(0)).containsExactly(10, 20, 30);
        assertThat(b.dropped()).isEqualTo(2);
    }

    @Test
    void keepLastKeepsTheLatestArrivalInSortedInput() {
        TimeSeries.Builder b = TimeSeries.builder("v").onDuplicate(DuplicatePolicy.KEEP_LAST)
                .add(1, 10).add(2, 20).add(2, 21).add(2, 22).add(3, 30);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(1, 2, 3);
        assertThat(s.column(0)).containsExactly(10, 22, 30);
        assertThat(b.dropped()).isEqualTo(2);
    }

    @Test
    void sortIsStableSoKeepFirstPicksByArrivalOrder() {
        // Timestamp 5 arrives three times, interleaved with out-of-order readings; values record arrival order.
        TimeSeries.Builder b = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_FIRST)
                .add(5, 1).add(9, 2).add(5, 3).add(1, 4).add(5, 5).add(9, 6).add(0, 7);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(0, 1, 5, 9);
        assertThat(s.column(0)).containsExactly(7, 4, 1, 2);
        assertThat(b.dropped()).isEqualTo(3);
    }

    @Test
    void sortIsStableSoKeepLastPicksByArrivalOrder() {
        TimeSeries.Builder b = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_LAST)
                .add(5, 1).add(9, 2).add(5, 3).add(1, 4).add(5, 5).add(9, 6).add(0, 7);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(0, 1, 5, 9);
        assertThat(s.column(0)).containsExactly(7, 4, 5, 6);
        assertThat(b.dropped()).isEqualTo(3);
    }

    @Test
    void stableSortHoldsForManyTiesBeyondInsertionSortRuns() {
        // TimSort switches from binary insertion sort to merging above 32 elements; stability must survive that.
        TimeSeries.Builder first = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_FIRST);
        TimeSeries.Builder last = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_LAST);
        int n = 1000;
        for (int i = 0; i < n; i++) {
            long t = (i * 7L) % 10; // ten timestamps, each arriving 100 times, out of order
            first.add(t, i);
            last.add(t, i);
        }
        TimeSeries f = first.build();
        TimeSeries l = last.build();
        assertThat(f.timestamps()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(l.timestamps()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int t = 0; t < 10; t++) {
            int firstArrival = -1;
            int lastArrival = -1;
            for (int i = 0; i < n; i++) {
                if ((i * 7L) % 10 == t) {
                    if (firstArrival < 0) {
                        firstArrival = i;
                    }
                    lastArrival = i;
                }
            }
            assertThat(f.value(t, 0)).as("first arrival at t=%d", t).isEqualTo(firstArrival);
            assertThat(l.value(t, 0)).as("last arrival at t=%d", t).isEqualTo(lastArrival);
        }
        assertThat(first.dropped()).isEqualTo(n - 10);
        assertThat(last.dropped()).isEqualTo(n - 10);
    }

    @Test
    void keepLastReplacesAllColumnsOfADuplicate() {
        TimeSeries.Builder b = TimeSeries.builder("a", "b").onDuplicate(DuplicatePolicy.KEEP_LAST)
                .add(1, 1, 2).add(1, 3, Double.NaN);
        TimeSeries s = b.build();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.value(0, 0)).isEqualTo(3);
        assertThat(s.value(0, 1)).isNaN();
    }

    @Test
    void growsPastItsInitialCapacity() {
        TimeSeries.Builder b = TimeSeries.builder("a", "b", "c");
        for (int i = 0; i < 100; i++) {
            b.add(i, i, 2.0 * i, 3.0 * i);
        }
        TimeSeries s = b.build();
        assertThat(s.size()).isEqualTo(100);
        assertThat(s.timestamp(99)).isEqualTo(99);
        for (int i = 0; i < 100; i++) {
            assertThat(s.value(i, 0)).isEqualTo(i);
            assertThat(s.value(i, 1)).isEqualTo(2.0 * i);
            assertThat(s.value(i, 2)).isEqualTo(3.0 * i);
        }
    }

    @Test
    void addCopiesTheRowValues() {
        double[] row = {1, 2};
        TimeSeries.Builder b = TimeSeries.builder("a", "b").add(1, row);
        row[0] = 99;
        assertThat(b.build().value(0, 0)).isEqualTo(1);
    }

    @Test
    void addRefusesRowsOfTheWrongWidthNamingTimestampAndColumns() {
        TimeSeries.Builder b = TimeSeries.builder("a", "b");
        assertThatThrownBy(() -> b.add(42, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reading at 42 has 1 values, expected 2 (one per column [a, b])");
        assertThatThrownBy(() -> b.add(43, (double[]) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reading at 43 has 0 values, expected 2");
        assertThat(b.build().size()).as("refused readings are not added").isZero();
    }

    @Test
    void builderRefusesBadColumnNames() {
        assertThatThrownBy(TimeSeries::builder).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one column");
        assertThatThrownBy(() -> TimeSeries.builder("a", "a")).hasMessageContaining("duplicate column name 'a'");
        assertThatThrownBy(() -> TimeSeries.builder("a", "")).hasMessageContaining("non-blank");
        assertThatThrownBy(() -> TimeSeries.builder("a", null)).hasMessageContaining("non-blank");
    }

    @Test
    void policiesMustNotBeNull() {
        TimeSeries.Builder b = TimeSeries.builder("v");
        assertThatThrownBy(() -> b.onOutOfOrder(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
        assertThatThrownBy(() -> b.onDuplicate(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
    }

    @Test
    void droppedIsUnknownBeforeBuild() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(1, 1);
        assertThatThrownBy(b::dropped)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after build()");
    }

    @Test
    void droppedReflectsTheLatestBuild() {
        TimeSeries.Builder b = TimeSeries.builder("v").onDuplicate(DuplicatePolicy.KEEP_FIRST).add(1, 1).add(1, 2);
        assertThat(b.build().size()).isEqualTo(1);
        assertThat(b.dropped()).isEqualTo(1);
        b.add(1, 3).add(2, 4);
        TimeSeries s = b.build();
        assertThat(s.timestamps()).containsExactly(1, 2);
        assertThat(s.column(0)).containsExactly(1, 4);
        assertThat(b.dropped()).isEqualTo(2);
    }

    @Test
    void buildingTwiceGivesEqualButIndependentSeries() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(1, 1).add(2, 2);
        TimeSeries first = b.build();
        TimeSeries second = b.build();
        assertThat(first).isEqualTo(second).isNotSameAs(second);
    }

    @Test
    void builtSeriesIsIndependentOfLaterAdds() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(1, 1);
        TimeSeries s = b.build();
        for (int i = 2; i < 40; i++) {
            b.add(i, i);
        }
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.column(0)).containsExactly(1);
    }

    @Test
    void refusedBuildLeavesThePreviousDroppedCount() {
        TimeSeries.Builder b = TimeSeries.builder("v").add(2, 1).add(2, 2).onDuplicate(DuplicatePolicy.KEEP_LAST);
        b.build();
        b.onDuplicate(DuplicatePolicy.REJECT);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.dropped()).isEqualTo(1);
    }
}
