package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.core.PluginKind;
import io.github.anomaly4j.core.Plugins;
import io.github.anomaly4j.core.eval.NabCorpus;
import io.github.anomaly4j.core.eval.NabProfile;
import io.github.anomaly4j.core.eval.NabScorer;
import io.github.anomaly4j.core.eval.NabSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every detector registered with {@link Plugins} (built-ins and any plugin on the class path), with default
 * settings, over a NAB-format corpus the way {@link NabRun} does, and prints each one's normalised NAB scores
 * twice: with NAB's label-optimised threshold (the official protocol) and with a threshold fixed in advance.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.NabBuiltins \
 *     --corpus ../shared/data/nab [--fixed-threshold 1.0]
 * </pre>
 *
 * <p>The fixed threshold is on the calibrated scale of {@code anomaly_score}; its default, 1.0, flags a reading
 * that scores at or above every score of the file's probationary prefix. It is chosen without looking at any
 * label (NAB's heavy false-positive cost makes a 1%-of-training rule such as 0.99 flag far too often). A detector
 * that cannot run (for example one that needs more than one input column) is reported and skipped. Each detector
 * runs as a pipeline fitted on the probationary prefix ({@link NabRun#run}) and, when it has one, in its own
 * streaming mode ({@link NabRun#runStreaming}).
 */
public final class NabBuiltins {
    /** The default fixed threshold on the calibrated score. */
    public static final double DEFAULT_FIXED_THRESHOLD = 1.0;

    private static final String USAGE = "usage: NabBuiltins --corpus DIR [--fixed-threshold T]"
            + " [--calibration auto|extreme-value|empirical|raw]";

    private NabBuiltins() {
    }

    /**
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        CommandLine.run(args, NabBuiltins::execute);
    }

    private static void execute(String[] args) {
        CommandLine cl = CommandLine.parse(args, Set.of("corpus", "fixed-threshold", "calibration"), USAGE);
        String calibration = cl.optional("calibration", "auto");
        NabCorpus corpus = NabCorpus.read(Path.of(cl.required("corpus", USAGE)));
        double fixed;
        try {
            fixed = Double.parseDouble(cl.optional("fixed-threshold", Double.toString(DEFAULT_FIXED_THRESHOLD)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fixed-threshold must be a number, got '"
                    + cl.optional("fixed-threshold", "") + "'");
        }
        Plugins plugins = Plugins.defaultPlugins();
        NabScorer scorer = NabScorer.builder().build();
        List<NabProfile> profiles = corpus.profiles();
        System.out.println("NAB on " + corpus.directory() + ": " + corpus.files().size() + " files; normalised scores"
                + " (0 = null detector, 100 = perfect)");
        StringBuilder header = new StringBuilder(
                String.format(Locale.ROOT, "%-24s %-10s", "detector (mode)", "threshold"));
        for (NabProfile p : profiles) {
            header.append(String.format(Locale.ROOT, " %20s", p.name()));
        }
        System.out.println(header);
        for (String id : plugins.ids(PluginKind.DETECTOR)) {
            io.github.anomaly4j.core.eval.NabRunner.Scaling scaling = NabRun.scaling(calibration, id);
            report(id, "pipeline", () -> NabRun.run(corpus, id, plugins, scorer, scaling), corpus, scorer, fixed);
            if (plugins.detector(io.github.anomaly4j.spi.Spec.of(id)).supportsStreaming()) {
                report(id, "streaming", () -> NabRun.runStreaming(corpus, id, plugins, scorer, scaling), corpus,
                        scorer, fixed);
            }
        }
    }

    private static void report(String id, String mode, java.util.function.Supplier<List<double[]>> run,
            NabCorpus corpus, NabScorer scorer, double fixed) {
        String name = id + " (" + mode + ")";
        List<NabSeries> series;
        try {
            series = corpus.series(run.get());
        } catch (RuntimeException e) {
            System.out.println(String.format(Locale.ROOT, "%-24s skipped: %s", name, e.getMessage()));
            return;
        }
        StringBuilder optimised = new StringBuilder(String.format(Locale.ROOT, "%-24s %-10s", name, "optimised"));
        StringBuilder fixedRow = new StringBuilder(String.format(Locale.ROOT, "%-24s %-10s", name, "fixed " + fixed));
        for (NabProfile p : corpus.profiles()) {
            optimised.append(String.format(Locale.ROOT, " %20.2f", scorer.evaluate(series, p).normalisedScore()));
            fixedRow.append(String.format(Locale.ROOT, " %20.2f",
                    scorer.evaluateAt(series, p, fixed).normalisedScore()));
        }
        System.out.println(optimised);
        System.out.println(fixedRow);
    }
}
