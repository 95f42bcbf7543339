package io.github.anomaly4j.core;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.Threshold;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.spi.Spec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures and fits a {@link Pipeline}. Obtain one from {@link Anomaly#pipeline()}. Each setting may be given
 * once; a second call is an {@link IllegalStateException}, a bad value an {@link IllegalArgumentException}.
 *
 * <p>Defaults: no feature transforms (the raw values are the features), threshold
 * {@code Thresholds.quantile(0.99)}, the plain empirical calibration, the system UTC clock for provenance.
 */
public final class PipelineBuilder {
    private final List<FeatureTransform> transforms = new ArrayList<>();
    private Boolean includeRawValues;
    private Detector detector;
    private Threshold threshold;
    private Clock clock;
    private Double tailLevel;

    PipelineBuilder() {
    }

    /**
     * Adds feature transforms; their outputs are concatenated in order.
     *
     * @param featureTransforms transforms (unfitted; fitting the pipeline fits them)
     * @return this builder
     */
    public PipelineBuilder features(FeatureTransform... featureTransforms) {
        for (FeatureTransform t : featureTransforms) {
            transforms.add(Objects.requireNonNull(t, "feature transform"));
        }
        return this;
    }

    /**
     * Whether the raw input values are features too, ahead of the transforms' outputs. Defaults to true when
     * there are no transforms and false otherwise.
     *
     * @param include whether to include them
     * @return this builder
     */
    public PipelineBuilder rawValues(boolean include) {
        if (includeRawValues != null) {
            throw new IllegalStateException("rawValues was already set");
        }
        this.includeRawValues = include;
        return this;
    }

    /**
     * @param value the detector
     * @return this builder
     */
    public PipelineBuilder detector(Detector value) {
        if (detector != null) {
            throw new IllegalStateException("detector was already set to " + detector.spec());
        }
        this.detector = Objects.requireNonNull(value, "detector");
        return this;
    }

    /**
     * @param value the rule that picks the threshold from validation scores
     * @return this builder
     */
    public PipelineBuilder threshold(Threshold value) {
        if (threshold != null) {
            throw new IllegalStateException("threshold was already set to " + threshold.describe());
        }
        this.threshold = Objects.requireNonNull(value, "threshold");
        return this;
    }

    /**
     * Calibrates raw scores with an extreme-value tail above the {@code level} quantile of the threshold scores
     * ({@link EmpiricalCalibration#fitWithTail}), so calibrated scores keep rising beyond the highest score seen in
     * fitting instead of stopping at 1. Without this call the calibration is the plain empirical one.
     *
     * @param level the quantile above which a generalized Pareto tail is fitted, in (0, 1), e.g. 0.9
     * @return this builder
     */
    public PipelineBuilder extremeValueCalibration(double level) {
        if (tailLevel != null) {
            throw new IllegalStateException("extremeValueCalibration was already set to " + tailLevel);
        }
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("extremeValueCalibration level must be in (0, 1), got " + level);
        }
        this.tailLevel = level;
        return this;
    }

    /**
     * @param value the clock that timestamps provenance
     * @return this builder
     */
    public PipelineBuilder clock(Clock value) {
        if (clock != null) {
            throw new IllegalStateException("clock was already set");
        }
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Fits on a training series and picks calibration and threshold from the training scores.
     *
     * @param training readings, every value finite
     * @return the fitted pipeline
     */
    public Pipeline fit(TimeSeries training) {
        return fit(training, null);
    }

    /**
     * Fits the transforms and the model on {@code training}, then calibration and threshold on the scores of
     * {@code validation} (replayed through fresh feature state). Held-out validation data give an honest
     * threshold; without it the in-sample training scores are used.
     *
     * @param training readings, every value finite
     * @param validation held-out readings with the same columns, or {@code null}
     * @return the fitted pipeline
     */
    public Pipeline fit(TimeSeries training, TimeSeries validation) {
        return fit(training, validation, null);
    }

    /**
     * Like {@link #fit(TimeSeries, TimeSeries)}, with labels for the validation readings, for a threshold rule
     * that needs them ({@link Thresholds#f1Optimal()}). Labels of readings the feature warm-up consumes are
     * ignored; the calibration never sees labels.
     *
     * @param training readings, every value finite
     * @param validation held-out readings with the same columns
     * @param validationLabels true for known anomalies, one per validation reading
     * @return the fitted pipeline
     */
    public Pipeline fit(TimeSeries training, TimeSeries validation, boolean[] validationLabels) {
        if (validationLabels != null) {
            Objects.requireNonNull(validation, "validation");
            if (validationLabels.length != validation.size()) {
                throw new IllegalArgumentException(validationLabels.length + " labels for " + validation.size()
                        + " validation readings; give one label per reading");
            }
        }
        if (detector == null) {
            throw new IllegalStateException("no detector: call detector(...) before fit");
        }
        Objects.requireNonNull(training, "training");
        training.toFrame().requireFinite();
        Threshold rule = threshold != null ? threshold : Thresholds.quantile(0.99);
        if (rule.requiresLabels() && validationLabels == null) {
            throw new IllegalStateException("threshold " + rule.describe() + " needs labels: call "
                    + "fit(training, validation, validationLabels)");
        }
        boolean raw = includeRawValues != null ? includeRawValues : transforms.isEmpty();
        List<String> inputs = training.columnNames();

        List<FeatureTransform> fittedTransforms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (raw) {
            names.addAll(inputs);
        }
        for (FeatureTransform t : transforms) {
            FeatureTransform f = Objects.requireNonNull(t.fit(training), t.id() + ".fit returned null");
            fittedTransforms.add(f);
            names.addAll(f.outputNames(inputs));
        }
        checkUnique(names);

        // A provisional pipeline replays the series through the same streams that serving uses.
        Frame trainingFeatures = replay(fittedTransforms, raw, inputs, names, training);
        AnomalyModel model = detector.fit(trainingFeatures);
        Frame scoringFeatures = validation == null ? trainingFeatures
                : replay(fittedTransforms, raw, inputs, names, validation);
        double[][] rows = scoringFeatures.toRows();
        double[] scores = new double[rows.length];
        model.scoreBatch(rows, scores);
        boolean[] labels = null;
        if (validationLabels != null) {
            labels = java.util.Arrays.copyOfRange(validationLabels, validation.size() - rows.length,
                    validation.size());
        }

        Map<String, String> data = new LinkedHashMap<>();
        data.put("readings", Integer.toString(training.size()));
        data.put("rowsAfterWarmUp", Integer.toString(trainingFeatures.rows()));
        data.put("columns", String.join(",", inputs));
        data.put("firstTimestamp", Long.toString(training.timestamp(0)));
        data.put("lastTimestamp", Long.toString(training.timestamp(training.size() - 1)));
        data.put("thresholdScores", validation == null ? "training" : "validation(" + validation.size() + ")");
        Map<String, String> params = new LinkedHashMap<>();
        putSpec(params, "detector", detector.spec());
        for (int i = 0; i < fittedTransforms.size(); i++) {
            putSpec(params, "feature" + i, fittedTransforms.get(i).spec());
        }
        params.put("threshold", rule.describe());
        if (tailLevel != null) {
            params.put("calibration", "extremeValue(" + tailLevel + ")");
        }
        Provenance provenance = Provenance.of((clock != null ? clock : Clock.systemUTC()).instant(), data, params);

        return Pipeline.restore(new Pipeline.Fitted(inputs, raw, fittedTransforms, names, model,
                tailLevel != null ? EmpiricalCalibration.fitWithTail(scores, tailLevel)
                        : EmpiricalCalibration.fit(scores),
                rule.select(scores, labels), rule.describe(), provenance));
    }

    private static void putSpec(Map<String, String> params, String prefix, Spec spec) {
        params.put(prefix, spec.id());
        spec.values().forEach((k, v) -> params.put(prefix + "." + k, String.valueOf(v)));
    }

    private static void checkUnique(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("feature name '" + n + "' appears twice in " + names
                        + "; two transforms produce the same feature");
            }
        }
    }

    private Frame replay(List<FeatureTransform> fittedTransforms, boolean raw, List<String> inputs,
            List<String> names, TimeSeries series) {
        if (!series.columnNames().containsAll(inputs)) {
            throw new IllegalArgumentException("series has columns " + series.columnNames() + "; the pipeline needs "
                    + inputs);
        }
        // Only the fitted parts matter here; the model slot is a placeholder of the right dimension.
        Pipeline p = Pipeline.restore(new Pipeline.Fitted(inputs, raw, fittedTransforms, names,
                new PlaceholderModel(names.size()), EmpiricalCalibration.fromKnots(new double[] {0.0}), 0.0,
                "none", Provenance.of(java.time.Instant.EPOCH, Map.of(), Map.of())));
        int[] columns = p.columnIndexes(series);
        double[] row = new double[columns.length];
        int usable = series.size() - p.warmUp();
        if (usable < 1) {
            throw new IllegalArgumentException("the series has " + series.size() + " readings; the features need "
                    + p.warmUp() + " to warm up, plus at least 1 to learn from");
        }
        double[][] out = new double[usable][];
        for (int i = 0; i < series.size(); i++) {
            for (int j = 0; j < columns.length; j++) {
                row[j] = series.value(i, columns[j]);
            }
            double[] f = p.featuresOf(series.timestamp(i), row);
            if (i >= p.warmUp()) {
                out[i - p.warmUp()] = f;
            }
        }
        return Frame.ofRows(names, out);
    }

    /** Stands in for the model while a series is replayed to compute features. Never scores. */
    private record PlaceholderModel(int dimension) implements AnomalyModel {
        @Override
        public String type() {
            return "placeholder";
        }

        @Override
        public double score(double[] x) {
            throw new IllegalStateException("placeholder model does not score");
        }

        @Override
        public Record state() {
            return this;
        }
    }
}
