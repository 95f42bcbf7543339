package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.Spec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calendar features at the ends of the timestamp range, before 1970, in zones with odd offsets, and with time
 * running backwards across daylight-saving changes: every output against {@code java.time}.
 */
class CalendarEdgeTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("America/St_Johns"), ZoneId.of("Etc/GMT+12"), ZoneId.of("Etc/GMT-14"),
            ZoneId.of("Pacific/Kiritimati"));
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private static void assertMatchesJavaTime(ZoneId zone, long[] times) {
        FeatureStream hour = Features.hourOfDay(zone).open(1);
        FeatureStream dow = Features.dayOfWeek(zone).open(1);
        FeatureStream dayCycle = Features.dayCycle(zone).open(1);
        FeatureStream weekCycle = Features.weekCycle(zone).open(1);
        double[] in = {0.0};
        double[] one = new double[1];
        double[] two = new double[2];
        for (long t : times) {
            ZonedDateTime local = Instant.ofEpochMilli(t).atZone(zone);
            String at = t + " = " + local;
            hour.apply(t, in, one);
            assertThat(one[0]).as("hour-of-day at " + at).isEqualTo(local.getHour());
            dow.apply(t, in, one);
            assertThat(one[0]).as("day-of-week at " + at).isEqualTo(local.getDayOfWeek().getValue());
            long inDay = local.toLocalTime().toNanoOfDay() / 1_000_000L;
            double a = inDay * (2 * Math.PI / DAY);
            dayCycle.apply(t, in, two);
            assertThat(two[0]).as("day-cycle sin at " + at).isCloseTo(StrictMath.sin(a), within(2e-15));
            assertThat(two[1]).as("day-cycle cos at " + at).isCloseTo(StrictMath.cos(a), within(2e-15));
            double w = ((local.getDayOfWeek().getValue() - 1) * DAY + inDay) * (2 * Math.PI / (7 * DAY));
            weekCycle.apply(t, in, two);
            assertThat(two[0]).as("week-cycle sin at " + at).isCloseTo(StrictMath.sin(w), within(2e-15));
            assertThat(two[1]).as("week-cycle cos at " + at).isCloseTo(StrictMath.cos(w), within(2e-15));
        }
    }

    @Test
    void timestampsWithinADayOfTheEndsOfTheLongRangeDoNotOverflow() {
        long[] times = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - HOUR, Long.MAX_VALUE - DAY, 0L,
            Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + HOUR, Long.MIN_VALUE + DAY, Long.MAX_VALUE,
            Long.MAX_VALUE - 13 * HOUR - 1, Long.MIN_VALUE + 13 * HOUR};
        for (ZoneId zone : ZONES) {
            assertMatchesJavaTime(zone, times);
        }
    }

    @Test
    void timestampsBefore1970AndRunningBackwardsAcrossDaylightSavingChanges() {
        long start = ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        long[] backwards = new long[4000];
        for (int i = 0; i < backwards.length; i++) {
            backwards[i] = start - i * 1_700_000L * 5; // 2.4 hours apart, back over 400 days
        }
        long[] early = {-1L, -DAY, -DAY - 1, -2_208_988_800_000L, -62_135_596_800_000L, -1_000_000_000_000_000L};
        for (ZoneId zone : ZONES) {
            assertMatchesJavaTime(zone, backwards);
            assertMatchesJavaTime(zone, early);
        }
    }

    @Test
    void offsetZonesWorkThroughTheBuilderAndTheSpecAndAreNormalised() {
        // ZoneOffset is a ZoneId; the zone parameter was a list of region ids and refused every offset
        long[] times = {0L, 1_764_676_800_000L, -DAY - 1};
        for (ZoneId zone : new ZoneId[] {ZoneOffset.ofHours(5), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.UTC,
            ZoneId.of("UTC+05:45")}) {
            assertMatchesJavaTime(zone, times);
        }
        FeatureTransform bySpec = Features.create(Spec.of("hour-of-day").with("zone", "UTC+5"));
        assertThat(bySpec.spec()).isEqualTo(Spec.of("hour-of-day").with("zone", "UTC+05:00"));
        double[] out = new double[1];
        bySpec.open(1).apply(0L, new double[1], out);
        assertThat(out[0]).isEqualTo(5.0);
        assertThat(Features.dayCycle(ZoneOffset.ofHoursMinutes(5, 30)).spec())
                .isEqualTo(Spec.of("day-cycle").with("zone", "+05:30"));
        assertThatThrownBy(() -> Features.create(Spec.of("hour-of-day").with("zone", "+25:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'zone' must be a time zone id").hasMessageContaining("+25:00");
        assertThatThrownBy(() -> Features.create(Spec.of("hour-of-day").with("zone", 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone");
    }
}
