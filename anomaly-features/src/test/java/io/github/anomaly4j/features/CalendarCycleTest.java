package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sine/cosine calendar features come from a table of {@code StrictMath} values turned by a short series: they
 * must stay within {@value #TOLERANCE} of {@code StrictMath} of the rounded angle at every millisecond we can afford
 * to check, agree with {@code java.time} across a daylight-saving change, and keep their exact bits (a change of the
 * arithmetic would silently change every saved feature).
 */
class CalendarCycleTest {
    private static final double TOLERANCE = 2e-15;
    private static final long DAY = 86_400_000L;
    private static final long WEEK = 7 * DAY;
    private static final double PER_DAY = 2.0 * Math.PI / DAY;
    private static final double PER_WEEK = 2.0 * Math.PI / WEEK;

    @Test
    void everyMinuteOfAWeekAndItsNeighboursAcrossADaylightSavingChange() {
        for (String zone : new String[] {"UTC", "Europe/Paris", "Asia/Kolkata"}) {
            ZoneId id = ZoneId.of(zone);
            FeatureStream day = Features.dayCycle(id).open(1);
            FeatureStream week = Features.weekCycle(id).open(1);
            double[] in = new double[1];
            double[] o = new double[2];
            // a week that spans the spring-forward transition in Paris (2026-03-29)
            long start = Instant.parse("2026-03-26T00:00:00Z").toEpochMilli();
            for (long m = 0; m < 7 * 1440 + 1; m++) {
                for (long d : new long[] {0, 1, 20_000, 59_999}) {
                    long t = start + m * 60_000L + d;
                    ZonedDateTime z = Instant.ofEpochMilli(t).atZone(id);
                    long msOfDay = z.toLocalTime().toNanoOfDay() / 1_000_000L;
                    long msOfWeek = (z.getDayOfWeek().getValue() - 1) * DAY + msOfDay;
                    day.apply(t, in, o);
                    assertThat(o[0]).isCloseTo(StrictMath.sin(msOfDay * PER_DAY), within(TOLERANCE));
                    assertThat(o[1]).isCloseTo(StrictMath.cos(msOfDay * PER_DAY), within(TOLERANCE));
                    week.apply(t, in, o);
                    assertThat(o[0]).isCloseTo(StrictMath.sin(msOfWeek * PER_WEEK), within(TOLERANCE));
                    assertThat(o[1]).isCloseTo(StrictMath.cos(msOfWeek * PER_WEEK), within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void aStrideOverTheWholeDayAndWeekAndRandomMilliseconds() {
        double[] o = new double[2];
        double worst = 0.0;
        for (long p = 0; p < DAY; p += 997) {
            worst = Math.max(worst, error(p, DAY, PER_DAY, o));
        }
        for (long p = 0; p < WEEK; p += 7_919) {
            worst = Math.max(worst, error(p, WEEK, PER_WEEK, o));
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            worst = Math.max(worst, error(rnd.nextLong(DAY), DAY, PER_DAY, o));
            worst = Math.max(worst, error(rnd.nextLong(WEEK), WEEK, PER_WEEK, o));
        }
        // the ends of every table step, where the remainder's angle is largest
        for (long k = 0; k < CalendarStream.STEPS; k++) {
            long last = ((k + 1) * DAY + CalendarStream.STEPS - 1) / CalendarStream.STEPS - 1;
            worst = Math.max(worst, error(last, DAY, PER_DAY, o));
        }
        assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
    }

    private static double error(long phase, long period, double perUnit, double[] o) {
        FeatureStream s = period == DAY ? Features.dayCycle(ZoneId.of("UTC")).open(1)
                : Features.weekCycle(ZoneId.of("UTC")).open(1);
        // 1970-01-05 was a Monday: the week's phase is the time since then
        long t = period == DAY ? phase : 4 * DAY + phase;
        s.apply(t, new double[1], o);
        double a = phase * perUnit;
        return Math.max(Math.abs(o[0] - StrictMath.sin(a)), Math.abs(o[1] - StrictMath.cos(a)));
    }

    @Test
    void theTableHoldsStrictMathAtTheStartOfEveryStep() {
        for (int k = 0; k < CalendarStream.STEPS; k++) {
            double a = k * (2.0 * Math.PI / CalendarStream.STEPS);
            assertThat(CalendarStream.Table.SIN[k]).isEqualTo(StrictMath.sin(a));
            assertThat(CalendarStream.Table.COS[k]).isEqualTo(StrictMath.cos(a));
        }
    }

    @Test
    void outputsKeepTheirBits() {
        // recorded from this implementation; a change here changes every saved calendar feature
        FeatureStream day = Features.dayCycle(ZoneId.of("UTC")).open(1);
        FeatureStream week = Features.weekCycle(ZoneId.of("UTC")).open(1);
        double[] o = new double[2];
        long t = Instant.parse("2026-12-02T10:17:23.456Z").toEpochMilli();
        day.apply(t, new double[1], o);
        assertThat(new long[] {Double.doubleToRawLongBits(o[0]), Double.doubleToRawLongBits(o[1])})
                .containsExactly(GOLDEN_DAY);
        week.apply(t, new double[1], o);
        assertThat(new long[] {Double.doubleToRawLongBits(o[0]), Double.doubleToRawLongBits(o[1])})
                .containsExactly(GOLDEN_WEEK);
    }

    private static final long[] GOLDEN_DAY = {4601470201533706304L, -4617077385703159467L};
    private static final long[] GOLDEN_WEEK = {4605561877523269775L, -4620042506266231462L};
}
