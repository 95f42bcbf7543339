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

    private static final long DAY = 86_400_000L;
    private static final long WEEK = 7 * DAY;
    /** Steps of the sine/cosine table per cycle. */
    static final int STEPS = 1024;
    /** Radians per unit of {@code phase * STEPS} (milliseconds times steps) over a day and over a week. */
    private static final double PER_DAY_STEP = 2.0 * Math.PI / ((double) DAY * STEPS);
    private static final double PER_WEEK_STEP = 2.0 * Math.PI / ((double) WEEK * STEPS);
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
        Checks.requireRoom(transform, out, outputWidth());
        long t = timestamp;
        if (t < validFrom || t >= validUntil) {
            t = locate(t);
        }
        long local = t + offsetMillis;
        long day = Math.floorDiv(local, DAY);
        long inDay = local - day * DAY;
        switch (mode) {
            case HOUR_OF_DAY:
                out[0] = (double) (inDay / 3_600_000L);
                return;
            case DAY_OF_WEEK:
                out[0] = (double) (Math.floorMod(day + MONDAY_SHIFT, 7L) + 1);
                return;
            case DAY_CYCLE:
                cycle(inDay, DAY, PER_DAY_STEP, out);
                return;
            default:
                cycle(Math.floorMod(day + MONDAY_SHIFT, 7L) * DAY + inDay, WEEK, PER_WEEK_STEP, out);
        }
    }

    /**
     * Writes the sine and cosine of {@code 2 pi phase / period} for {@code 0 <= phase < period} (milliseconds).
     *
     * <p>The cycle is cut into {@value #STEPS} equal steps: the step {@code k} and the remainder {@code r} within it
     * are exact integer arithmetic, {@link Table} holds {@code StrictMath}'s sine and cosine at the start of every
     * step, and the remainder's angle {@code d < 2 pi / STEPS} turns them by the angle-addition formulas, with
     * {@code sin d} and {@code 1 - cos d} from their Taylor series (the first omitted terms are below
     * {@code 2^-60}). Only additions and multiplications of doubles: the same bits on every JVM, within
     * {@code 2e-15} of {@code StrictMath.sin}/{@code cos} of the rounded angle (which is itself no closer to the
     * true value), and about a fifth of the cost of calling them (see docs/features.md).
     */
    private static void cycle(long phase, long period, double radiansPerUnit, double[] out) {
        long scaled = phase * STEPS;
        int k = (int) (scaled / period);
        double d = (scaled - k * period) * radiansPerUnit;
        double d2 = d * d;
        double sinD = d - d * d2 * (1.0 / 6.0 - d2 * (1.0 / 120.0));
        double oneMinusCosD = d2 * (0.5 - d2 * (1.0 / 24.0 - d2 * (1.0 / 720.0)));
        double s = Table.SIN[k];
        double c = Table.COS[k];
        out[0] = s + (c * sinD - s * oneMinusCosD);
        out[1] = c - (s * sinD + c * oneMinusCosD);
    }

    /** {@code StrictMath}'s sine and cosine at the start of each of the {@value #STEPS} steps of a cycle (16 KB). */
    static final class Table {
        static final double[] SIN = new double[STEPS];
        static final double[] COS = new double[STEPS];

        static {
            for (int k = 0; k < STEPS; k++) {
                double angle = k * (2.0 * Math.PI / STEPS);
                SIN[k] = StrictMath.sin(angle);
                COS[k] = StrictMath.cos(angle);
            }
        }

        private Table() {
        }
    }

    /**
     * Caches the zone's offset at {@code timestamp} and the interval over which it holds, cut so that
     * {@code timestamp + offsetMillis} cannot overflow inside it.
     *
     * @return {@code timestamp}, or for a timestamp within a day of the ends of the long range (where adding the
     *     offset would overflow) the same time of the week near the epoch ({@code floorMod(timestamp, WEEK)}):
     *     every output depends only on the local time modulo a week
     */
    private long locate(long timestamp) {
        if (rules.isFixedOffset()) {
            offsetMillis = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
            validFrom = Long.MIN_VALUE;
            validUntil = Long.MAX_VALUE;
        } else {
            Instant at = Instant.ofEpochMilli(timestamp);
            offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
            ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            validFrom = previous == null ? Long.MIN_VALUE : millis(previous.toEpochSecond());
            validUntil = next == null ? Long.MAX_VALUE : millis(next.toEpochSecond());
        }
        if (offsetMillis > 0) {
            validUntil = Math.min(validUntil, Long.MAX_VALUE - offsetMillis + 1);
        } else {
            validFrom = Math.max(validFrom, Long.MIN_VALUE - offsetMillis);
        }
        return timestamp >= validFrom && timestamp < validUntil ? timestamp : Math.floorMod(timestamp, WEEK);
    }

    /** Epoch seconds to milliseconds, saturated (a transition of the far future lies beyond the long range). */
    private static long millis(long epochSecond) {
        return epochSecond > Long.MAX_VALUE / 1000L ? Long.MAX_VALUE
                : epochSecond < Long.MIN_VALUE / 1000L ? Long.MIN_VALUE : epochSecond * 1000L;
    }

    @Override
    public TransformSnapshot snapshot() {
        // the cached offset is derived from the timestamp: nothing to carry over
        return new TransformSnapshot(transform, 1, List.of(new ColumnSnapshot(new long[0], new double[0])));
    }

    @Override
    public void restore(Record snapshot) {
        if (!(snapshot instanceof TransformSnapshot s) || !s.transform().equals(transform) || s.inputWidth() != 1
                || s.columns().size() != 1) {
            throw new IllegalArgumentException("cannot restore " + ColumnwiseStream.describe(snapshot)
                    + " into a stream of '" + transform + "' (one state for the timestamp)");
        }
        s.columns().get(0).requireLayout(transform, 0, 0);
    }
}
