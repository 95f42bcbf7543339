package io.github.anomaly4j.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A corpus in NAB's layout, read from disk: {@code data/<category>/<file>.csv} ({@code timestamp,value}),
 * {@code labels/combined_windows.json} (window start and end timestamps per file) and, optionally,
 * {@code config/profiles.json}. Also reads and writes detector results in NAB's layout,
 * {@code <results>/<detector>/<category>/<detector>_<file>.csv} with {@code timestamp,value,anomaly_score}.
 *
 * <pre>{@code
 * NabCorpus corpus = NabCorpus.read(Path.of("../shared/data/nab"));
 * List<NabSeries> results = corpus.readResults(Path.of("results/windowedGaussian"));
 * NabResult r = NabScorer.builder().build().evaluate(results, NabProfile.STANDARD);
 * }</pre>
 *
 * <p>Timestamps are naive local date-times ({@code yyyy-MM-dd HH:mm:ss} with optional fraction), taken as UTC.
 * Timestamps must not decrease; NAB's files repeat one where clocks went back. A window runs from the first row
 * stamped at or after its start to the first row stamped with its end (or the last row before it): NAB's
 * labeller aligns window edges to rows, and for aligned windows this is exactly NAB's rule. A window covering no
 * row is refused.
 *
 * @param directory the corpus root
 * @param files the labelled data files, in label-file order
 * @param profiles the cost profiles of {@code config/profiles.json}, or NAB's three when it is absent
 */
public record NabCorpus(Path directory, List<NabDataFile> files, List<NabProfile> profiles) {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    /**
     * Copies the lists.
     *
     * @param directory the corpus root
     * @param files the labelled data files, in label-file order
     * @param profiles the cost profiles of {@code config/profiles.json}, or NAB's three when it is absent
     */
    public NabCorpus {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
    }

    /**
     * @param directory a NAB-layout corpus root
     * @return the corpus, every labelled data file read
     * @throws IllegalArgumentException when the labels are missing or malformed, or a data file is bad
     * @throws UncheckedIOException when a file cannot be read
     */
    public static NabCorpus read(Path directory) {
        Path labels = directory.resolve("labels").resolve("combined_windows.json");
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("not a NAB corpus: " + labels + " does not exist");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(labels));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + labels, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(labels + ": expected a JSON object of file -> windows");
        }
        List<NabDataFile> files = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            Path data = directory.resolve("data").resolve(key);
            Table t = Table.read(data, "value");
            List<NabWindow> windows = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                if (!w.isArray() || w.size() != 2) {
                    throw new IllegalArgumentException(labels + ": window of '" + key
                            + "' must be [start, end], got " + w);
                }
                windows.add(window(key, t.timestamps, parse(w.get(0).asText(), labels + " (" + key + ")"),
                        parse(w.get(1).asText(), labels + " (" + key + ")"), w));
            }
            files.add(new NabDataFile(key, t.timestampText, t.timestamps, t.column, windows));
        }
        Path profilesFile = directory.resolve("config").resolve("profiles.json");
        List<NabProfile> profiles = Files.isRegularFile(profilesFile) ? NabProfile.read(profilesFile)
                : NabProfile.defaults();
        return new NabCorpus(directory, files, profiles);
    }

    private static NabWindow window(String key, long[] timestamps, long start, long end, JsonNode text) {
        // NAB enters a window at the first row stamped with its start and leaves it at the first row stamped with
        // its end (NAB files repeat a timestamp where clocks went back); unaligned edges snap inwards.
        int first = 0;
        while (first < timestamps.length && timestamps[first] < start) {
            first++;
        }
        int last = first;
        while (last < timestamps.length && timestamps[last] < end) {
            last++;
        }
        if (last == timestamps.length || timestamps[last] > end) {
            last--;
        }
        if (first >= timestamps.length || last < first) {
            throw new IllegalArgumentException("window " + text + " of '" + key + "' covers no row of the data file");
        }
        return new NabWindow(first, last);
    }

    /**
     * Reads one detector's results for every file of this corpus.
     *
     * @param detectorDirectory {@code <results>/<detector>}; files are {@code <category>/<detector>_<file>.csv}
     *     with an {@code anomaly_score} column and the data file's rows in order
     * @return one series per data file, in corpus order
     */
    public List<NabSeries> readResults(Path detectorDirectory) {
        Path name = detectorDirectory.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            throw new IllegalArgumentException("results directory must be <results>/<detector>, got "
                    + detectorDirectory);
        }
        String detector = name.toString();
        List<NabSeries> out = new ArrayList<>(files.size());
        for (NabDataFile f : files) {
            Path p = resultPath(detectorDirectory, detector, f.name());
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("missing results for '" + f.name() + "': expected " + p);
            }
            Table t = Table.read(p, "anomaly_score");
            if (t.timestamps.length != f.timestamps().length) {
                throw new IllegalArgumentException(p + " has " + t.timestamps.length + " rows; the data file '"
                        + f.name() + "' has " + f.timestamps().length);
            }
            for (int i = 0; i < t.timestamps.length; i++) {
                if (t.timestamps[i] != f.timestamps()[i]) {
                    throw new IllegalArgumentException(p + " row " + (i + 2) + " has timestamp '"
                            + t.timestampText.get(i) + "'; the data file has '" + f.timestampText().get(i) + "'");
                }
            }
            out.add(new NabSeries(f.name(), t.column, f.windows()));
        }
        return out;
    }

    /**
     * Writes one file's results in NAB's layout.
     *
     * @param resultsDirectory {@code <results>}
     * @param detector the detector name, used as directory and file prefix
     * @param file a data file of this corpus
     * @param anomalyScores one score in [0, 1] per row
     * @return the path written
     */
    public static Path writeResults(Path resultsDirectory, String detector, NabDataFile file,
            double[] anomalyScores) {
        if (detector == null || !detector.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("detector name must be letters, digits, '.', '_' or '-', got '"
                    + detector + "'");
        }
        if (anomalyScores.length != file.values().length) {
            throw new IllegalArgumentException("'" + file.name() + "' has " + file.values().length
                    + " rows, got " + anomalyScores.length + " anomaly scores");
        }
        for (int i = 0; i < anomalyScores.length; i++) {
            if (!(anomalyScores[i] >= 0.0 && anomalyScores[i] <= 1.0)) {
                throw new IllegalArgumentException("anomaly score at row " + i + " of '" + file.name()
                        + "' must be in [0, 1], got " + anomalyScores[i]);
            }
        }
        Path p = resultPath(resultsDirectory.resolve(detector), detector, file.name());
        try {
            Files.createDirectories(p.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                w.write("timestamp,value,anomaly_score\n");
                double[] values = file.values();
                for (int i = 0; i < anomalyScores.length; i++) {
                    w.write(file.timestampText().get(i));
                    w.write(',');
                    w.write(Double.toString(values[i]));
                    w.write(',');
                    w.write(Double.toString(anomalyScores[i]));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
        return p;
    }

    private static Path resultPath(Path detectorDirectory, String detector, String key) {
        int slash = key.lastIndexOf('/');
        String category = slash < 0 ? "" : key.substring(0, slash);
        String file = key.substring(slash + 1);
        Path dir = category.isEmpty() ? detectorDirectory : detectorDirectory.resolve(category);
        return dir.resolve(detector + "_" + file);
    }

    /**
     * @param corpusWithScores the scores of one detector on this corpus, aligned with {@link #files()}
     * @return series ready for {@link NabScorer}
     */
    public List<NabSeries> series(List<double[]> corpusWithScores) {
        if (corpusWithScores.size() != files.size()) {
            throw new IllegalArgumentException("expected scores for " + files.size() + " files, got "
                    + corpusWithScores.size());
        }
        List<NabSeries> out = new ArrayList<>(files.size());
        for (int k = 0; k < files.size(); k++) {
            out.add(new NabSeries(files.get(k).name(), corpusWithScores.get(k), files.get(k).windows()));
        }
        return out;
    }

    static long parse(String text, String where) {
        try {
            return LocalDateTime.parse(text.trim(), TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": timestamp must look like 2014-02-14 14:30:00, got '"
                    + text + "'");
        }
    }

    /** A NAB-style CSV: a timestamp column and one numeric column picked by name. */
    private static final class Table {
        final List<String> timestampText;
        final long[] timestamps;
        final double[] column;

        private Table(List<String> timestampText, long[] timestamps, double[] column) {
            this.timestampText = timestampText;
            this.timestamps = timestamps;
            this.column = column;
        }

        static Table read(Path file, String columnName) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty; expected a header with 'timestamp' and '"
                        + columnName + "'");
            }
            String[] header = lines.get(0).trim().split(",", -1);
            int ts = indexOf(header, "timestamp");
            int col = indexOf(header, columnName);
            if (ts < 0 || col < 0) {
                throw new IllegalArgumentException(file + ": header must name 'timestamp' and '" + columnName
                        + "', got " + lines.get(0));
            }
            List<String> text = new ArrayList<>(lines.size());
            long[] times = new long[lines.size() - 1];
            double[] values = new double[lines.size() - 1];
            int n = 0;
            for (int r = 1; r < lines.size(); r++) {
                String line = lines.get(r);
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length <= Math.max(ts, col)) {
                    throw new IllegalArgumentException(file + " line " + (r + 1) + " has " + f.length
                            + " fields; the header has " + header.length);
                }
                text.add(f[ts].trim());
                times[n] = parse(f[ts], file + " line " + (r + 1));
                if (n > 0 && times[n] < times[n - 1]) {
                    throw new IllegalArgumentException(file + " line " + (r + 1) + ": timestamps must not decrease, '"
                            + f[ts].trim() + "' follows '" + text.get(n - 1) + "'");
                }
                try {
                    values[n] = Double.parseDouble(f[col].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (r + 1) + ": " + columnName
                            + " must be a number, got '" + f[col] + "'");
                }
                if (!Double.isFinite(values[n])) {
                    throw new IllegalArgumentException(file + " line " + (r + 1) + ": " + columnName
                            + " must be finite, got " + f[col]);
                }
                n++;
            }
            return new Table(List.copyOf(text), java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values,
                    n));
        }

        private static int indexOf(String[] header, String name) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].trim().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
