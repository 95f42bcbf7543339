package io.github.anomaly4j.features;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Maps multi-column readings to a feature vector with stable names, the same way in training and in serving.
 * Immutable: the transforms (fitted or not), which columns each reads, the missing-value and gap policies. Its
 * running state lives in a {@link Run} from {@link #open()}.
 *
 * <pre>{@code
 * FeaturePipeline features = FeaturePipeline.builder("temperature", "pressure")
 *     .add(Features.rollingMean(60))                       // both columns
 *     .add(Features.rollingStd(60), "temperature")         // one column
 *     .add(Features.hourOfDay(ZoneId.of("Europe/Paris")))
 *     .nanPolicy(NanPolicy.CARRY_FORWARD)
 *     .maxGap(Duration.ofMinutes(10), GapPolicy.RESET)
 *     .build();
 * }</pre>
 *
 * <p>Feature names are {@code column.transform(settings)}, e.g. {@code temperature.rolling-mean(60)}, in the order
 * the transforms were added; calendar features are named without a column. {@link #warmUp()} is the longest warm-up
 * of the transforms: a run reports {@link Status#WARMING_UP} until it has accepted that many readings.
 */
public final class FeaturePipeline {
    /** What {@link Run#apply} did with a reading. */
    public enum Status {
        /** The features are computed and, apart from missing inputs (see the mask), meaningful. */
        READY,
        /** The features are computed but some windows are not full yet. */
        WARMING_UP,
        /**
         * The reading held a NaN under {@link NanPolicy#SKIP}: no transform saw it and the output is NaN (its time
         * still counts for order and gaps).
         */
        SKIPPED
    }

    private final List<String> columns;
    private final List<FeatureTransform> transforms;
    private final List<int[]> inputs;
    private final List<String> names;
    private final NanPolicy nanPolicy;
    private final long maxGapMillis;
    private final GapPolicy gapPolicy;
    private final int warmUp;

    private FeaturePipeline(List<String> columns, List<FeatureTransform> transforms, List<int[]> inputs,
            NanPolicy nanPolicy, long maxGapMillis, GapPolicy gapPolicy) {
        this.columns = List.copyOf(columns);
        this.transforms = List.copyOf(transforms);
        this.inputs = List.copyOf(inputs);
        this.nanPolicy = nanPolicy;
        this.maxGapMillis = maxGapMillis;
        this.gapPolicy = gapPolicy;
        List<String> all = new ArrayList<>();
        int w = 0;
        for (int i = 0; i < transforms.size(); i++) {
            all.addAll(transforms.get(i).outputNames(select(this.columns, inputs.get(i))));
            w = Math.max(w, transforms.get(i).warmUp());
        }
        Set<String> seen = new HashSet<>();
        for (String n : all) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("feature '" + n + "' appears twice; each transform must add "
                        + "different features (names: " + all + ")");
            }
        }
        this.names = List.copyOf(all);
        this.warmUp = w;
    }

    private static List<String> select(List<String> columns, int[] idx) {
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(columns.get(i));
        }
        return out;
    }

    /**
     * @param columns the input column names, in the order readings give their values
     * @return a builder
     */
    public static Builder builder(String... columns) {
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] == null) {
                throw new IllegalArgumentException("input column " + j + " is null; columns need names");
            }
        }
        return new Builder(List.of(columns));
    }

    /** @return the input column names */
    public List<String> columns() {
        return columns;
    }

    /** @return the feature names, one per output value, in order */
    public List<String> featureNames() {
        return names;
    }

    /** @return the number of features */
    public int width() {
        return names.size();
    }

    /** @return readings a run needs before every window is full */
    public int warmUp() {
        return warmUp;
    }

    /** @return the transforms, in order */
    public List<FeatureTransform> transforms() {
        return transforms;
    }

    /**
     * Fits every transform (scalers learn their parameters) on the columns it reads.
     *
     * @param training readings with this pipeline's columns
     * @return a pipeline with fitted transforms
     */
    public FeaturePipeline fit(TimeSeries training) {
        Objects.requireNonNull(training, "training");
        List<FeatureTransform> fitted = new ArrayList<>(transforms.size());
        long[] times = training.timestamps();
        for (int i = 0; i < transforms.size(); i++) {
            int[] idx = inputs.get(i);
            double[][] cols = new double[idx.length][];
            List<String> names = select(columns, idx);
            for (int j = 0; j < idx.length; j++) {
                cols[j] = training.column(names.get(j));
            }
            FeatureTransform t = transforms.get(i);
            fitted.add(Objects.requireNonNull(t.fit(TimeSeries.of(times, names, cols)), t.id() + ".fit returned null"));
        }
        return new FeaturePipeline(columns, fitted, inputs, nanPolicy, maxGapMillis, gapPolicy);
    }

    /** @return a run with empty state */
    public Run open() {
        return new Run();
    }

    /**
     * Replays a series through a fresh run: the training path, with exactly the serving code.
     *
     * @param series readings with this pipeline's columns
     * @return one feature row per reading (all NaN for a skipped reading)
     */
    public double[][] transform(TimeSeries series) {
        int[] idx = new int[columns.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = series.indexOf(columns.get(j));
        }
        Run run = open();
        double[] in = new double[idx.length];
        double[][] out = new double[series.size()][names.size()];
        for (int i = 0; i < series.size(); i++) {
            for (int j = 0; j < idx.length; j++) {
                in[j] = series.value(i, idx[j]);
            }
            run.apply(series.timestamp(i), in, out[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "FeaturePipeline" + columns + " -> " + names;
    }

    /**
     * The running state of a {@link FeaturePipeline}: single writer, no allocation per reading (a gap reset
     * reopens the streams). Snapshot and restore to survive a restart.
     */
    public final class Run {
        private final FeatureStream[] streams;
        private final double[][] streamIn;
        private final int[][] streamCols;
        private final double[][] streamOut;
        private final double[] values;
        private final double[] lastFinite;
        private final int columnCount;
        private final int featureCount;
        /** Whether a transform reads every column in order, so the reading passes to it without a copy. */
        private final boolean[] readsAll;
        /**
         * For each stream that is a one-column {@link Kernel}, the kernel (else null) and the column it reads: the
         * run calls its {@code update} itself (a virtual call writing straight into the output) instead of the
         * interface {@code apply} with its width and finiteness checks, already done here, and its one-slot copy.
         */
        private final Kernel[] kernels;
        private final int[] kernelColumn;
        private long accepted;
        private long lastTimestamp;
        private boolean started;

        private Run() {
            int n = transforms.size();
            streams = new FeatureStream[n];
            streamIn = new double[n][];
            streamCols = new int[n][];
            streamOut = new double[n][];
            kernels = new Kernel[n];
            kernelColumn = new int[n];
            for (int i = 0; i < n; i++) {
                streamCols[i] = inputs.get(i).clone();
                streamIn[i] = new double[streamCols[i].length];
            }
            openStreams();
            columnCount = columns.size();
            featureCount = names.size();
            readsAll = new boolean[n];
            for (int i = 0; i < n; i++) {
                int[] cols = streamCols[i];
                boolean all = cols.length == columnCount;
                for (int j = 0; all && j < cols.length; j++) {
                    all = cols[j] == j;
                }
                readsAll[i] = all;
            }
            values = new double[columnCount];
            lastFinite = new double[columnCount];
            Arrays.fill(lastFinite, Double.NaN);
        }

        private void openStreams() {
            for (int i = 0; i < streams.length; i++) {
                streams[i] = transforms.get(i).open(streamCols[i].length);
                if (streamOut[i] == null) {
                    streamOut[i] = new double[streams[i].outputWidth()];
                }
            }
            bindKernels();
        }

        /** Finds the one-column kernels among the current streams; after every (re)open or restore. */
        private void bindKernels() {
            for (int i = 0; i < streams.length; i++) {
                boolean direct = streams[i] instanceof Kernel && streamCols[i].length == 1;
                kernels[i] = direct ? (Kernel) streams[i] : null;
                kernelColumn[i] = direct ? streamCols[i][0] : -1;
            }
            // a variance, std or z-score over the same column and window as an earlier one shares its update
            for (int i = 0; i < streams.length; i++) {
                if (kernels[i] instanceof MomentsKernel m) {
                    for (int j = 0; j < i; j++) {
                        if (kernels[j] instanceof MomentsKernel other && kernelColumn[j] == kernelColumn[i]
                                && m.follow(other)) {
                            break;
                        }
                    }
                }
            }
        }

        /**
         * Consumes one reading.
         *
         * @param timestamp epoch milliseconds, later than the previous reading's
         * @param in one value per column; NaN marks a missing value; infinities are refused
         * @param out receives {@link #width()} features
         * @return what happened to the reading
         */
        public Status apply(long timestamp, double[] in, double[] out) {
            int width = columnCount;
            if (in.length != width) {
                throw new IllegalArgumentException("reading at " + timestamp + " has " + in.length
                        + " values; the pipeline reads " + width + " " + columns);
            }
            if (out.length < featureCount) {
                throw new IllegalArgumentException("output has room for " + out.length + " features, the pipeline "
                        + "makes " + names.size());
            }
            boolean missing = false;
            for (int j = 0; j < width; j++) {
                double x = in[j];
                if (x != x) {
                    missing = true;
                } else if (Double.isInfinite(x)) {
                    throw new IllegalArgumentException("reading at " + timestamp + ": column '" + columns.get(j)
                            + "' is " + x + "; values must be finite (NaN marks a missing value)");
                }
            }
            if (started && timestamp <= lastTimestamp) {
                throw new IllegalArgumentException("timestamp " + timestamp + (timestamp == lastTimestamp
                        ? " repeats the previous reading's" : " is earlier than the previous reading's ("
                        + lastTimestamp + ")") + "; readings must arrive in strictly increasing time order");
            }
            long gap = timestamp - lastTimestamp; // negative only on overflow, which is a huge gap
            if (started && (gap > maxGapMillis || gap < 0)) {
                if (gapPolicy == GapPolicy.FAIL) {
                    throw new IllegalArgumentException("reading at " + timestamp + " comes "
                            + Long.toUnsignedString(gap) + " ms after the previous one; the pipeline allows at most "
                            + maxGapMillis + " ms");
                }
                openStreams();
                accepted = 0;
                Arrays.fill(lastFinite, Double.NaN);
            }
            started = true;
            lastTimestamp = timestamp;
            if (missing && nanPolicy == NanPolicy.SKIP) {
                Arrays.fill(out, 0, featureCount, Double.NaN);
                return Status.SKIPPED;
            }
            double[] v = values;
            for (int j = 0; j < width; j++) {
                double x = in[j];
                if (x == x) {
                    lastFinite[j] = x;
                    v[j] = x;
                } else {
                    v[j] = nanPolicy == NanPolicy.CARRY_FORWARD ? lastFinite[j] : x;
                }
            }
            int k = 0;
            Kernel[] ks = kernels;
            for (int i = 0; i < streams.length; i++) {
                Kernel kernel = ks[i];
                if (kernel != null) {
                    // what Kernel.apply does, minus the checks made above: v holds no infinity
                    double x = v[kernelColumn[i]];
                    if (x == x) {
                        kernel.update(timestamp, x, out, k);
                    } else {
                        out[k] = Double.NaN;
                    }
                    k++;
                    continue;
                }
                double[] sin = v;
                if (!readsAll[i]) {
                    int[] cols = streamCols[i];
                    sin = streamIn[i];
                    for (int j = 0; j < cols.length; j++) {
                        sin[j] = v[cols[j]];
                    }
                }
                double[] sout = streamOut[i];
                streams[i].apply(timestamp, sin, sout);
                for (int j = 0; j < sout.length; j++) {
                    out[k++] = sout[j];
                }
            }
            accepted++;
            return accepted > warmUp ? Status.READY : Status.WARMING_UP;
        }

        /**
         * Like {@link #apply(long, double[], double[])}, and marks the missing (NaN) features.
         *
         * @param timestamp epoch milliseconds
         * @param in one value per column
         * @param out receives the features
         * @param mask receives {@code true} where a feature is missing
         * @return what happened to the reading
         */
        public Status apply(long timestamp, double[] in, double[] out, boolean[] mask) {
            if (mask.length < featureCount) {
                throw new IllegalArgumentException("mask has room for " + mask.length + " features, the pipeline "
                        + "makes " + featureCount);
            }
            Status s = apply(timestamp, in, out);
            for (int i = 0; i < featureCount; i++) {
                mask[i] = out[i] != out[i];
            }
            return s;
        }

        /** @return readings accepted since the start or the last gap reset */
        public long accepted() {
            return accepted;
        }

        /** @return the complete state, for {@link #restore} */
        public Snapshot snapshot() {
            List<Record> states = new ArrayList<>(streams.length);
            for (FeatureStream s : streams) {
                states.add(s.snapshot());
            }
            return new Snapshot(FeaturePipeline.this.toString(), accepted, lastTimestamp, started,
                    lastFinite.clone(), states);
        }

        /**
         * Continues from a snapshot of a run of an equal pipeline. Checked completely before anything changes.
         *
         * @param snapshot from {@link #snapshot()}
         */
        public void restore(Snapshot snapshot) {
            Objects.requireNonNull(snapshot, "snapshot");
            if (!snapshot.pipeline().equals(FeaturePipeline.this.toString())
                    || snapshot.streams().size() != streams.length
                    || snapshot.lastFinite().length != lastFinite.length || snapshot.accepted() < 0) {
                throw new IllegalArgumentException("snapshot of " + snapshot.pipeline() + " does not fit "
                        + FeaturePipeline.this);
            }
            if (!snapshot.started() && snapshot.accepted() != 0) {
                // the next reading's time would go unchecked, and a rate-of-change inside could refuse it midway
                throw new IllegalArgumentException("snapshot is inconsistent: the run accepted " + snapshot.accepted()
                        + " readings but has not started");
            }
            double[] carried = snapshot.lastFinite();
            for (int j = 0; j < carried.length; j++) {
                // NaN (no finite value yet) or finite: an infinity would reach the streams past the input check
                if (Double.isInfinite(carried[j])) {
                    throw new IllegalArgumentException("snapshot is inconsistent: the last value of column '"
                            + columns.get(j) + "' is " + carried[j] + "; carried values must be finite or NaN");
                }
            }
            FeatureStream[] fresh = new FeatureStream[streams.length];
            for (int i = 0; i < streams.length; i++) {
                fresh[i] = transforms.get(i).open(streamCols[i].length);
                fresh[i].restore(snapshot.streams().get(i));
                // a transform that checks times (rate-of-change) must not hold a reading later than the run's last:
                // the run would let a reading in between through, and the transform refuse it after the ones
                // before it had taken it
                Kernel[] kernels = fresh[i] instanceof Kernel k ? new Kernel[] {k}
                        : fresh[i] instanceof ColumnwiseStream c ? c.kernels() : new Kernel[0];
                for (Kernel k : kernels) {
                    if (k.holdsTime() && (!snapshot.started() || k.lastTime() > snapshot.lastTimestamp())) {
                        throw new IllegalArgumentException("snapshot is inconsistent: " + transforms.get(i)
                                + " holds a reading at " + k.lastTime() + ", " + (snapshot.started()
                                ? "after the run's last (" + snapshot.lastTimestamp() + ")"
                                : "but the run has not started"));
                    }
                }
            }
            System.arraycopy(fresh, 0, streams, 0, streams.length);
            bindKernels();
            accepted = snapshot.accepted();
            lastTimestamp = snapshot.lastTimestamp();
            started = snapshot.started();
            System.arraycopy(carried, 0, lastFinite, 0, lastFinite.length);
        }
    }

    /**
     * The state of a {@link Run}.
     *
     * @param pipeline which pipeline it belongs to (its columns and feature names)
     * @param accepted readings accepted since the start or the last gap reset
     * @param lastTimestamp the previous reading's timestamp
     * @param started whether any reading has arrived
     * @param lastFinite each column's last finite value (NaN for none), for {@link NanPolicy#CARRY_FORWARD}
     * @param streams each transform's {@link FeatureStream#snapshot()}
     */
    public record Snapshot(String pipeline, long accepted, long lastTimestamp, boolean started, double[] lastFinite,
            List<Record> streams) {
        /**
         * Copies.
         *
         * @param pipeline which pipeline it belongs to (its columns and feature names)
         * @param accepted readings accepted since the start or the last gap reset
         * @param lastTimestamp the previous reading's timestamp
         * @param started whether any reading has arrived
         * @param lastFinite each column's last finite value (NaN for none), for {@link NanPolicy#CARRY_FORWARD}
         * @param streams each transform's {@link FeatureStream#snapshot()}
         */
        public Snapshot {
            Objects.requireNonNull(pipeline, "pipeline");
            lastFinite = lastFinite.clone();
            streams = List.copyOf(streams);
        }

        /** @return a copy of the last finite values */
        @Override
        public double[] lastFinite() {
            return lastFinite.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && pipeline.equals(s.pipeline) && accepted == s.accepted
                    && lastTimestamp == s.lastTimestamp && started == s.started
                    && Arrays.equals(lastFinite, s.lastFinite) && streams.equals(s.streams);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pipeline, accepted, lastTimestamp, started, Arrays.hashCode(lastFinite), streams);
        }
    }

    /** Configures a {@link FeaturePipeline}; each policy may be set once. */
    public static final class Builder {
        private final List<String> columns;
        private final List<FeatureTransform> transforms = new ArrayList<>();
        private final List<int[]> inputs = new ArrayList<>();
        private NanPolicy nanPolicy;
        private Duration maxGap;
        private GapPolicy gapPolicy;

        private Builder(List<String> columns) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a feature pipeline needs at least one input column");
            }
            if (new HashSet<>(columns).size() != columns.size()) {
                throw new IllegalArgumentException("input columns must be distinct, got " + columns);
            }
            this.columns = columns;
        }

        /**
         * Adds a transform over every input column.
         *
         * @param transform the transform
         * @return this builder
         */
        public Builder add(FeatureTransform transform) {
            return add(transform, columns.toArray(new String[0]));
        }

        /**
         * Adds a transform over some input columns.
         *
         * @param transform the transform
         * @param reads the columns it reads, at least one
         * @return this builder
         */
        public Builder add(FeatureTransform transform, String... reads) {
            Objects.requireNonNull(transform, "transform");
            if (reads.length == 0) {
                throw new IllegalArgumentException("'" + transform.id() + "' must read at least one column");
            }
            int[] idx = new int[reads.length];
            for (int j = 0; j < reads.length; j++) {
                idx[j] = columns.indexOf(reads[j]);
                if (idx[j] < 0) {
                    throw new IllegalArgumentException("'" + transform.id() + "' reads column '" + reads[j]
                            + "', which is not one of " + columns);
                }
            }
            transforms.add(transform);
            inputs.add(idx);
            return this;
        }

        /**
         * @param policy what to do with NaN inputs; default {@link NanPolicy#EMIT_NAN}
         * @return this builder
         */
        public Builder nanPolicy(NanPolicy policy) {
            if (nanPolicy != null) {
                throw new IllegalStateException("nanPolicy was already set to " + nanPolicy);
            }
            nanPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param gap the longest allowed time between readings; default unlimited
         * @param policy what to do with a longer gap
         * @return this builder
         */
        public Builder maxGap(Duration gap, GapPolicy policy) {
            if (maxGap != null) {
                throw new IllegalStateException("maxGap was already set to " + maxGap);
            }
            if (gap == null || gap.isNegative() || gap.isZero()) {
                throw new IllegalArgumentException("maxGap must be a positive duration, got " + gap);
            }
            maxGap = gap;
            gapPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @return the pipeline */
        public FeaturePipeline build() {
            if (transforms.isEmpty()) {
                throw new IllegalStateException("no transforms: add at least one before build()");
            }
            long gapMillis = maxGap == null ? Long.MAX_VALUE : saturatedMillis(maxGap);
            return new FeaturePipeline(columns, transforms, inputs, nanPolicy == null ? NanPolicy.EMIT_NAN : nanPolicy,
                    gapMillis, gapPolicy == null ? GapPolicy.RESET : gapPolicy);
        }

        private static long saturatedMillis(Duration d) {
            try {
                return d.toMillis();
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
