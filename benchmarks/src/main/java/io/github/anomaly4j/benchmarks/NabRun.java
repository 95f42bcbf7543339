package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.core.Plugins;
import io.github.anomaly4j.core.SpecSyntax;
import io.github.anomaly4j.core.eval.NabCorpus;
import io.github.anomaly4j.core.eval.NabRunner;
import io.github.anomaly4j.core.eval.NabScorer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Streams every series of a NAB-format corpus through an anomaly4j pipeline ({@link NabRunner}) and writes
 * NAB-format results:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.NabRun \
 *     --corpus ../shared/data/nab --out results [--detector 'mad(window=100)'] [--name NAME]
 *     [--mode streaming|pipeline] [--calibration auto|extreme-value|empirical|raw]
 * </pre>
 *
 * <p>By default ({@link #DEFAULT_MODE} streaming) each file is run through the detector's own streaming mode
 * ({@link #runStreaming}): every row is scored against the rows before it, then learnt. With {@code --mode
 * pipeline} the pipeline of {@code --detector} (a {@link SpecSyntax} chain) is fitted on the file's probationary
 * prefix, the rows NAB never scores ({@code min(floor(0.15 n), 750)}), and every row is streamed through
 * {@code Pipeline.process}. Either way no label is used and scores become {@code anomaly_score} in [0, 1] (0 while
 * warming up) as {@code --calibration} says ({@link #scaling}), written to
 * {@code <out>/<name>/<category>/<name>_<file>.csv}. NAB files repeat a timestamp where clocks went back; such a
 * row is fed one millisecond after its predecessor, since detectors need increasing time.
 */
public final class NabRun {
    /** The library's recommended default for a univariate stream, used without {@code --detector}. */
    public static final String DEFAULT_DETECTOR = "windowed-gaussian";
    /** The default mode: every built-in detector scores higher on NAB streaming than as a prefix-fitted pipeline. */
    public static final String DEFAULT_MODE = "streaming";

    private static final String USAGE = "usage: NabRun --corpus DIR --out DIR [--detector SPEC] [--name NAME]"
            + " [--mode streaming|pipeline] [--calibration auto|extreme-value|empirical|raw]\n"
            + "  SPEC: a detector spec such as 'zscore(window=100)' (default '" + DEFAULT_DETECTOR + "')\n"
            + "  NAME: results directory and file prefix (default: the detector id)\n"
            + "  mode: streaming (default: the detector's own streaming mode) or pipeline (fitted on the prefix)\n"
            + "  calibration: how raw scores become [0, 1] (default auto: raw for windowed-gaussian, whose scores are"
            + " already probabilities, else extreme-value: the prefix's empirical distribution with a fitted tail,"
            + " on a log scale; raw: the detector's own score, which must lie in [0, 1])";

    private NabRun() {
    }

    /**
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        CommandLine.run(args, NabRun::execute);
    }

    private static void execute(String[] args) {
        CommandLine cl = CommandLine.parse(args, Set.of("corpus", "out", "detector", "name", "mode", "calibration"),
                USAGE);
        String calibration = cl.optional("calibration", "auto");
        Path corpusDir = Path.of(cl.required("corpus", USAGE));
        Path out = Path.of(cl.required("out", USAGE));
        String spec = cl.optional("detector", DEFAULT_DETECTOR);
        List<io.github.anomaly4j.spi.Spec> chain = SpecSyntax.parseChain(spec);
        String name = cl.optional("name", chain.get(chain.size() - 1).id());
        NabCorpus corpus = NabCorpus.read(corpusDir);
        SpecSyntax.pipeline(spec, Plugins.defaultPlugins()); // unknown ids and bad values fail here, once
        String mode = cl.optional("mode", DEFAULT_MODE);
        NabRunner.Scaling scaling = scaling(calibration, chain.get(chain.size() - 1).id());
        List<double[]> scores;
        if (mode.equals("pipeline")) {
            scores = run(corpus, spec, Plugins.defaultPlugins(), NabScorer.builder().build(), scaling);
        } else if (mode.equals("streaming")) {
            scores = runStreaming(corpus, spec, Plugins.defaultPlugins(), NabScorer.builder().build(), scaling);
        } else {
            throw new IllegalArgumentException("--mode must be pipeline or streaming, got '" + mode + "'");
        }
        for (int k = 0; k < scores.size(); k++) {
            NabCorpus.writeResults(out, name, corpus.files().get(k), scores.get(k));
        }
        System.out.println("wrote " + scores.size() + " results files for '" + spec + "' to "
                + out.resolve(name));
    }

    /**
     * Runs a pipeline over every file of a corpus ({@link NabRunner#pipelineScores}).
     *
     * @param corpus the corpus
     * @param spec a {@link SpecSyntax} chain naming the detector (and any feature transforms)
     * @param plugins where the plugins come from
     * @param scorer supplies the probationary length
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     */
    public static List<double[]> run(NabCorpus corpus, String spec, Plugins plugins, NabScorer scorer) {
        return run(corpus, spec, plugins, scorer, NabRunner.Scaling.EXTREME_VALUE);
    }

    /**
     * Runs a pipeline over every file of a corpus with a chosen scaling of its scores.
     *
     * @param corpus the corpus
     * @param spec a {@link SpecSyntax} chain naming the detector (and any feature transforms)
     * @param plugins where the plugins come from
     * @param scorer supplies the probationary length
     * @param scaling {@code EXTREME_VALUE}: the pipeline calibrates with a tail ({@code
     *     PipelineBuilder.extremeValueCalibration(NabRunner.TAIL_LEVEL)}); {@code EMPIRICAL}: its plain calibration;
     *     {@code RAW}: the raw score
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     */
    public static List<double[]> run(NabCorpus corpus, String spec, Plugins plugins, NabScorer scorer,
            NabRunner.Scaling scaling) {
        io.github.anomaly4j.core.PipelineBuilder builder = SpecSyntax.pipeline(spec, plugins);
        if (scaling == NabRunner.Scaling.EXTREME_VALUE) {
            builder.extremeValueCalibration(NabRunner.TAIL_LEVEL);
        }
        return NabRunner.pipelineScores(corpus, builder, scorer, scaling);
    }

    /**
     * @param text {@code auto}, {@code extreme-value}, {@code empirical} or {@code raw}
     * @param detectorId the detector's id, for {@code auto}
     * @return the scaling: for {@code auto}, {@code RAW} for windowed-gaussian (its scores are already
     *     probabilities, exactly NAB's) and {@code EXTREME_VALUE} for any other detector
     */
    static NabRunner.Scaling scaling(String text, String detectorId) {
        return switch (text) {
            case "auto" -> detectorId.equals(io.github.anomaly4j.core.detect.WindowedGaussianDetector.ID)
                    ? NabRunner.Scaling.RAW : NabRunner.Scaling.EXTREME_VALUE;
            case "extreme-value" -> NabRunner.Scaling.EXTREME_VALUE;
            case "empirical" -> NabRunner.Scaling.EMPIRICAL;
            case "raw" -> NabRunner.Scaling.RAW;
            default -> throw new IllegalArgumentException("--calibration must be auto, extreme-value, empirical or "
                    + "raw, got '" + text + "'");
        };
    }

    /**
     * Runs a detector's own streaming mode over every file of a corpus ({@link NabRunner#streamingScores}).
     *
     * @param corpus the corpus
     * @param spec a {@link SpecSyntax} spec of one detector that supports streaming
     * @param plugins where the plugins come from
     * @param scorer supplies the probationary length
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     */
    public static List<double[]> runStreaming(NabCorpus corpus, String spec, Plugins plugins, NabScorer scorer) {
        return runStreaming(corpus, spec, plugins, scorer, NabRunner.Scaling.EXTREME_VALUE);
    }

    /**
     * @param corpus the corpus
     * @param spec a {@link SpecSyntax} spec of one detector that supports streaming
     * @param plugins where the plugins come from
     * @param scorer supplies the probationary length
     * @param scaling how raw scores become anomaly scores
     * @return the anomaly scores in [0, 1], one array per file in corpus order
     */
    public static List<double[]> runStreaming(NabCorpus corpus, String spec, Plugins plugins, NabScorer scorer,
            NabRunner.Scaling scaling) {
        return NabRunner.streamingScores(corpus, plugins.detector(SpecSyntax.parse(spec)), scorer, scaling);
    }
}
