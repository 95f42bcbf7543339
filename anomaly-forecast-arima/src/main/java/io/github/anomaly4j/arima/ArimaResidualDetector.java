package io.github.anomaly4j.arima;

import io.github.anomaly4j.api.data.FeatureVectors;
import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.Spec;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Erf;

/**
 * The {@code arima-residual} detector: scores each reading by how far it falls outside its one-step-ahead ARIMA
 * prediction interval, as a tail probability. The score is {@code 1 - p}, where {@code p} is the two-sided
 * probability of a forecast error at least as large under the model's Gaussian predictive distribution, so 0.95
 * means "on the edge of the 95 % interval" and scores approach 1 far outside it. With several columns, each has
 * its own model and the score is the largest.
 *
 * <p><b>Streaming</b> ({@link #newStreamingDetector}) is the intended mode: after {@code warmUp} readings a model is
 * fitted on them (auto-ARIMA or the given orders); every later reading is scored against the one-step forecast,
 * then taken into the model by one Kalman filter step (no refit); every {@code refitEvery} readings the model is
 * refitted on the last {@code window} readings.
 *
 * <p><b>Batch</b> ({@link #fit(Frame)}) treats the rows as a series in order, fits a model per column and scores
 * any vector against the one-step-ahead forecast after the last training row. Batch models are stateless, so
 * inside {@code Anomaly.pipeline()} every reading is compared with that same forecast; use the streaming mode to
 * follow the series. A column too short for the model falls back to its sample mean and standard deviation.
 *
 * <p>Readings are divided by the largest absolute training value before fitting (ARIMA is scale-equivariant), so
 * values near the float limits cannot overflow the likelihood.
 */
public final class ArimaResidualDetector implements Detector {

    /** The plugin id. */
    public static final String ID = "arima-residual";

    private final ArimaForecaster forecaster;
    private final boolean auto;
    private final int period;
    private final ArimaOrder order;
    private final int window;
    private final int refitEvery;
    private final int warmUp;

    /**
     * @param order the orders, or null for auto-ARIMA
     * @param period the seasonal period for auto-ARIMA
     * @param window readings kept for refits, at least 8
     * @param refitEvery readings between refits, at least 1
     * @param warmUp readings before the first fit, between 8 and {@code window}
     */
    ArimaResidualDetector(ArimaOrder order, int period, int window, int refitEvery, int warmUp) {
        if (window < 8) {
            throw new IllegalArgumentException("window must be >= 8, got " + window);
        }
        if (refitEvery < 1) {
            throw new IllegalArgumentException("refitEvery must be >= 1, got " + refitEvery);
        }
        if (warmUp < 8 || warmUp > window) {
            throw new IllegalArgumentException("warmUp must be in [8, window = " + window + "], got " + warmUp);
        }
        this.order = order;
        this.auto = order == null;
        this.period = period;
        this.forecaster = order == null ? ArimaForecaster.auto(period) : ArimaForecaster.of(order);
        this.window = window;
        this.refitEvery = refitEvery;
        this.warmUp = warmUp;
    }

    /**
     * A detector with auto-ARIMA per fit.
     *
     * @param period seasonal period in readings; 1 for none
     * @param window readings kept for refits, at least 8
     * @param refitEvery readings between refits, at least 1
     * @param warmUp readings before the first fit, between 8 and {@code window}
     * @return the detector
     */
    public static ArimaResidualDetector auto(int period, int window, int refitEvery, int warmUp) {
        return new ArimaResidualDetector(null, period, window, refitEvery, warmUp);
    }

    /**
     * A detector with fixed orders.
     *
     * @param order the orders
     * @param window readings kept for refits, at least 8
     * @param refitEvery readings between refits, at least 1
     * @param warmUp readings before the first fit, between 8 and {@code window}
     * @return the detector
     */
    public static ArimaResidualDetector of(ArimaOrder order, int window, int refitEvery, int warmUp) {
        Objects.requireNonNull(order, "order");
        return new ArimaResidualDetector(order, Math.max(1, order.effectivePeriod()), window, refitEvery, warmUp);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        Map<String, Object> v = new LinkedHashMap<>(forecaster.spec().values());
        v.remove(ArimaSettings.MAX_ITERATIONS.name());
        v.put(ArimaResidualProvider.WINDOW.name(), window);
        v.put(ArimaResidualProvider.REFIT_EVERY.name(), refitEvery);
        v.put(ArimaResidualProvider.WARM_UP.name(), warmUp);
        return Spec.of(ID, v);
    }

    /** A fitted column: its model (null when only a mean/sd fallback exists) and scale. */
    record Column(ArimaModel model, double scale, double fallbackMean, double fallbackSd) {
        double mean() {
            return model == null ? fallbackMean : model.nextMean() * scale;
        }

        double sd() {
            return model == null ? fallbackSd : model.nextStandardDeviation() * scale;
        }
    }

    Column fitColumn(double[] y, long lastTimestamp) {
        double scale = 0;
        double sum = 0;
        for (double v : y) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            scale = 1.0;
        }
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = y[i] / scale;
            sum += z[i];
        }
        double mean = sum / z.length;
        double ss = 0;
        for (double v : z) {
            ss += (v - mean) * (v - mean);
        }
        double sd = z.length > 1 ? Math.sqrt(ss / (z.length - 1)) : 0.0;
        ArimaModel model = null;
        int min = auto ? 8 : Arima.minimumLength(order);
        if (z.length >= Math.max(8, min)) {
            try {
                model = auto ? AutoArima.of(period).fit(z, lastTimestamp, 1L).best().model()
                        : Arima.fit(z, order, lastTimestamp, 1L).model();
            } catch (RuntimeException e) {
                model = null;
            }
        }
        return new Column(model, scale, mean * scale, sd * scale);
    }

    static double tailScore(double x, double mean, double sd) {
        double diff = Math.abs(x - mean);
        if (!(sd > 0)) {
            return diff == 0.0 ? 0.0 : 1.0;
        }
        double z = diff / sd;
        if (!(z < 40)) {
            return 1.0;
        }
        return Erf.erf(z / Math.sqrt(2.0));
    }

    @Override
    public AnomalyModel fit(Frame training) {
        Objects.requireNonNull(training, "training");
        int rows = training.rows();
        int dim = training.width();
        if (rows == 0) {
            throw new IllegalArgumentException("arima-residual needs at least one training row");
        }
        double[] means = new double[dim];
        double[] sds = new double[dim];
        String[] orders = new String[dim];
        for (int j = 0; j < dim; j++) {
            double[] y = training.column(j);
            for (int i = 0; i < rows; i++) {
                if (!Double.isFinite(y[i])) {
                    throw new IllegalArgumentException("row " + i + ", column '" + training.columnNames().get(j)
                            + "' is not finite: " + y[i]);
                }
            }
            Column c = fitColumn(y, rows - 1L);
            means[j] = c.mean();
            sds[j] = c.sd();
            if (!Double.isFinite(means[j]) || !Double.isFinite(sds[j])) {
                means[j] = c.fallbackMean();
                sds[j] = c.fallbackSd();
            }
            orders[j] = c.model() == null ? "mean/sd" : c.model().order().toString();
        }
        return new Model(new ArimaResidualState(means, sds, orders));
    }

    @Override
    public boolean supportsStreaming() {
        return true;
    }

    @Override
    public StreamingDetector newStreamingDetector(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        return new Stream(dimension);
    }

    @Override
    public String toString() {
        return "ArimaResidualDetector" + spec().values();
    }

    /** The batch model. */
    static final class Model implements AnomalyModel {
        private final double[] means;
        private final double[] sds;
        private final String[] orders;

        Model(ArimaResidualState s) {
            Objects.requireNonNull(s, "state");
            if (s.means() == null || s.standardDeviations() == null || s.orders() == null
                    || s.means().length == 0 || s.means().length != s.standardDeviations().length
                    || s.orders().length != s.means().length) {
                throw new IllegalArgumentException("means, standardDeviations and orders must be non-empty arrays "
                        + "of one length");
            }
            for (int j = 0; j < s.means().length; j++) {
                if (!Double.isFinite(s.means()[j]) || !(s.standardDeviations()[j] >= 0)
                        || !Double.isFinite(s.standardDeviations()[j])) {
                    throw new IllegalArgumentException("column " + j + ": mean " + s.means()[j]
                            + " and standard deviation " + s.standardDeviations()[j] + " must be finite, sd >= 0");
                }
            }
            this.means = s.means().clone();
            this.sds = s.standardDeviations().clone();
            this.orders = s.orders().clone();
        }

        @Override
        public String type() {
            return ID;
        }

        @Override
        public int dimension() {
            return means.length;
        }

        @Override
        public double score(double[] x) {
            FeatureVectors.requireFinite(x, means.length);
            double s = 0;
            for (int j = 0; j < means.length; j++) {
                s = Math.max(s, tailScore(x[j], means[j], sds[j]));
            }
            return s;
        }

        @Override
        public ArimaResidualState state() {
            return new ArimaResidualState(means.clone(), sds.clone(), orders.clone());
        }

        @Override
        public String toString() {
            return "arima-residual model " + Arrays.toString(orders);
        }
    }

    /** The streaming detector. */
    final class Stream implements StreamingDetector {
        private final int dim;
        private long lastTimestamp = Long.MIN_VALUE;
        private long seen;
        private int sinceRefit;
        private final ArrayDeque<double[]> buffer = new ArrayDeque<>();
        private Column[] columns;

        Stream(int dim) {
            this.dim = dim;
        }

        @Override
        public String type() {
            return ID;
        }

        @Override
        public int dimension() {
            return dim;
        }

        @Override
        public double update(long timestamp, double[] x) {
            if (x == null || x.length != dim) {
                throw new IllegalArgumentException("expected " + dim + " values, got "
                        + (x == null ? "null" : x.length));
            }
            FeatureVectors.requireFinite(x, dim);
            if (timestamp <= lastTimestamp) {
                throw new IllegalArgumentException("timestamp " + timestamp + " is not after the last reading's "
                        + lastTimestamp);
            }
            double score = 0.0;
            if (columns != null) {
                Column[] next = columns.clone();
                for (int j = 0; j < dim; j++) {
                    Column c = columns[j];
                    score = Math.max(score, tailScore(x[j], c.mean(), c.sd()));
                    if (c.model() != null) {
                        next[j] = new Column(c.model().update(timestamp, x[j] / c.scale()), c.scale(),
                                c.fallbackMean(), c.fallbackSd());
                    }
                }
                columns = next;
            }
            buffer.addLast(x.clone());
            if (buffer.size() > window) {
                buffer.removeFirst();
            }
            lastTimestamp = timestamp;
            seen++;
            sinceRefit++;
            if ((columns == null && seen >= warmUp) || (columns != null && sinceRefit >= refitEvery)) {
                refit();
            }
            return Double.isFinite(score) ? score : 1.0;
        }

        private void refit() {
            Column[] fitted = new Column[dim];
            int n = buffer.size();
            for (int j = 0; j < dim; j++) {
                double[] y = new double[n];
                Iterator<double[]> it = buffer.iterator();
                for (int i = 0; i < n; i++) {
                    y[i] = it.next()[j];
                }
                fitted[j] = fitColumn(y, lastTimestamp);
            }
            columns = fitted;
            sinceRefit = 0;
        }

        @Override
        public int warmUp() {
            return warmUp;
        }

        @Override
        public boolean isWarm() {
            return seen >= warmUp;
        }

        @Override
        public long lastTimestamp() {
            return lastTimestamp;
        }

        @Override
        public ArimaResidualSnapshot snapshot() {
            double[][] buf = new double[buffer.size()][];
            int i = 0;
            for (double[] row : buffer) {
                buf[i++] = row.clone();
            }
            ArimaState[] models = columns == null ? new ArimaState[0] : new ArimaState[dim];
            double[] scales = new double[columns == null ? 0 : dim * 3];
            if (columns != null) {
                for (int j = 0; j < dim; j++) {
                    models[j] = columns[j].model() == null ? null : columns[j].model().state();
                    scales[3 * j] = columns[j].scale();
                    scales[3 * j + 1] = columns[j].fallbackMean();
                    scales[3 * j + 2] = columns[j].fallbackSd();
                }
            }
            return new ArimaResidualSnapshot(dim, lastTimestamp, seen, sinceRefit, buf, models, scales);
        }

        @Override
        public void restore(Record snapshot) {
            if (!(snapshot instanceof ArimaResidualSnapshot s)) {
                throw new IllegalArgumentException("expected an ArimaResidualSnapshot, got "
                        + (snapshot == null ? "null" : snapshot.getClass().getName()));
            }
            if (s.dimension() != dim) {
                throw new IllegalArgumentException("the snapshot has dimension " + s.dimension() + ", this detector "
                        + dim);
            }
            if (s.buffers() == null || s.buffers().length > window || s.models() == null || s.scales() == null
                    || (s.models().length != 0 && s.models().length != dim)
                    || s.scales().length != 3 * s.models().length || s.seen() < 0 || s.sinceRefit() < 0) {
                throw new IllegalArgumentException("inconsistent arima-residual snapshot");
            }
            Column[] cols = null;
            if (s.models().length > 0) {
                cols = new Column[dim];
                for (int j = 0; j < dim; j++) {
                    ArimaState m = s.models()[j];
                    cols[j] = new Column(m == null ? null : ArimaModel.fromState(m), s.scales()[3 * j],
                            s.scales()[3 * j + 1], s.scales()[3 * j + 2]);
                }
            }
            ArrayDeque<double[]> buf = new ArrayDeque<>();
            for (double[] row : s.buffers()) {
                if (row == null || row.length != dim) {
                    throw new IllegalArgumentException("a buffered reading does not have " + dim + " values");
                }
                buf.addLast(row.clone());
            }
            buffer.clear();
            buffer.addAll(buf);
            columns = cols;
            lastTimestamp = s.lastTimestamp();
            seen = s.seen();
            sinceRefit = s.sinceRefit();
        }
    }
}
