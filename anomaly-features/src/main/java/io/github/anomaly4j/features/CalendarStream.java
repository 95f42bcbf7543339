package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Calendar features from the timestamp alone, in a configurable time zone. The zone's UTC offset is cached with
 * the interval over which it holds (between two transitions of the zone rules), so an update is integer arithmetic
 * and allocates only when a daylight-saving transition is crossed. Input values are ignored.
 */
final class CalendarStream implements FeatureStream {
    static final int HOUR_OF_DAY = 0;
    static final int DAY_OF_WEEK = 1;
    static final int DAY_CYCLE = 2;
    static final int WEEK_CYCLE = 3;

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final long WEEK = 7 * DAY;
    private static final double TWO_PI_PER_DAY = 2.0 * Math.PI / DAY;
    private static final double TWO_PI_PER_WEEK = 2.0 * Math.PI / WEEK;
    /** Epoch day 0 (1970-01-01) was a Thursday; Monday-based day-of-week is {@code floorMod(day + 3, 7)}. */
    private static final long MONDAY_SHIFT = 3;

    private final String transform;
    private final int mode;
    private final ZoneRules rules;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    private long offsetMillis;

    CalendarStream(String transform, int mode, ZoneId zone) {
        this.transform = transform;
        this.mode = mode;
        this.rules = zone.getRules();
    }

    @Override
    public int outputWidth() {
        return mode >= DAY_CYCLE ? 2 : 1;
    }

    @Override
    public void apply(long timestamp, double[] in, double[] out) {
        if (timestamp < validFrom || timestamp >= validUntil) {
            locate(timestamp);
        }
        long local = timestamp + offsetMillis;
        long day = Math.floorDiv(local, DAY);
        long inDay = local - day * DAY;
        switch (mode) {
            case HOUR_OF_DAY:
                out[0] = (double) (inDay / 3_600_000L);
                return;
            case DAY_OF_WEEK:
                out[0] = (double) (Math.floorMod(day + MONDAY_SHIFT, 7L) + 1);
                return;
            case DAY_CYCLE: {
                if (inDay % MINUTE == 0) {
                    // a whole minute: the same sine and cosine, computed once per process
                    int m = (int) (inDay / MINUTE);
                    out[0] = DayTable.SIN[m];
                    out[1] = DayTable.COS[m];
                    return;
                }
                double angle = inDay * TWO_PI_PER_DAY;
                out[0] = Math.sin(angle);
                out[1] = Math.cos(angle);
                return;
            }
            default: {
                long inWeek = Math.floorMod(day + MONDAY_SHIFT, 7L) * DAY + inDay;
                if (inDay % MINUTE == 0) {
                    int m = (int) (inWeek / MINUTE);
                    out[0] = WeekTable.SIN[m];
                    out[1] = WeekTable.COS[m];
                    return;
                }
                double angle = inWeek * TWO_PI_PER_WEEK;
                out[0] = Math.sin(angle);
                out[1] = Math.cos(angle);
            }
        }
    }

    /**
     * The cyclical features at every whole minute of the day, computed by the very expression of the general path
     * ({@code Math.sin(inDay * TWO_PI_PER_DAY)}), so a lookup returns the same bits; built on first use (23 KB).
     */
    static final class DayTable {
        static final double[] SIN = new double[(int) (DAY / MINUTE)];
        static final double[] COS = new double[SIN.length];

        static {
            for (int m = 0; m < SIN.length; m++) {
                double angle = (m * MINUTE) * TWO_PI_PER_DAY;
                SIN[m] = Math.sin(angle);
                COS[m] = Math.cos(angle);
            }
        }

        private DayTable() {
        }
    }

    /** As {@link DayTable}, for every whole minute of the week (161 KB). */
    static final class WeekTable {
        static final double[] SIN = new double[(int) (WEEK / MINUTE)];
        static final double[] COS = new double[SIN.length];

        static {
            for (int m = 0; m < SIN.length; m++) {
                double angle = (m * MINUTE) * TWO_PI_PER_WEEK;
                SIN[m] = Math.sin(angle);
                COS[m] = Math.cos(angle);
            }
        }

        private WeekTable() {
        }
    }

    private void locate(long timestamp) {
        if (rules.isFixedOffset()) {
            offsetMillis = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
            validFrom = Long.MIN_VALUE;
            validUntil = Long.MAX_VALUE;
            return;
        }
        Instant at = Instant.ofEpochMilli(timestamp);
        offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
        ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000L;
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
    }

    @Override
    public TransformSnapshot snapshot() {
        // the cached offset is derived from the timestamp: nothing to carry over
        return new TransformSnapshot(transform, 1, List.of(new ColumnSnapshot(new long[0], new double[0])));
    }

    @Override
    public void restore(Record snapshot) {
        if (!(snapshot instanceof TransformSnapshot s) || !s.transform().equals(transform)) {
            throw new IllegalArgumentException("cannot restore " + ColumnwiseStream.describe(snapshot)
                    + " into a stream of '" + transform + "'");
        }
    }
}
