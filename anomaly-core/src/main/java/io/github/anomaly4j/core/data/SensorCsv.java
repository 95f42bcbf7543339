package io.github.anomaly4j.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of labelled sensor data: header {@code timestamp,sensor_id,value,label,kind}, one row per reading,
 * rows in time order (sensors interleaved, as a feed delivers them). {@code timestamp} is an ISO-8601 instant
 * ({@code 2026-01-01T00:00:00Z}; epoch milliseconds are accepted on reading); {@code value} is a decimal number, or
 * empty for a missing reading; {@code label} is {@code 0} or {@code 1}; {@code kind} is an {@link AnomalyKind} name
 * where the label is 1 and empty where it is 0. Values are written with {@link Double#toString}, so a write and a
 * read give back the same bits.
 *
 * <p>Reading is strict: a malformed row is an {@link IllegalArgumentException} naming the line number and the
 * problem (wrong column count, a bad number, timestamp or label, an unknown kind, a sensor's timestamps out of
 * order).
 *
 * <pre>{@code
 * SensorCsv.write(Path.of("sensors.csv"), data);
 * List<SensorSeries> back = SensorCsv.read(Path.of("sensors.csv"));
 * }</pre>
 */
public final class SensorCsv {
    /** The header line. */
    public static final String HEADER = "timestamp,sensor_id,value,label,kind";

    private SensorCsv() {
    }

    /**
     * @param file the file to (over)write, UTF-8
     * @param data the series
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, List<SensorSeries> data) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param out where to write; not closed
     * @param data the series; sensor ids must be distinct
     * @throws UncheckedIOException when writing fails
     */
    public static void write(Writer out, List<SensorSeries> data) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<long[]> rows = new ArrayList<>(); // {timestamp, sensor index, reading index}
        for (int s = 0; s < data.size(); s++) {
            SensorSeries series = data.get(s);
            if (!ids.add(series.sensorId())) {
                throw new IllegalArgumentException("sensor id '" + series.sensorId() + "' appears twice");
            }
            long[] ts = series.timestamps();
            for (int i = 0; i < ts.length; i++) {
                rows.add(new long[] {ts[i], s, i});
            }
        }
        rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        try {
            out.write(HEADER);
            out.write('\n');
            List<double[]> values = new ArrayList<>();
            List<boolean[]> labels = new ArrayList<>();
            List<AnomalyKind[]> kinds = new ArrayList<>();
            for (SensorSeries series : data) {
                values.add(series.values());
                labels.add(series.labels());
                kinds.add(series.kinds());
            }
            StringBuilder line = new StringBuilder(64);
            for (long[] r : rows) {
                int s = (int) r[1];
                int i = (int) r[2];
                double v = values.get(s)[i];
                AnomalyKind k = kinds.get(s)[i];
                line.setLength(0);
                line.append(Instant.ofEpochMilli(r[0])).append(',').append(data.get(s).sensorId()).append(',')
                        .append(Double.isNaN(v) ? "" : Double.toString(v)).append(',')
                        .append(labels.get(s)[i] ? '1' : '0').append(',').append(k == null ? "" : k.name())
                        .append('\n');
                out.append(line);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    /**
     * @param file a UTF-8 file in this format
     * @return one series per sensor, in order of first appearance
     * @throws IllegalArgumentException naming the line of the first malformed row
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<SensorSeries> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param in the CSV text; not closed
     * @return one series per sensor, in order of first appearance
     * @throws IllegalArgumentException naming the line of the first malformed row
     */
    public static List<SensorSeries> read(Reader in) {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Map<String, Columns> sensors = new LinkedHashMap<>();
        try {
            String header = r.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
                throw new IllegalArgumentException("line 1: expected the header '" + HEADER + "', got "
                        + (header == null ? "an empty file" : "'" + header + "'"));
            }
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 5) {
                    throw bad(number, "expected 5 columns (" + HEADER + "), got " + cells.length);
                }
                long ts = timestamp(cells[0].strip(), number);
                String id = cells[1].strip();
                if (id.isEmpty()) {
                    throw bad(number, "sensor_id is empty");
                }
                double value = value(cells[2].strip(), number);
                String label = cells[3].strip();
                if (!label.equals("0") && !label.equals("1")) {
                    throw bad(number, "label must be 0 or 1, got '" + label + "'");
                }
                AnomalyKind kind = kind(cells[4].strip(), number);
                if (label.equals("1") != (kind != null)) {
                    throw bad(number, "label " + label + " with kind '" + cells[4].strip()
                            + "': a kind goes with label 1 only, and label 1 needs a kind");
                }
                if (Double.isNaN(value) && kind != AnomalyKind.MISSING) {
                    throw bad(number, "the value is empty but the reading is not labelled MISSING");
                }
                Columns c = sensors.computeIfAbsent(id, k -> new Columns());
                if (!c.ts.isEmpty() && ts <= c.ts.get(c.ts.size() - 1)) {
                    throw bad(number, "timestamp " + Instant.ofEpochMilli(ts) + " of sensor '" + id
                            + "' is not after its previous reading (" + Instant.ofEpochMilli(c.ts.get(c.ts.size() - 1))
                            + ")");
                }
                c.ts.add(ts);
                c.values.add(value);
                c.kinds.add(kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV: " + e.getMessage(), e);
        }
        List<SensorSeries> out = new ArrayList<>(sensors.size());
        for (Map.Entry<String, Columns> e : sensors.entrySet()) {
            Columns c = e.getValue();
            int n = c.ts.size();
            long[] ts = new long[n];
            double[] v = new double[n];
            boolean[] labels = new boolean[n];
            AnomalyKind[] kinds = new AnomalyKind[n];
            for (int i = 0; i < n; i++) {
                ts[i] = c.ts.get(i);
                v[i] = c.values.get(i);
                kinds[i] = c.kinds.get(i);
                labels[i] = kinds[i] != null;
            }
            out.add(new SensorSeries(e.getKey(), ts, v, labels, kinds));
        }
        return out;
    }

    private static final class Columns {
        final List<Long> ts = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<AnomalyKind> kinds = new ArrayList<>();
    }

    private static IllegalArgumentException bad(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }

    private static long timestamp(String s, int line) {
        if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '-')) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw bad(line, "timestamp '" + s + "' is neither an ISO-8601 instant nor epoch milliseconds");
            }
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(line, "timestamp '" + s + "' is neither an ISO-8601 instant (2026-01-01T00:00:00Z) nor epoch "
                    + "milliseconds");
        }
    }

    private static double value(String s, int line) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(line, "value '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw bad(line, "value '" + s + "' is not finite; leave it empty for a missing reading");
        }
        return v;
    }

    private static AnomalyKind kind(String s, int line) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return AnomalyKind.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw bad(line, "unknown anomaly kind '" + s + "'; expected one of "
                    + java.util.Arrays.toString(AnomalyKind.values()));
        }
    }
}
