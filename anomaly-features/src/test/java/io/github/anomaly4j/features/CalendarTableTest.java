package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The sine/cosine calendar features look whole minutes up in a table: every minute of a week, in a fixed and a
 * daylight-saving zone, must give the same bits as the general formula, and so must the off-minute timestamps
 * next to it.
 */
class CalendarTableTest {
    private static final double PER_DAY = 2.0 * Math.PI / 86_400_000L;
    private static final double PER_WEEK = 2.0 * Math.PI / (7 * 86_400_000L);

    @Test
    void wholeMinutesAndTheirNeighboursMatchTheFormulaBitForBit() {
        for (String zone : new String[] {"UTC", "Europe/Paris", "Asia/Kolkata"}) {
            ZoneId id = ZoneId.of(zone);
            FeatureStream day = Features.dayCycle(id).open(1);
            FeatureStream week = Features.weekCycle(id).open(1);
            double[] in = new double[1];
            double[] o = new double[2];
            // a week that spans the spring-forward transition in Paris (2026-03-29)
            long start = Instant.parse("2026-03-26T00:00:00Z").toEpochMilli();
            for (long m = 0; m < 7 * 1440 + 1; m++) {
                for (long d : new long[] {0, 1, 59_999}) {
                    long t = start + m * 60_000L + d;
                    ZonedDateTime z = Instant.ofEpochMilli(t).atZone(id);
                    long msOfDay = z.toLocalTime().toNanoOfDay() / 1_000_000L;
                    long msOfWeek = (z.getDayOfWeek().getValue() - 1) * 86_400_000L + msOfDay;
                    day.apply(t, in, o);
                    assertThat(Double.doubleToRawLongBits(o[0]))
                            .isEqualTo(Double.doubleToRawLongBits(Math.sin(msOfDay * PER_DAY)));
                    assertThat(Double.doubleToRawLongBits(o[1]))
                            .isEqualTo(Double.doubleToRawLongBits(Math.cos(msOfDay * PER_DAY)));
                    week.apply(t, in, o);
                    assertThat(Double.doubleToRawLongBits(o[0]))
                            .isEqualTo(Double.doubleToRawLongBits(Math.sin(msOfWeek * PER_WEEK)));
                    assertThat(Double.doubleToRawLongBits(o[1]))
                            .isEqualTo(Double.doubleToRawLongBits(Math.cos(msOfWeek * PER_WEEK)));
                }
            }
        }
    }

    @Test
    void tablesHoldTheFormulaAtEveryMinute() {
        for (int m = 0; m < CalendarStream.WeekTable.SIN.length; m++) {
            double a = (m * 60_000L) * PER_WEEK;
            assertThat(CalendarStream.WeekTable.SIN[m]).isEqualTo(Math.sin(a));
            assertThat(CalendarStream.WeekTable.COS[m]).isEqualTo(Math.cos(a));
        }
        for (int m = 0; m < CalendarStream.DayTable.SIN.length; m++) {
            double a = (m * 60_000L) * PER_DAY;
            assertThat(CalendarStream.DayTable.SIN[m]).isEqualTo(Math.sin(a));
            assertThat(CalendarStream.DayTable.COS[m]).isEqualTo(Math.cos(a));
        }
    }
}
