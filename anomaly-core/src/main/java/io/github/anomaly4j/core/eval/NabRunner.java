package io.github.anomaly4j.core.eval;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.core.EmpiricalCalibration;
import io.github.anomaly4j.core.Pipeline;
import io.github.anomaly4j.core.PipelineBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs a detector over NAB data files the way NAB expects, producing one anomaly score in [0, 1] per row.
 *
 * <p><b>Training prefix.</b> NAB never scores the first {@link NabScorer#probationaryLength(int) probationary}
 * rows of a file ({@code min(floor(0.15 n), 750)}); detectors learn there. Both modes here learn only from that
 * prefix, so no scored row is seen in training and no label is used:
 * <ul>
 * <li>{@link #pipelineScores}: a {@link Pipeline} is fitted on the prefix, then every row is streamed through
 * {@link Pipeline#process}; the anomaly score is {@link Detection#calibratedScore()} (0 while warming up). The
 * fitted model stays as it was fitted.</li>
 * <li>{@link #streamingScores}: the detector's own streaming mode scores each row against the rows before it,
 * then learns it (for the built-ins, a rolling window that keeps adapting); raw scores are mapped to [0, 1] by an
 * {@link EmpiricalCalibration} of the prefix's warm scores, the calibration a pipeline would use.</li>
 * </ul>
 *
 * <p>NAB files repeat a timestamp where clocks went back; such a row is fed one millisecond after its predecessor,
 * since pipelines and streaming detectors need increasing time.
 *
 * <pre>{@code
 * NabCorpus corpus = NabCorpus.read(Path.of("../shared/data/nab"));
 * List<double[]> scores = NabRunner.pipelineScores(corpus, Anomaly.pipeline().detector(Anomaly.detector("mad")),
 *         NabScorer.builder().build());
 * NabResult r = NabScorer.builder().build().evaluate(corpus.series(scores), NabProfile.STANDARD);
 * }</pre>
 */
public final class NabRunner {
    /** The quantile of the prefix's scores above which {@link Scaling#EXTREME_VALUE} fits its tail. */
    public static final double TAIL_LEVEL = 0.9;

    /** How raw scores become NAB's anomaly scores in [0, 1]. */
    public enum Scaling {
        /** The raw score itself, for detectors whose scores already lie in [0, 1] (e.g. windowed-gaussian). */
        RAW,
        /** {@link EmpiricalCalibration#fit} of the prefix's scores: the share of them at or below (mid-rank). */
        EMPIRICAL,
        /**
         * {@link EmpiricalCalibration#fitWithTail} of the prefix's scores with a generalized Pareto tail above
         * their {@link #TAIL_LEVEL} quantile, reported on a log scale of the estimated tail probability
         * {@code p}: {@code min(1, ln p / ln 1e-300)} ({@link #logGrade}). {@code 1 - p} would round to 1.0 for
         * every reading with {@code p < 1.1e-16}, tying the most anomalous readings of a file; the log scale keeps
         * them ordered (NAB's own Numenta detector reports a log-scaled likelihood for the same reason).
         */
        EXTREME_VALUE
    }

    private NabRunner() {
    }

    /**
     * @param tailProbability an estimated tail probability in [0, 1]
     * @return {@code min(1, ln p / ln 1e-300)}: 0 for {@code p = 1}, 0.0133 for {@code p = 1e-4}, 1 for
     *     {@code p <= 1e-300}
     */
    public static double logGrade(double tailProbability) {
        if (!(tailProbability > 1e-300)) {
            return 1.0;
        }
        return Math.max(0.0, Math.log(Math.min(1.0, tailProbability)) / Math.log(1e-300));
    }

    /**
     * @param corpus the corpus
     * @param pipeline a configured pipeline builder (fitted afresh on each file's prefix)
     * @param scorer supplies the probationary length
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     * @throws IllegalArgumentException naming the file when the pipeline cannot be fitted or run on it
     */
    public static List<double[]> pipelineScores(NabCorpus corpus, PipelineBuilder pipeline, NabScorer scorer) {
        List<double[]> out = new ArrayList<>(corpus.files().size());
        for (NabDataFile f : corpus.files()) {
            out.add(pipelineScores(f, pipeline, scorer));
        }
        return out;
    }

    /**
     * @param file a data file
     * @param pipeline a configured pipeline builder, fitted on the file's probationary prefix
     * @param scorer supplies the probationary length
     * @return one anomaly score in [0, 1] per row
     * @throws IllegalArgumentException naming the file when the pipeline cannot be fitted or run on it
     */
    public static double[] pipelineScores(NabDataFile file, PipelineBuilder pipeline, NabScorer scorer) {
        return pipelineScores(file, pipeline, scorer, Scaling.EMPIRICAL);
    }

    /**
     * @param corpus the corpus
     * @param pipeline a configured pipeline builder (fitted afresh on each file's prefix)
     * @param scorer supplies the probationary length
     * @param scaling {@code RAW}: {@link Detection#score()} (which must lie in [0, 1]); {@code EMPIRICAL}: the
     *     pipeline's calibrated score; {@code EXTREME_VALUE}: {@link #logGrade} of the pipeline calibration's
     *     {@link EmpiricalCalibration#tailProbability} (give the builder {@code extremeValueCalibration} for a tail)
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     */
    public static List<double[]> pipelineScores(NabCorpus corpus, PipelineBuilder pipeline, NabScorer scorer,
            Scaling scaling) {
        List<double[]> out = new ArrayList<>(corpus.files().size());
        for (NabDataFile f : corpus.files()) {
            out.add(pipelineScores(f, pipeline, scorer, scaling));
        }
        return out;
    }

    /**
     * @param file a data file
     * @param pipeline a configured pipeline builder, fitted on the file's probationary prefix
     * @param scorer supplies the probationary length
     * @param scaling how the detections become anomaly scores (see the corpus form)
     * @return one anomaly score in [0, 1] per row
     */
    public static double[] pipelineScores(NabDataFile file, PipelineBuilder pipeline, NabScorer scorer,
            Scaling scaling) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(scaling, "scaling");
        long[] ts = increasing(file.timestamps());
        double[] values = file.values();
        int training = scorer.probationaryLength(ts.length);
        try {
            if (training < 1) {
                throw new IllegalArgumentException("the probationary prefix is empty; nothing to train on");
            }
            Pipeline fitted = pipeline.fit(TimeSeries.of(Arrays.copyOf(ts, training),
                    Arrays.copyOf(values, training)));
            double[] scores = new double[ts.length];
            for (int i = 0; i < ts.length; i++) {
                Detection d = fitted.process(ts[i], values[i]);
                scores[i] = d.warmingUp() ? 0.0 : switch (scaling) {
                    case RAW -> checkedRaw(d.score(), i);
                    case EMPIRICAL -> d.calibratedScore();
                    case EXTREME_VALUE -> logGrade(fitted.calibration().tailProbability(d.score()));
                };
            }
            return scores;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file.name() + " (" + ts.length + " rows, " + training
                    + " for training): " + e.getMessage(), e);
        }
    }

    /**
     * @param corpus the corpus
     * @param detector a detector with a streaming mode
     * @param scorer supplies the probationary length
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     * @throws IllegalArgumentException when the detector has no streaming mode, or naming the file when its
     *     prefix holds no warm score to calibrate on
     */
    public static List<double[]> streamingScores(NabCorpus corpus, Detector detector, NabScorer scorer) {
        return streamingScores(corpus, detector, scorer, Scaling.EMPIRICAL);
    }

    /**
     * @param corpus the corpus
     * @param detector a detector with a streaming mode
     * @param scorer supplies the probationary length
     * @param scaling how raw scores become anomaly scores
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     */
    public static List<double[]> streamingScores(NabCorpus corpus, Detector detector, NabScorer scorer,
            Scaling scaling) {
        List<double[]> out = new ArrayList<>(corpus.files().size());
        for (NabDataFile f : corpus.files()) {
            out.add(streamingScores(f, detector, scorer, scaling));
        }
        return out;
    }

    /**
     * @param file a data file
     * @param detector a detector with a streaming mode
     * @param scorer supplies the probationary length
     * @return one anomaly score in [0, 1] per row
     */
    public static double[] streamingScores(NabDataFile file, Detector detector, NabScorer scorer) {
        return streamingScores(file, detector, scorer, Scaling.EMPIRICAL);
    }

    /**
     * @param file a data file
     * @param detector a detector with a streaming mode
     * @param scorer supplies the probationary length
     * @param scaling how raw scores become anomaly scores
     * @return one anomaly score in [0, 1] per row
     */
    public static double[] streamingScores(NabDataFile file, Detector detector, NabScorer scorer, Scaling scaling) {
        Objects.requireNonNull(scaling, "scaling");
        if (!Objects.requireNonNull(detector, "detector").supportsStreaming()) {
            throw new IllegalArgumentException("detector '" + detector.id() + "' has no streaming mode");
        }
        long[] ts = increasing(file.timestamps());
        double[] values = file.values();
        StreamingDetector stream = detector.newStreamingDetector(1);
        double[] x = new double[1];
        double[] raw = new double[ts.length];
        boolean[] warm = new boolean[ts.length];
        for (int i = 0; i < ts.length; i++) {
            x[0] = values[i];
            raw[i] = stream.update(ts[i], x);
            warm[i] = stream.isWarm();
        }
        if (scaling == Scaling.RAW) {
            double[] scores = new double[ts.length];
            try {
                for (int i = 0; i < ts.length; i++) {
                    scores[i] = warm[i] ? checkedRaw(raw[i], i) : 0.0;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.name() + ": " + e.getMessage(), e);
            }
            return scores;
        }
        int training = scorer.probationaryLength(ts.length);
        double[] reference = new double[training];
        int m = 0;
        for (int i = 0; i < training; i++) {
            if (warm[i]) {
                reference[m++] = raw[i];
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException(file.name() + ": no warm score among the " + training
                    + " probationary rows to calibrate on (detector warm-up " + stream.warmUp() + ")");
        }
        double[] prefix = Arrays.copyOf(reference, m);
        EmpiricalCalibration calibration = scaling == Scaling.EXTREME_VALUE
                ? EmpiricalCalibration.fitWithTail(prefix, TAIL_LEVEL) : EmpiricalCalibration.fit(prefix);
        double[] scores = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            scores[i] = !warm[i] ? 0.0 : scaling == Scaling.EXTREME_VALUE
                    ? logGrade(calibration.tailProbability(raw[i])) : calibration.calibrate(raw[i]);
        }
        return scores;
    }

    private static double checkedRaw(double score, int row) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("raw score " + score + " at row " + row + " is outside [0, 1]; use a "
                    + "calibrated scaling for this detector");
        }
        return score;
    }

    private static long[] increasing(long[] ts) {
        for (int i = 1; i < ts.length; i++) {
            ts[i] = Math.max(ts[i], ts[i - 1] + 1);
        }
        return ts;
    }
}
