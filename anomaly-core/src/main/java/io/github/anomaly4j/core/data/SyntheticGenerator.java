package io.github.anomaly4j.core.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic generator of labelled multi-sensor series: the same settings and seed give the same
 * series, bit for bit. Obtain a builder from {@code Anomaly.syntheticData()} or {@link #builder()}.
 *
 * <p>Each sensor's normal signal is {@code level + trend * days + daily * sin(2 pi (time of day) + phase_d)
 * + weekly * sin(2 pi (time of week) + phase_w) + noise * N(0, 1)}, with phases drawn per sensor. Anomalies are then
 * placed at random after a clean prefix (so detectors have something normal to learn from), never overlapping and
 * at least 5 readings apart; every reading an anomaly touches is labelled with its {@link AnomalyKind}. Sizes are
 * in units of {@code magnitude} (default 8 x noise, or 1 without noise): spikes and dips of 1 to 1.5 magnitudes,
 * level shifts of 0.6 to 1, drifts ramping to 1, variance changes multiplying the noise by 5 (adding noise of a
 * third of a magnitude when there is none); level shifts, variance changes, drifts, stuck and missing stretches
 * last 10 to 60 readings (at most a twentieth of the series).
 *
 * <pre>{@code
 * List<SensorSeries> data = SyntheticGenerator.builder().sensors(3).length(10_080).noise(0.2)
 *     .anomalies(AnomalyKind.SPIKE, 5).anomalies(AnomalyKind.LEVEL_SHIFT, 2).seed(42).build().generate();
 * }</pre>
 */
public final class SyntheticGenerator {
    private static final double DAY_MS = 86_400_000.0;
    private static final double WEEK_MS = 7 * DAY_MS;

    private final int sensors;
    private final Instant start;
    private final Duration interval;
    private final int length;
    private final double level;
    private final double trend;
    private final double daily;
    private final double weekly;
    private final double noise;
    private final double magnitude;
    private final double cleanPrefix;
    private final Map<AnomalyKind, Integer> anomalies;
    private final long seed;

    private SyntheticGenerator(Builder b) {
        this.sensors = b.sensors != null ? b.sensors : 1;
        this.start = b.start != null ? b.start : Instant.parse("2026-01-01T00:00:00Z");
        this.interval = b.interval != null ? b.interval : Duration.ofMinutes(1);
        this.length = b.length != null ? b.length : 10_080;
        this.level = b.level != null ? b.level : 10.0;
        this.trend = b.trend != null ? b.trend : 0.0;
        this.daily = b.daily != null ? b.daily : 1.0;
        this.weekly = b.weekly != null ? b.weekly : 0.5;
        this.noise = b.noise != null ? b.noise : 0.1;
        this.magnitude = b.magnitude != null ? b.magnitude : (noise > 0 ? 8 * noise : 1.0);
        this.cleanPrefix = b.cleanPrefix != null ? b.cleanPrefix : 0.2;
        this.anomalies = new EnumMap<>(b.anomalies);
        this.seed = b.seed != null ? b.seed : 0L;
    }

    /** @return a builder with the defaults: 1 sensor, 10,080 one-minute readings from 2026-01-01, no anomalies */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return one labelled series per sensor, ids {@code sensor-1}, {@code sensor-2}, ...
     * @throws IllegalArgumentException when the anomalies do not fit in the series
     */
    public List<SensorSeries> generate() {
        SplittableRandom root = new SplittableRandom(seed);
        List<SensorSeries> out = new ArrayList<>(sensors);
        for (int s = 0; s < sensors; s++) {
            out.add(sensor("sensor-" + (s + 1), root.split()));
        }
        return out;
    }

    private SensorSeries sensor(String id, SplittableRandom r) {
        long t0 = start.toEpochMilli();
        long step = interval.toMillis();
        double phaseDaily = r.nextDouble() * 2 * Math.PI;
        double phaseWeekly = r.nextDouble() * 2 * Math.PI;
        long[] ts = new long[length];
        double[] base = new double[length];
        double[] eps = new double[length];
        for (int i = 0; i < length; i++) {
            ts[i] = Math.addExact(t0, Math.multiplyExact(step, (long) i));
            double t = ts[i];
            base[i] = level + trend * (ts[i] - t0) / DAY_MS
                    + daily * Math.sin(2 * Math.PI * Math.floorMod(ts[i], (long) DAY_MS) / DAY_MS + phaseDaily)
                    + weekly * Math.sin(2 * Math.PI * (t - t0) / WEEK_MS + phaseWeekly);
            eps[i] = r.nextGaussian();
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = base[i] + noise * eps[i];
        }
        boolean[] labels = new boolean[length];
        AnomalyKind[] kinds = new AnomalyKind[length];
        int from = (int) Math.ceil(cleanPrefix * length);
        int maxSegment = Math.max(1, Math.min(60, length / 20));
        int minSegment = Math.min(10, maxSegment);
        for (Map.Entry<AnomalyKind, Integer> e : anomalies.entrySet()) {
            AnomalyKind kind = e.getKey();
            for (int a = 0; a < e.getValue(); a++) {
                boolean point = kind == AnomalyKind.SPIKE || kind == AnomalyKind.DIP;
                int len = point ? 1 : minSegment + r.nextInt(maxSegment - minSegment + 1);
                int at = place(r, labels, from, len, id, kind);
                double sign = r.nextBoolean() ? 1 : -1;
                for (int i = at; i < at + len; i++) {
                    labels[i] = true;
                    kinds[i] = kind;
                }
                switch (kind) {
                    case SPIKE -> values[at] += magnitude * (1 + 0.5 * r.nextDouble());
                    case DIP -> values[at] -= magnitude * (1 + 0.5 * r.nextDouble());
                    case LEVEL_SHIFT -> {
                        double shift = sign * magnitude * (0.6 + 0.4 * r.nextDouble());
                        for (int i = at; i < at + len; i++) {
                            values[i] += shift;
                        }
                    }
                    case VARIANCE_CHANGE -> {
                        for (int i = at; i < at + len; i++) {
                            values[i] = base[i] + (noise > 0 ? 5 * noise * eps[i] : magnitude / 3 * eps[i]);
                        }
                    }
                    case DRIFT -> {
                        for (int i = at; i < at + len; i++) {
                            values[i] += sign * magnitude * (i - at + 1) / len;
                        }
                    }
                    case STUCK -> {
                        double held = at > 0 ? values[at - 1] : values[at];
                        for (int i = at; i < at + len; i++) {
                            values[i] = held;
                        }
                    }
                    case MISSING -> {
                        for (int i = at; i < at + len; i++) {
                            values[i] = Double.NaN;
                        }
                    }
                }
            }
        }
        return new SensorSeries(id, ts, values, labels, kinds);
    }

    /** A start for a stretch of len readings in [from, length) at least 5 readings from any other anomaly. */
    private int place(SplittableRandom r, boolean[] labels, int from, int len, String id, AnomalyKind kind) {
        int span = length - from - len;
        for (int attempt = 0; attempt < 1000 && span >= 0; attempt++) {
            int at = from + r.nextInt(span + 1);
            boolean free = true;
            for (int i = Math.max(0, at - 5); i < Math.min(length, at + len + 5) && free; i++) {
                free = !labels[i];
            }
            if (free) {
                return at;
            }
        }
        throw new IllegalArgumentException(id + ": no room for another " + kind + " anomaly of " + len
                + " readings in " + (length - from) + " readings after the clean prefix; ask for fewer anomalies or "
                + "a longer series");
    }

    /** Builds a {@link SyntheticGenerator}; each option may be set once and is validated at once. */
    public static final class Builder {
        private Integer sensors;
        private Instant start;
        private Duration interval;
        private Integer length;
        private Double level;
        private Double trend;
        private Double daily;
        private Double weekly;
        private Double noise;
        private Double magnitude;
        private Double cleanPrefix;
        private Long seed;
        private final Map<AnomalyKind, Integer> anomalies = new EnumMap<>(AnomalyKind.class);

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }

        private static double finite(String name, double v, double min) {
            if (!Double.isFinite(v) || v < min) {
                throw new IllegalArgumentException(name + " must be finite and at least " + min + ", got " + v);
            }
            return v;
        }

        /**
         * @param count number of sensors, 1..10,000 (default 1)
         * @return this builder
         */
        public Builder sensors(int count) {
            once(sensors, "sensors");
            if (count < 1 || count > 10_000) {
                throw new IllegalArgumentException("sensors must be in 1..10000, got " + count);
            }
            sensors = count;
            return this;
        }

        /**
         * @param first the first timestamp (default 2026-01-01T00:00:00Z)
         * @return this builder
         */
        public Builder start(Instant first) {
            once(start, "start");
            start = java.util.Objects.requireNonNull(first, "start");
            return this;
        }

        /**
         * @param step time between readings, at least 1 ms (default 1 minute)
         * @return this builder
         */
        public Builder interval(Duration step) {
            once(interval, "interval");
            if (step == null || step.toMillis() < 1) {
                throw new IllegalArgumentException("interval must be at least 1 ms, got " + step);
            }
            interval = step;
            return this;
        }

        /**
         * @param readings readings per sensor, 10..10,000,000 (default 10,080: a week of minutes)
         * @return this builder
         */
        public Builder length(int readings) {
            once(length, "length");
            if (readings < 10 || readings > 10_000_000) {
                throw new IllegalArgumentException("length must be in 10..10000000, got " + readings);
            }
            length = readings;
            return this;
        }

        /**
         * @param value base level (default 10)
         * @return this builder
         */
        public Builder level(double value) {
            once(level, "level");
            level = finite("level", value, -Double.MAX_VALUE);
            return this;
        }

        /**
         * @param perDay linear trend in value units per day (default 0)
         * @return this builder
         */
        public Builder trend(double perDay) {
            once(trend, "trend");
            trend = finite("trend", perDay, -Double.MAX_VALUE);
            return this;
        }

        /**
         * @param amplitude amplitude of the daily cycle, non-negative (default 1)
         * @return this builder
         */
        public Builder daily(double amplitude) {
            once(daily, "daily");
            daily = finite("daily", amplitude, 0);
            return this;
        }

        /**
         * @param amplitude amplitude of the weekly cycle, non-negative (default 0.5)
         * @return this builder
         */
        public Builder weekly(double amplitude) {
            once(weekly, "weekly");
            weekly = finite("weekly", amplitude, 0);
            return this;
        }

        /**
         * @param sd standard deviation of the Gaussian noise, non-negative (default 0.1)
         * @return this builder
         */
        public Builder noise(double sd) {
            once(noise, "noise");
            noise = finite("noise", sd, 0);
            return this;
        }

        /**
         * @param size the unit of anomaly sizes, positive (default 8 x noise, or 1 without noise)
         * @return this builder
         */
        public Builder magnitude(double size) {
            once(magnitude, "magnitude");
            if (!(size > 0) || !Double.isFinite(size)) {
                throw new IllegalArgumentException("magnitude must be finite and positive, got " + size);
            }
            magnitude = size;
            return this;
        }

        /**
         * @param fraction share of each series kept free of anomalies at its start, in [0, 0.9] (default 0.2)
         * @return this builder
         */
        public Builder cleanPrefix(double fraction) {
            once(cleanPrefix, "cleanPrefix");
            if (!(fraction >= 0 && fraction <= 0.9)) {
                throw new IllegalArgumentException("cleanPrefix must be in [0, 0.9], got " + fraction);
            }
            cleanPrefix = fraction;
            return this;
        }

        /**
         * @param kind an anomaly kind
         * @param countPerSensor how many to inject in each sensor, 0..100,000
         * @return this builder
         */
        public Builder anomalies(AnomalyKind kind, int countPerSensor) {
            java.util.Objects.requireNonNull(kind, "kind");
            once(anomalies.get(kind), "anomalies(" + kind + ")");
            if (countPerSensor < 0 || countPerSensor > 100_000) {
                throw new IllegalArgumentException("anomaly count for " + kind + " must be in 0..100000, got "
                        + countPerSensor);
            }
            anomalies.put(kind, countPerSensor);
            return this;
        }

        /**
         * @param value the seed of every random choice (default 0)
         * @return this builder
         */
        public Builder seed(long value) {
            once(seed, "seed");
            seed = value;
            return this;
        }

        /** @return the generator */
        public SyntheticGenerator build() {
            return new SyntheticGenerator(this);
        }
    }
}
