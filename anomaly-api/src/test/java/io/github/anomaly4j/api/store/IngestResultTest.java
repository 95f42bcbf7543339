package io.github.anomaly4j.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestResultTest {

    @Test
    void totalIsInsertedPlusDuplicates() {
        IngestResult r = new IngestResult(7, 3);
        assertThat(r.inserted()).isEqualTo(7);
        assertThat(r.duplicates()).isEqualTo(3);
        assertThat(r.total()).isEqualTo(10);
        assertThat(new IngestResult(0, 0).total()).isZero();
    }

    @Test
    void plusAddsBothCounts() {
        IngestResult sum = new IngestResult(7, 3).plus(new IngestResult(2, 5));
        assertThat(sum).isEqualTo(new IngestResult(9, 8));
        assertThat(sum.total()).isEqualTo(17);
        assertThat(new IngestResult(1, 1).plus(new IngestResult(0, 0))).isEqualTo(new IngestResult(1, 1));
    }

    @Test
    void negativeCountsAreRefusedNamingBoth() {
        assertThatThrownBy(() -> new IngestResult(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must be non-negative, got -1, 0");
        assertThatThrownBy(() -> new IngestResult(4, -2)).hasMessage("counts must be non-negative, got 4, -2");
    }

    @Test
    void equalityIsByCounts() {
        assertThat(new IngestResult(1, 2)).isEqualTo(new IngestResult(1, 2))
                .hasSameHashCodeAs(new IngestResult(1, 2))
                .isNotEqualTo(new IngestResult(2, 1));
    }
}
