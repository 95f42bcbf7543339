package io.github.anomaly4j.drift;

import io.github.anomaly4j.api.drift.DriftResult;
import io.github.anomaly4j.api.drift.DriftTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches a stream for drift: per channel (each input feature, and the model's score if you feed it) a reference
 * window and a current sliding window; on a schedule it runs the configured {@link DriftTest}s of current against
 * reference and hands a {@link DriftEvent} to every {@link DriftListener}.
 *
 * <pre>{@code
 * DriftMonitor monitor = Drift.monitor()
 *     .name("sensor-42")
 *     .features("value").score("score")
 *     .tests(Drift.ks(), Drift.psi())
 *     .currentWindow(500).checkEveryReadings(100)
 *     .listener(e -> { if (e.drift()) log.warn("drift: {}", e); })
 *     .build();
 * monitor.update(value, detection.score());
 * }</pre>
 *
 * <p><b>Memory.</b> Fixed: per channel one {@code double[referenceWindow]} and one ring buffer of
 * {@code double[currentWindow]}, allocated at build time. {@link #update} is O(1) and allocation-free; a check
 * copies the windows (the tests sort copies) and allocates only then. Exact buffers, not sketches, because KS,
 * Anderson-Darling and Mann-Whitney are defined on the raw sample.
 *
 * <p><b>Reference.</b> Either given from training ({@link Builder#reference}: the last {@code referenceWindow}
 * values are kept) or, for channels without one, frozen from the first {@code referenceWindow} readings. After a
 * check that finds drift, by default ({@link AfterDrift#NEW_REFERENCE}) the monitor clears the current window and
 * freezes the next {@code referenceWindow} readings as the new reference, so one shift raises one event rather than
 * one per check until the window has passed it; when that new reference is complete, listeners hear of it through
 * {@link DriftListener#onReferenceRenewed} (the moment to retrain on data that is all from after the drift).
 *
 * <p><b>Schedule.</b> By count (the default): a check runs at the reading that fills every channel's current
 * window, then every {@code checkEveryReadings} readings. By time ({@link Builder#checkInterval}): once the windows
 * are full, at the first reading at least {@code checkInterval} after the previous check (or after the build, or
 * after the reference was renewed), by the injected {@link Clock}.
 *
 * <p><b>Threads.</b> Single writer: call {@link #update} from one thread at a time. Listeners run on that thread.
 * {@link #latest()} may be read from any thread (metrics).
 */
public final class DriftMonitor {

    /** What the monitor does after a check that found drift. */
    public enum AfterDrift {
        /** Clear the current window and freeze the next readings as the new reference. */
        NEW_REFERENCE,
        /** Keep both windows: a lasting shift is reported at every check. */
        KEEP
    }

    private final String name;
    private final List<String> channels;
    private final List<DriftTest> tests;
    private final double[][] reference;
    private final int[] referenceSize;
    /** A reference is frozen when given from training (whatever its length) or once the window has filled. */
    private final boolean[] frozen;
    private final SlidingWindow[] current;
    private final int every;
    private final long intervalMillis;
    private final Clock clock;
    private final AfterDrift afterDrift;
    private final List<DriftListener> listeners;
    private final double[] row;
    private DriftEvent pendingCause;
    private long readings;
    private long sinceCheck;
    private boolean firstCheckPending = true;
    private final boolean hasScore;
    private long lastCheckMillis;
    private long sequence;
    private volatile Map<String, List<DriftResult>> latest = Map.of();

    private DriftMonitor(Builder b) {
        this.name = b.name;
        this.channels = List.copyOf(b.channels);
        this.tests = List.copyOf(b.tests);
        int n = channels.size();
        this.reference = new double[n][b.referenceWindow];
        this.referenceSize = new int[n];
        this.current = new SlidingWindow[n];
        this.frozen = new boolean[n];
        this.row = new double[n];
        this.hasScore = b.hasScore;
        for (int c = 0; c < n; c++) {
            current[c] = new SlidingWindow(b.currentWindow);
            double[] given = b.references.get(channels.get(c));
            if (given != null) {
                int keep = Math.min(given.length, b.referenceWindow);
                System.arraycopy(given, given.length - keep, reference[c], 0, keep);
                referenceSize[c] = keep;
                frozen[c] = true;
            }
        }
        this.every = b.every;
        this.intervalMillis = b.interval == null ? -1 : b.interval.toMillis();
        this.clock = b.clock;
        this.afterDrift = b.afterDrift;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.lastCheckMillis = clock.millis();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds one reading: a value per channel, in channel order (features first, then the score if configured).
     * Runs a check when one is due.
     *
     * @param values one finite value per channel
     * @return the check's event if one ran, otherwise {@code null}
     * @throws IllegalArgumentException for the wrong number of values or a non-finite value (nothing is changed)
     */
    public DriftEvent update(double... values) {
        if (values == null || values.length != channels.size()) {
            throw new IllegalArgumentException("update has " + (values == null ? 0 : values.length)
                    + " values; the monitor expects one per channel " + channels);
        }
        for (int c = 0; c < values.length; c++) {
            if (!Double.isFinite(values[c])) {
                throw new IllegalArgumentException("channel '" + channels.get(c) + "' is " + values[c]
                        + "; values must be finite");
            }
        }
        readings++;
        boolean ready = true;
        boolean renewed = false;
        for (int c = 0; c < values.length; c++) {
            if (!frozen[c]) {
                reference[c][referenceSize[c]++] = values[c];
                frozen[c] = referenceSize[c] == reference[c].length;
                renewed |= frozen[c];
                ready = false;
            } else {
                current[c].add(values[c]);
                ready &= current[c].full();
            }
        }
        if (renewed && pendingCause != null && allFrozen()) {
            DriftEvent cause = pendingCause;
            pendingCause = null;
            Map<String, double[]> copy = new LinkedHashMap<>();
            for (int c = 0; c < channels.size(); c++) {
                copy.put(channels.get(c), java.util.Arrays.copyOf(reference[c], referenceSize[c]));
            }
            Map<String, double[]> view = java.util.Collections.unmodifiableMap(copy);
            for (DriftListener l : listeners) {
                l.onReferenceRenewed(cause, view);
            }
        }
        if (!ready) {
            return null;
        }
        sinceCheck++;
        boolean due;
        if (intervalMillis >= 0) {
            due = clock.millis() - lastCheckMillis >= intervalMillis;
        } else {
            due = firstCheckPending || sinceCheck >= every;
        }
        return due ? check() : null;
    }

    /**
     * Adds one reading of the features and the model's score (the score channel must be configured).
     *
     * @param features one finite value per feature channel
     * @param score the model's score
     * @return the check's event if one ran, otherwise {@code null}
     */
    public DriftEvent update(double[] features, double score) {
        if (!hasScore) {
            throw new IllegalStateException("the monitor has no score channel; build it with score(name) or call "
                    + "update(double...)");
        }
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
        if (features.length + 1 != row.length) {
            throw new IllegalArgumentException("update has " + features.length + " features and a score; the monitor "
                    + "expects " + channels);
        }
        System.arraycopy(features, 0, row, 0, features.length);
        row[features.length] = score;
        return update(row);
    }

    /**
     * Runs every test on every channel now, whatever the schedule, and notifies the listeners.
     *
     * @return the event
     * @throws IllegalStateException when a channel has no reference or an empty current window yet
     */
    public DriftEvent check() {
        Map<String, List<DriftResult>> results = new LinkedHashMap<>();
        Map<String, double[]> windows = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            if (referenceSize[c] == 0 || current[c].size() == 0) {
                throw new IllegalStateException("channel '" + channels.get(c) + "' has " + referenceSize[c]
                        + " reference and " + current[c].size() + " current values; nothing to compare yet");
            }
            double[] ref = java.util.Arrays.copyOf(reference[c], referenceSize[c]);
            double[] cur = current[c].toArray();
            List<DriftResult> list = new ArrayList<>(tests.size());
            for (DriftTest t : tests) {
                list.add(t.test(ref, cur));
            }
            results.put(channels.get(c), list);
            windows.put(channels.get(c), cur);
        }
        sequence++;
        sinceCheck = 0;
        firstCheckPending = false;
        lastCheckMillis = clock.millis();
        DriftEvent event = new DriftEvent(name + "-drift-" + sequence, name, clock.instant(), readings, results,
                windows);
        latest = event.results();
        if (event.drift() && afterDrift == AfterDrift.NEW_REFERENCE) {
            newReference();
            pendingCause = event;
        }
        for (DriftListener l : listeners) {
            l.onCheck(event);
        }
        return event;
    }

    private boolean allFrozen() {
        for (boolean f : frozen) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    /** Clears every channel's windows: the next {@code referenceWindow} readings become the reference. */
    public void newReference() {
        for (int c = 0; c < channels.size(); c++) {
            referenceSize[c] = 0;
            frozen[c] = false;
            current[c].clear();
        }
        sinceCheck = 0;
        firstCheckPending = true;
        lastCheckMillis = clock.millis();
    }

    /**
     * @param listener called after every check
     */
    public void addListener(DriftListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return the latest results per channel (empty before the first check); safe from any thread */
    public Map<String, List<DriftResult>> latest() {
        return latest;
    }

    /** @return the monitor's name */
    public String name() {
        return name;
    }

    /** @return the channel names, features first then the score */
    public List<String> channels() {
        return channels;
    }

    /** @return the configured tests */
    public List<DriftTest> tests() {
        return tests;
    }

    /** @return readings seen */
    public long readings() {
        return readings;
    }

    /**
     * @param channel a channel
     * @return how many reference values the channel holds
     */
    public int referenceSize(String channel) {
        return referenceSize[index(channel)];
    }

    /**
     * @param channel a channel
     * @return how many current values the channel holds
     */
    public int currentSize(String channel) {
        return current[index(channel)].size();
    }

    private int index(String channel) {
        int i = channels.indexOf(channel);
        if (i < 0) {
            throw new IllegalArgumentException("no channel '" + channel + "'; channels are " + channels);
        }
        return i;
    }

    @Override
    public String toString() {
        return "DriftMonitor[" + name + ", channels " + channels + ", tests " + tests + "]";
    }

    /** Settings for a {@link DriftMonitor}; every setter validates at once. */
    public static final class Builder {
        private String name = "drift";
        private final List<String> channels = new ArrayList<>();
        private boolean hasScore;
        private final List<DriftTest> tests = new ArrayList<>();
        private final Map<String, double[]> references = new LinkedHashMap<>();
        private int referenceWindow = 500;
        private int currentWindow = 500;
        private int every = 100;
        private Duration interval;
        private Clock clock = Clock.systemUTC();
        private AfterDrift afterDrift = AfterDrift.NEW_REFERENCE;
        private final List<DriftListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param value the monitor's name, used in event ids and metric tags
         * @return this builder
         */
        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = value;
            return this;
        }

        /**
         * @param names feature channel names, in the order {@link DriftMonitor#update} takes values
         * @return this builder
         */
        public Builder features(String... names) {
            if (hasScore) {
                throw new IllegalStateException("add features before the score channel");
            }
            for (String n : names) {
                addChannel(n);
            }
            return this;
        }

        /**
         * Adds the model-score channel, last.
         *
         * @param channel its name, e.g. {@code "score"}
         * @return this builder
         */
        public Builder score(String channel) {
            if (hasScore) {
                throw new IllegalStateException("the score channel is already set");
            }
            addChannel(channel);
            hasScore = true;
            return this;
        }

        private void addChannel(String n) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("channel names must not be blank");
            }
            if (channels.contains(n)) {
                throw new IllegalArgumentException("channel '" + n + "' is given twice");
            }
            channels.add(n);
        }

        /**
         * @param values the tests to run at each check (default: Kolmogorov-Smirnov)
         * @return this builder
         */
        public Builder tests(DriftTest... values) {
            for (DriftTest t : values) {
                tests.add(Objects.requireNonNull(t, "test"));
            }
            return this;
        }

        /**
         * Gives a channel's reference from training; the last {@code referenceWindow} values are kept.
         *
         * @param channel the channel
         * @param values finite training values, at least one
         * @return this builder
         */
        public Builder reference(String channel, double[] values) {
            Samples.check("reference for '" + channel + "'", values);
            references.put(channel, values.clone());
            return this;
        }

        /**
         * @param size reference values kept per channel, 2..10,000,000 (default 500)
         * @return this builder
         */
        public Builder referenceWindow(int size) {
            this.referenceWindow = checkWindow("referenceWindow", size);
            return this;
        }

        /**
         * @param size current values kept per channel, 2..10,000,000 (default 500)
         * @return this builder
         */
        public Builder currentWindow(int size) {
            this.currentWindow = checkWindow("currentWindow", size);
            return this;
        }

        private static int checkWindow(String what, int size) {
            if (size < 2 || size > 10_000_000) {
                throw new IllegalArgumentException(what + " must be in 2..10000000, got " + size);
            }
            return size;
        }

        /**
         * @param n run a check when the windows fill, then every {@code n} readings (default 100)
         * @return this builder
         */
        public Builder checkEveryReadings(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("checkEveryReadings must be at least 1, got " + n);
            }
            this.every = n;
            this.interval = null;
            return this;
        }

        /**
         * @param value run a check at the first reading at least this long after the previous check, by the clock
         * @return this builder
         */
        public Builder checkInterval(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("checkInterval must be positive, got " + value);
            }
            this.interval = value;
            return this;
        }

        /**
         * @param value the clock for the schedule and event times (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value what to do after a check that found drift (default {@link AfterDrift#NEW_REFERENCE})
         * @return this builder
         */
        public Builder afterDrift(AfterDrift value) {
            this.afterDrift = Objects.requireNonNull(value, "afterDrift");
            return this;
        }

        /**
         * @param value called after every check
         * @return this builder
         */
        public Builder listener(DriftListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * @return the monitor
         * @throws IllegalStateException without channels, or with a reference for an unknown channel
         */
        public DriftMonitor build() {
            if (channels.isEmpty()) {
                throw new IllegalStateException("a drift monitor needs at least one channel (features or score)");
            }
            for (String c : references.keySet()) {
                if (!channels.contains(c)) {
                    throw new IllegalStateException("reference given for unknown channel '" + c + "'; channels are "
                            + channels);
                }
            }
            if (tests.isEmpty()) {
                tests.add(KolmogorovSmirnovTest.create());
            }
            return new DriftMonitor(this);
        }
    }
}
