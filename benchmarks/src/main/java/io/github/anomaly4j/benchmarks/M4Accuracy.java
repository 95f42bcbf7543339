package io.github.anomaly4j.benchmarks;

import io.github.anomaly4j.arima.AutoArima;
import io.github.anomaly4j.arima.ArimaFit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forecast accuracy on an M4-format train/test pair with the competition's formulas: auto-ARIMA against the Naive
 * and seasonal Naive benchmarks.
 *
 * <p>sMAPE = mean over series of {@code (200 / h) sum |y - f| / (|y| + |f|)}; MASE = mean over series of the
 * mean absolute error divided by the in-sample mean absolute error of the seasonal naive forecast with period
 * {@code --period} ({@code mean_t |y_t - y_{t-m}|}); M4 uses m = 1 for weekly data. The last line is
 * {@code smape=... mase=...} for auto-ARIMA.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.M4Accuracy \
 *     --train ../shared/data/forecast/m4/Weekly-train.csv --test ../shared/data/forecast/m4/Weekly-test.csv \
 *     --horizon 13 --period 1
 * </pre>
 */
public final class M4Accuracy {

    private static final String USAGE = "usage: M4Accuracy --train FILE --test FILE --horizon H --period P"
            + " [--limit N]\n  M4-format CSVs (\"V1\",\"V2\",...; one series per row, first field its id);"
            + " P is the seasonal period (1 for M4 weekly)";

    private M4Accuracy() {
    }

    /**
     * Entry point.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        CommandLine.run(args, M4Accuracy::execute);
    }

    /** Per-method accumulated errors. */
    private static final class Score {
        double smape;
        double mase;
        int n;

        void add(double[] actual, double[] forecast, double scale) {
            double s = 0;
            double a = 0;
            for (int i = 0; i < actual.length; i++) {
                double err = Math.abs(actual[i] - forecast[i]);
                double denom = Math.abs(actual[i]) + Math.abs(forecast[i]);
                s += denom == 0 ? 0 : 200.0 * err / denom;
                a += err;
            }
            smape += s / actual.length;
            mase += (a / actual.length) / scale;
            n++;
        }

        double smape() {
            return smape / n;
        }

        double mase() {
            return mase / n;
        }
    }

    static void execute(String[] args) {
        CommandLine cl = CommandLine.parse(args, Set.of("train", "test", "horizon", "period", "limit"), USAGE);
        Map<String, double[]> train = read(Path.of(cl.required("train", USAGE)));
        Map<String, double[]> test = read(Path.of(cl.required("test", USAGE)));
        int h = Integer.parseInt(cl.required("horizon", USAGE));
        int m = Integer.parseInt(cl.required("period", USAGE));
        int limit = Integer.parseInt(cl.optional("limit", Integer.toString(Integer.MAX_VALUE)));
        if (h < 1 || m < 1) {
            throw new IllegalArgumentException("horizon and period must be >= 1");
        }
        Score naive = new Score();
        Score snaive = new Score();
        Score arima = new Score();
        int failures = 0;
        int notConverged = 0;
        long start = System.nanoTime();
        int count = 0;
        for (Map.Entry<String, double[]> e : train.entrySet()) {
            if (count++ >= limit) {
                break;
            }
            String id = e.getKey();
            double[] y = e.getValue();
            double[] actual = test.get(id);
            if (actual == null || actual.length < h) {
                throw new IllegalArgumentException("series " + id + " has no " + h + " test values");
            }
            actual = java.util.Arrays.copyOf(actual, h);
            int lag = y.length > m ? m : 1;
            double scale = 0;
            for (int t = lag; t < y.length; t++) {
                scale += Math.abs(y[t] - y[t - lag]);
            }
            scale /= (y.length - lag);
            double[] fNaive = new double[h];
            double[] fSnaive = new double[h];
            for (int i = 0; i < h; i++) {
                fNaive[i] = y[y.length - 1];
                fSnaive[i] = y.length >= m ? y[y.length - m + (i % m)] : y[y.length - 1];
            }
            naive.add(actual, fNaive, scale);
            snaive.add(actual, fSnaive, scale);
            double[] fArima;
            try {
                AutoArima.Result r = AutoArima.of(m).fit(y);
                ArimaFit best = r.best();
                if (!best.converged()) {
                    notConverged++;
                }
                fArima = best.model().forecast(h, 0.95).mean();
            } catch (RuntimeException ex) {
                failures++;
                System.err.println(id + ": auto-ARIMA failed (" + ex.getMessage() + "); using Naive");
                fArima = fNaive;
            }
            arima.add(actual, fArima, scale);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "series=%d horizon=%d period=%d%n", naive.n, h, m);
        System.out.printf(Locale.ROOT, "%-12s %8s %8s%n", "method", "sMAPE", "MASE");
        System.out.printf(Locale.ROOT, "%-12s %8.3f %8.3f%n", "Naive", naive.smape(), naive.mase());
        System.out.printf(Locale.ROOT, "%-12s %8.3f %8.3f%n", "sNaive", snaive.smape(), snaive.mase());
        System.out.printf(Locale.ROOT, "%-12s %8.3f %8.3f%n", "auto-ARIMA", arima.smape(), arima.mase());
        System.out.printf(Locale.ROOT, "auto-ARIMA: %d failed (Naive used), %d best fits not converged, %.1f s%n",
                failures, notConverged, seconds);
        System.out.printf(Locale.ROOT, "smape=%.3f mase=%.3f%n", arima.smape(), arima.mase());
    }

    static Map<String, double[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            String id = unquote(f[0]);
            List<Double> v = new ArrayList<>();
            for (int j = 1; j < f.length; j++) {
                String s = unquote(f[j]);
                if (!s.isEmpty() && !s.equals("NA")) {
                    v.add(Double.parseDouble(s));
                }
            }
            if (v.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": series " + id + " has no values");
            }
            out.put(id, v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
