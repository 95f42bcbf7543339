package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.core.eval.RankingMetrics;
import io.github.anomaly4j.iforest.IsolationForest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * ROC AUC of {@link IsolationForest} (100 trees, sample size 256) on a directory of labelled tables, under the
 * protocols of {@code ../shared/reference/iforest/sklearn_auc_tuning.tsv}:
 * <ul>
 *   <li>{@code split} (default): at most 10,000 rows drawn without replacement; a 70/30 split stratified by label
 *       (30% of each class, rounded, to the test set); min-max scaling fitted on the training rows (a constant
 *       column is shifted, not scaled, as scikit-learn's {@code MinMaxScaler} does); fit on the training rows,
 *       AUC on the test rows;</li>
 *   <li>{@code transductive}: fit on all rows, unscaled, and score the same rows.</li>
 * </ul>
 * Seed {@code s} drives the row sample, the split and the forest; with {@code --split-seed N} every seed uses the
 * one split drawn with seed {@code N} and only the forest changes (to separate the spread due to the split from
 * the forest's own). Files are {@code *.csv.gz} with a header
 * {@code x0,...,xN,label} (label 1 = anomaly). Prints one TSV row per file, {@code dataset, auc_mean, auc_sd}
 * (sample standard deviation over the seeds), sorted by name ignoring case, and a last line {@code mean_auc=}.
 * With {@code --reference FILE} (the scikit-learn table) a comparison with the tolerance
 * {@code max(0.02, 2 sd_ref)} goes to stderr.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.TabularAccuracy \
 *     --data ../shared/data/tabular --protocol split --seeds 1-10
 * </pre>
 */
public final class TabularAccuracy {
    private static final String USAGE = "usage: TabularAccuracy --data DIR [--protocol split|transductive] "
            + "[--seeds 1-10] [--split-seed N] [--threads 1] [--reference sklearn_auc_tuning.tsv]";
    private static final int MAX_ROWS = 10_000;
    private static final double TEST_SHARE = 0.3;

    private TabularAccuracy() {
    }

    /**
     * Runs the evaluation.
     *
     * @param args {@code --data DIR [--protocol split|transductive] [--seeds 1-10] [--split-seed N]
     *     [--threads N] [--reference FILE]}
     */
    public static void main(String[] args) {
        CommandLine.run(args, TabularAccuracy::evaluate);
    }

    private static void evaluate(String[] args) {
        CommandLine cli = CommandLine.parse(args, Set.of("data", "protocol", "seeds", "split-seed", "threads",
                "reference"), USAGE);
        Path dir = Path.of(cli.required("data", USAGE));
        String protocol = cli.optional("protocol", "split");
        if (!protocol.equals("split") && !protocol.equals("transductive")) {
            throw new CommandLine.UsageException("--protocol must be split or transductive, got '" + protocol
                    + "'\n" + USAGE);
        }
        long[] seeds = seeds(cli.optional("seeds", "1-10"));
        int threads = Integer.parseInt(cli.optional("threads", "1"));
        String splitSeed = cli.optional("split-seed", null);
        List<Path> files = files(dir);
        Map<String, double[]> reference = cli.optional("reference", null) == null ? Map.of()
                : reference(Path.of(cli.optional("reference", null)), protocol);
        double total = 0.0;
        StringBuilder comparison = new StringBuilder("dataset\tauc_mean\tref_mean\tdelta\ttolerance\twithin\n");
        int outside = 0;
        System.out.println("dataset\tauc_mean\tauc_sd");
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.csv\\.gz$", "");
            Table table = Table.read(file);
            double[] aucs = new double[seeds.length];
            for (int s = 0; s < seeds.length; s++) {
                aucs[s] = protocol.equals("split")
                        ? split(table, splitSeed == null ? seeds[s] : Long.parseLong(splitSeed), seeds[s], threads)
                        : transductive(table, seeds[s], threads);
            }
            double mean = Arrays.stream(aucs).average().orElseThrow();
            double sd = 0.0;
            for (double a : aucs) {
                sd += (a - mean) * (a - mean);
            }
            sd = seeds.length > 1 ? Math.sqrt(sd / (seeds.length - 1)) : 0.0;
            total += mean;
            System.out.printf(Locale.ROOT, "%s\t%.4f\t%.4f%n", name, mean, sd);
            System.out.flush();
            double[] ref = reference.get(name);
            if (ref != null) {
                double tolerance = Math.max(0.02, 2.0 * ref[1]);
                boolean within = mean >= ref[0] - tolerance;
                outside += within ? 0 : 1;
                comparison.append(String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%+.4f\t%.4f\t%s%n", name, mean, ref[0],
                        mean - ref[0], tolerance, within ? "yes" : (mean < ref[0] ? "NO (below)" : "NO")));
            }
        }
        System.out.printf(Locale.ROOT, "mean_auc=%.4f%n", total / files.size());
        if (!reference.isEmpty()) {
            double refMean = reference.values().stream().mapToDouble(r -> r[0]).average().orElseThrow();
            comparison.append(String.format(Locale.ROOT, "reference mean_auc=%.4f; %d data sets below tolerance%n",
                    refMean, outside));
            System.err.print(comparison);
        }
    }

    /** The split protocol for one seed: sample, stratified 70/30 split, min-max scaling fitted on train. */
    static double split(Table table, long splitSeed, long seed, int threads) {
        SplittableRandom random = new SplittableRandom(splitSeed);
        int[] rows = sample(table.rows(), MAX_ROWS, random);
        List<Integer> anomalies = new ArrayList<>();
        List<Integer> normals = new ArrayList<>();
        for (int r : rows) {
            (table.labels[r] ? anomalies : normals).add(r);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : List.of(anomalies, normals)) {
            shuffle(group, random);
            int testCount = (int) Math.round(TEST_SHARE * group.size());
            test.addAll(group.subList(0, testCount));
            train.addAll(group.subList(testCount, group.size()));
        }
        int d = table.width();
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r : train) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], table.values[r][j]);
                max[j] = Math.max(max[j], table.values[r][j]);
            }
        }
        double[][] trainRows = scaled(table, train, min, max);
        double[][] testRows = scaled(table, test, min, max);
        boolean[] labels = new boolean[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = table.labels[test.get(i)];
        }
        return auc(trainRows, testRows, labels, seed, threads);
    }

    /** The transductive protocol for one seed: fit and score every row, unscaled. */
    static double transductive(Table table, long seed, int threads) {
        return auc(table.values, table.values, table.labels, seed, threads);
    }

    private static double auc(double[][] train, double[][] test, boolean[] labels, long seed, int threads) {
        AnomalyModel model = IsolationForest.builder().trees(100).sampleSize(256).seed(seed).threads(threads)
                .build().fit(Frame.ofRows(train));
        double[] scores = new double[test.length];
        model.scoreBatch(test, scores);
        return RankingMetrics.rocAuc(labels, scores);
    }

    private static double[][] scaled(Table table, List<Integer> rows, double[] min, double[] max) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] x = table.values[rows.get(i)].clone();
            for (int j = 0; j < x.length; j++) {
                double range = max[j] - min[j];
                x[j] = (x[j] - min[j]) / (range > 0.0 ? range : 1.0);
            }
            out[i] = x;
        }
        return out;
    }

    private static int[] sample(int n, int k, SplittableRandom random) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (n <= k) {
            return all;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, k);
        Arrays.sort(chosen);
        return chosen;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static long[] seeds(String spec) {
        String[] parts = spec.split("-");
        try {
            long from = Long.parseLong(parts[0].trim());
            long to = parts.length > 1 ? Long.parseLong(parts[1].trim()) : from;
            if (parts.length > 2 || to < from || to - from > 10_000) {
                throw new NumberFormatException();
            }
            long[] seeds = new long[(int) (to - from + 1)];
            Arrays.setAll(seeds, i -> from + i);
            return seeds;
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--seeds must be N or FROM-TO, got '" + spec + "'\n" + USAGE);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.UsageException("--data " + dir + " is not a directory\n" + USAGE);
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".csv.gz"))
                    .sorted((a, b) -> a.getFileName().toString().compareToIgnoreCase(b.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw new CommandLine.UsageException("no *.csv.gz files in " + dir + "\n" + USAGE);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, double[]> reference(Path file, String protocol) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split("\t"));
            int mean = header.indexOf("auc_" + protocol + "_mean");
            int sd = header.indexOf("auc_" + protocol + "_sd");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                out.put(f[0], new double[] {Double.parseDouble(f[mean]), Double.parseDouble(f[sd])});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A labelled table: feature rows and a boolean label per row. */
    record Table(double[][] values, boolean[] labels) {
        int rows() {
            return values.length;
        }

        int width() {
            return values[0].length;
        }

        static Table read(Path file) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                String header = in.readLine();
                if (header == null) {
                    throw new IllegalArgumentException(file + " is empty");
                }
                String[] names = header.split(",");
                int label = names.length - 1;
                if (!names[label].trim().equals("label")) {
                    throw new IllegalArgumentException(file + ": the last column must be 'label', got '"
                            + names[label] + "'");
                }
                List<double[]> rows = new ArrayList<>();
                List<Boolean> labels = new ArrayList<>();
                String line;
                int lineNo = 1;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split(",");
                    if (f.length != names.length) {
                        throw new IllegalArgumentException(file + " line " + lineNo + ": " + f.length
                                + " fields, the header has " + names.length);
                    }
                    double[] x = new double[label];
                    for (int j = 0; j < label; j++) {
                        x[j] = Double.parseDouble(f[j]);
                    }
                    rows.add(x);
                    labels.add(Double.parseDouble(f[label]) == 1.0);
                }
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException(file + " has no rows");
                }
                boolean[] y = new boolean[labels.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = labels.get(i);
                }
                return new Table(rows.toArray(new double[0][]), y);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
