package io.github.anomaly4j.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.detect.Detection;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DetectionQueryPaginationProperties {

    @Provide
    Arbitrary<List<DetectionRecord>> records() {
        Arbitrary<DetectionRecord> one = Combinators.combine(
                Arbitraries.of("a", "b", "B", "a-1", "ab"),
                Arbitraries.of("zscore", "mad", "iforest"),
                Arbitraries.longs().between(-5, 5),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(true, false))
                .as((s, d, t, c, a) -> new DetectionRecord(s, d, Detection.of(t, c, c, a, 0.5)));
        // Stores keep one record per (seriesId, detector, timestamp), so keys are unique.
        return one.list().ofMaxSize(80).uniqueElements(r -> List.of(r.seriesId(), r.detector(), r.timestamp()));
    }

    @Property
    void followingAfterFromPageToPageVisitsExactlyTheMatchesInResultOrder(
            @ForAll("records") List<DetectionRecord> stored, @ForAll @IntRange(min = 1, max = 7) int pageSize,
            @ForAll boolean anomalousOnly) {
        DetectionQuery q = DetectionQuery.between(-3, 4).withLimit(pageSize);
        if (anomalousOnly) {
            q = q.onlyAnomalous();
        }
        List<DetectionRecord> expected = stored.stream().filter(q::matches)
                .sorted(DetectionQueryTest.RESULT_ORDER).toList();

        List<DetectionRecord> seen = new ArrayList<>();
        List<DetectionRecord> page = DetectionQueryTest.page(stored, q);
        while (!page.isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            seen.addAll(page);
            q = q.after(page.get(page.size() - 1));
            page = DetectionQueryTest.page(stored, q);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
