package io.github.anomaly4j.core;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Attribution;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fitted pipeline: feature transforms, an anomaly model, a calibration and a threshold, applied one reading at a
 * time. Build one with {@link Anomaly#pipeline()}.
 *
 * <pre>{@code
 * Pipeline pipeline = Anomaly.pipeline()
 *     .detector(Anomaly.detector("zscore"))
 *     .threshold(Thresholds.quantile(0.999))
 *     .fit(history);
 * Detection d = pipeline.process(timestamp, value);
 * }</pre>
 *
 * <p><b>Same code in training and serving.</b> Fitting replays the training series through fresh feature
 * streams, exactly as {@link #process} pushes live readings through its own; there is no separate batch path.
 *
 * <p><b>Threads.</b> The fitted parts (transforms, model, calibration, threshold) are immutable and shared. The
 * feature streams are single-writer state: call {@link #process} from one thread at a time, and use
 * {@link #fresh()} for another stream (another sensor, another thread) over the same fitted parts.
 *
 * <p><b>Bad input.</b> A reading with the wrong number of values, a non-finite value, or a timestamp not after the
 * previous one is refused with an {@link IllegalArgumentException} before any state changes.
 */
public final class Pipeline {
    private final Fitted fitted;
    private final FeatureStream[] streams;
    private final double[][] streamOut;
    private final double[] features;
    private final double[] attribution;
    private final int warmUp;
    private long seen;
    private long lastTimestamp = Long.MIN_VALUE;

    private Pipeline(Fitted fitted) {
        this.fitted = fitted;
        int width = fitted.inputColumns().size();
        List<FeatureTransform> transforms = fitted.transforms();
        this.streams = new FeatureStream[transforms.size()];
        this.streamOut = new double[transforms.size()][];
        int w = 0;
        for (int i = 0; i < streams.length; i++) {
            streams[i] = transforms.get(i).open(width);
            streamOut[i] = new double[streams[i].outputWidth()];
            w = Math.max(w, transforms.get(i).warmUp());
        }
        this.warmUp = w;
        this.features = new double[fitted.featureNames().size()];
        this.attribution = new double[features.length];
    }

    static Pipeline restore(Fitted fitted) {
        Pipeline p = new Pipeline(fitted);
        int total = (fitted.includeRawValues() ? fitted.inputColumns().size() : 0);
        for (double[] out : p.streamOut) {
            total += out.length;
        }
        if (total != fitted.featureNames().size()) {
            throw new IllegalArgumentException("the transforms produce " + total + " features but "
                    + fitted.featureNames().size() + " feature names are recorded");
        }
        return p;
    }

    /**
     * Scores one reading and advances the feature state.
     *
     * @param timestamp epoch milliseconds, later than the previous reading's
     * @param values one finite value per input column
     * @return the detection; {@link Detection#warmingUp()} while the feature windows fill
     */
    public Detection process(long timestamp, double... values) {
        checkReading(timestamp, values);
        computeFeatures(timestamp, values);
        seen++;
        lastTimestamp = timestamp;
        if (seen <= warmUp) {
            return Detection.warmingUp(timestamp, fitted.threshold());
        }
        return judge(timestamp);
    }

    /** Advances the feature state and returns a copy of the feature vector (used to replay training data). */
    double[] featuresOf(long timestamp, double[] values) {
        checkReading(timestamp, values);
        computeFeatures(timestamp, values);
        seen++;
        lastTimestamp = timestamp;
        return features.clone();
    }

    private Detection judge(long timestamp) {
        for (int j = 0; j < features.length; j++) {
            if (!Double.isFinite(features[j])) {
                throw new IllegalStateException("feature '" + fitted.featureNames().get(j) + "' is " + features[j]
                        + " at " + timestamp + "; a feature transform produced a non-finite value");
            }
        }
        AnomalyModel model = fitted.model();
        double score = model.score(features);
        double threshold = fitted.threshold();
        boolean anomalous = score > threshold;
        Detection d = Detection.of(timestamp, score, fitted.calibration().calibrate(score), anomalous, threshold);
        if (anomalous && model.supportsAttribution()) {
            model.attribute(features, attribution);
            d = d.withAttribution(new Attribution(fitted.featureNames(), attribution));
        }
        return d;
    }

    private void checkReading(long timestamp, double[] values) {
        int width = fitted.inputColumns().size();
        if (values == null || values.length != width) {
            throw new IllegalArgumentException("reading at " + timestamp + " has "
                    + (values == null ? 0 : values.length) + " values; the pipeline expects " + width + " "
                    + fitted.inputColumns());
        }
        for (int j = 0; j < width; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException("reading at " + timestamp + ": column '"
                        + fitted.inputColumns().get(j) + "' is " + values[j] + "; values must be finite");
            }
        }
        if (seen > 0 && timestamp <= lastTimestamp) {
            throw new IllegalArgumentException("timestamp " + timestamp + (timestamp == lastTimestamp
                    ? " repeats the previous reading's" : " is earlier than the previous reading's (" + lastTimestamp
                    + ")") + "; readings must arrive in strictly increasing time order");
        }
    }

    private void computeFeatures(long timestamp, double[] values) {
        int k = 0;
        if (fitted.includeRawValues()) {
            System.arraycopy(values, 0, features, 0, values.length);
            k = values.length;
        }
        for (int i = 0; i < streams.length; i++) {
            double[] out = streamOut[i];
            streams[i].apply(timestamp, values, out);
            System.arraycopy(out, 0, features, k, out.length);
            k += out.length;
        }
    }

    /**
     * Scores a whole series with fresh feature state, leaving this pipeline's own state untouched.
     *
     * @param series readings with the pipeline's input columns
     * @return one detection per reading
     */
    public List<Detection> detect(TimeSeries series) {
        Pipeline replay = fresh();
        int[] columns = replay.columnIndexes(series);
        double[] row = new double[columns.length];
        List<Detection> out = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            for (int j = 0; j < columns.length; j++) {
                row[j] = series.value(i, columns[j]);
            }
            out.add(replay.process(series.timestamp(i), row));
        }
        return out;
    }

    int[] columnIndexes(TimeSeries series) {
        List<String> inputs = fitted.inputColumns();
        int[] idx = new int[inputs.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = series.indexOf(inputs.get(j));
        }
        return idx;
    }

    /** @return a pipeline with the same fitted parts and empty feature state */
    public Pipeline fresh() {
        return new Pipeline(fitted);
    }

    /**
     * A copy whose threshold is re-chosen on recent scores, for example after a drift monitor found that the score
     * distribution moved. Transforms, model, calibration and provenance are shared; the copy starts with empty
     * feature state.
     *
     * @param rule the threshold rule, e.g. {@code Thresholds.quantile(0.99)}; rules that need labels are refused
     * @param recentScores raw scores of recent readings, finite, at least one
     * @return the recalibrated pipeline
     * @throws IllegalArgumentException for a rule that needs labels, or empty or non-finite scores
     */
    public Pipeline withThreshold(io.github.anomaly4j.api.detect.Threshold rule, double[] recentScores) {
        Objects.requireNonNull(rule, "rule");
        if (rule.requiresLabels()) {
            throw new IllegalArgumentException("threshold rule " + rule.describe() + " needs labels; recalibrating "
                    + "on recent scores needs a rule that does not");
        }
        if (recentScores == null || recentScores.length == 0) {
            throw new IllegalArgumentException("recalibration needs at least one recent score");
        }
        for (double s : recentScores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("recent scores must be finite, got " + s);
            }
        }
        double threshold = rule.select(recentScores.clone(), null);
        Fitted f = fitted;
        return new Pipeline(new Fitted(f.inputColumns(), f.includeRawValues(), f.transforms(), f.featureNames(),
                f.model(), f.calibration(), threshold, rule.describe() + " on " + recentScores.length
                        + " recent scores", f.provenance()));
    }

    /** @return the fitted model */
    public AnomalyModel model() {
        return fitted.model();
    }

    /** @return the threshold on raw scores */
    public double threshold() {
        return fitted.threshold();
    }

    /** @return a description of the rule that chose the threshold */
    public String thresholdRule() {
        return fitted.thresholdRule();
    }

    /** @return the input column names, in the order {@link #process} expects values */
    public List<String> inputColumns() {
        return fitted.inputColumns();
    }

    /** @return the feature names, in the order the model sees them */
    public List<String> featureNames() {
        return fitted.featureNames();
    }

    /** @return readings needed before scores are produced */
    public int warmUp() {
        return warmUp;
    }

    /** @return where the pipeline came from */
    public Provenance provenance() {
        return fitted.provenance();
    }

    /** @return the calibration of raw scores */
    public EmpiricalCalibration calibration() {
        return fitted.calibration();
    }

    Fitted fitted() {
        return fitted;
    }

    @Override
    public String toString() {
        return "Pipeline[" + fitted.inputColumns() + " -> " + fitted.featureNames() + " -> " + fitted.model().type()
                + ", threshold " + fitted.threshold() + " (" + fitted.thresholdRule() + ")]";
    }

    /** The immutable, fitted parts of a pipeline: what the model file holds. */
    record Fitted(List<String> inputColumns, boolean includeRawValues, List<FeatureTransform> transforms,
            List<String> featureNames, AnomalyModel model, EmpiricalCalibration calibration, double threshold,
            String thresholdRule, Provenance provenance) {
        Fitted {
            inputColumns = List.copyOf(inputColumns);
            transforms = List.copyOf(transforms);
            featureNames = List.copyOf(featureNames);
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(calibration, "calibration");
            Objects.requireNonNull(thresholdRule, "thresholdRule");
            Objects.requireNonNull(provenance, "provenance");
            if (inputColumns.isEmpty()) {
                throw new IllegalArgumentException("a pipeline needs at least one input column");
            }
            if (!includeRawValues && transforms.isEmpty()) {
                throw new IllegalArgumentException("a pipeline needs feature transforms or raw values as features");
            }
            if (featureNames.size() != model.dimension()) {
                throw new IllegalArgumentException(featureNames.size() + " feature names for a model of dimension "
                        + model.dimension());
            }
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("threshold must not be NaN");
            }
        }
    }
}
