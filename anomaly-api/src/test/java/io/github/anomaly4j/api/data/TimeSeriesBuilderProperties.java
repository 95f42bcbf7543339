package io.github.anomaly4j.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class TimeSeriesBuilderProperties {

    /** One (timestamp, value) reading in arrival order. */
    record Reading(long timestamp, double value) {
    }

    @Provide
    Arbitrary<List<Reading>> readings() {
        // A narrow timestamp range forces many duplicates; a wide one exercises extremes and large gaps.
        Arbitrary<Long> narrow = Arbitraries.longs().between(-20, 20);
        Arbitrary<Long> wide = Arbitraries.longs();
        Arbitrary<Long> timestamps = Arbitraries.frequencyOf(Tuple.of(4, narrow), Tuple.of(1, wide));
        Arbitrary<Double> values = Arbitraries.doubles().between(-1e6, 1e6);
        return Combinators.combine(timestamps, values).as(Reading::new).list().ofMaxSize(300);
    }

    @Property
    void sortWithKeepLastIsStrictlyIncreasingKeepsEveryTimestampAndTheLastArrivalOfEach(
            @ForAll("readings") List<Reading> input) {
        TimeSeries.Builder b = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_LAST);
        Map<Long, Double> lastArrived = new TreeMap<>();
        for (Reading r : input) {
            b.add(r.timestamp(), r.value());
            lastArrived.put(r.timestamp(), r.value());
        }
        TimeSeries s = b.build();
        long[] ts = s.timestamps();

        for (int i = 1; i < ts.length; i++) {
            assertThat(ts[i]).as("timestamp at index %d", i).isGreaterThan(ts[i - 1]);
        }
        assertThat(ts).containsExactly(lastArrived.keySet().stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < ts.length; i++) {
            assertThat(s.value(i, 0)).as("value at timestamp %d", ts[i]).isEqualTo(lastArrived.get(ts[i]));
        }
        assertThat(s.size() + b.dropped()).isEqualTo(input.size());
    }

    @Property
    void sortWithKeepFirstKeepsTheFirstArrivalOfEachTimestamp(@ForAll("readings") List<Reading> input) {
        TimeSeries.Builder b = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_FIRST);
        Map<Long, Double> firstArrived = new LinkedHashMap<>();
        for (Reading r : input) {
            b.add(r.timestamp(), r.value());
            firstArrived.putIfAbsent(r.timestamp(), r.value());
        }
        TimeSeries s = b.build();
        assertThat(s.size()).isEqualTo(firstArrived.size());
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.value(i, 0)).isEqualTo(firstArrived.get(s.timestamp(i)));
        }
        assertThat(s.size() + b.dropped()).isEqualTo(input.size());
    }

    @Property
    void builtSeriesIsAcceptedByTheStrictFactory(@ForAll("readings") List<Reading> input) {
        TimeSeries.Builder b = TimeSeries.builder("v").onOutOfOrder(OrderPolicy.SORT)
                .onDuplicate(DuplicatePolicy.KEEP_LAST);
        input.forEach(r -> b.add(r.timestamp(), r.value()));
        TimeSeries s = b.build();
        assertThat(TimeSeries.of(s.timestamps(), "v", s.column(0))).isEqualTo(s);
    }
}
