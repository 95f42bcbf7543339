package io.github.anomaly4j.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingTest {

    @Test
    void carriesSeriesTimestampAndValue() {
        Reading r = new Reading("sensor-7", 1_700_000_000_000L, 21.5);
        assertThat(r.seriesId()).isEqualTo("sensor-7");
        assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(r.value()).isEqualTo(21.5);
        assertThat(r.toString()).isEqualTo("sensor-7@1700000000000=21.5");
    }

    @Test
    void nanRecordsAMissingReadingAndIsEqualToItself() {
        Reading r = new Reading("s", 1, Double.NaN);
        assertThat(r.value()).isNaN();
        assertThat(r).isEqualTo(new Reading("s", 1, Double.NaN)).hasSameHashCodeAs(new Reading("s", 1, Double.NaN));
    }

    @Test
    void infiniteValuesAreRefusedNamingSeriesAndTimestamp() {
        assertThatThrownBy(() -> new Reading("pump", 42, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reading of 'pump' at 42 is Infinity; values must be finite or NaN (missing)");
        assertThatThrownBy(() -> new Reading("pump", 43, Double.NEGATIVE_INFINITY))
                .hasMessageContaining("at 43 is -Infinity");
    }

    @Test
    void seriesIdMustBeNonBlank() {
        assertThatThrownBy(() -> new Reading(null, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seriesId must be non-blank, got null");
        assertThatThrownBy(() -> new Reading("", 1, 1)).hasMessage("seriesId must be non-blank, got ''");
        assertThatThrownBy(() -> new Reading(" \t", 1, 1)).hasMessageContaining("non-blank");
    }

    @Test
    void seriesIdIsAtMost256Characters() {
        assertThat(new Reading("s".repeat(256), 1, 1).seriesId()).hasSize(256);
        assertThatThrownBy(() -> new Reading("s".repeat(257), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seriesId is 257 characters long; at most 256 are allowed");
    }

    @Test
    void equalityCoversEveryComponent() {
        Reading r = new Reading("s", 1, 2);
        assertThat(r).isEqualTo(new Reading("s", 1, 2));
        assertThat(r).isNotEqualTo(new Reading("t", 1, 2));
        assertThat(r).isNotEqualTo(new Reading("s", 2, 2));
        assertThat(r).isNotEqualTo(new Reading("s", 1, 3));
    }
}
