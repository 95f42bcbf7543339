package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transforms of this module by id: their parameters, how settings become a state record, and how a state
 * record becomes a working transform. Providers, builders and the model codec all go through here, so a transform
 * made in code, by name, or from a model file is the same object.
 */
final class Catalog {
    static final String LAG = "lag";
    static final String DIFF = "diff";
    static final String ROLLING_MEAN = "rolling-mean";
    static final String ROLLING_VARIANCE = "rolling-variance";
    static final String ROLLING_STD = "rolling-std";
    static final String ROLLING_MIN = "rolling-min";
    static final String ROLLING_MAX = "rolling-max";
    static final String ROLLING_MEDIAN = "rolling-median";
    static final String ROLLING_QUANTILE = "rolling-quantile";
    static final String ROLLING_ZSCORE = "rolling-zscore";
    static final String EWMA = "ewma";
    static final String EW_VARIANCE = "ew-variance";
    static final String AUTOCORRELATION = "rolling-autocorrelation";
    static final String RATE_OF_CHANGE = "rate-of-change";
    static final String HOUR_OF_DAY = "hour-of-day";
    static final String DAY_OF_WEEK = "day-of-week";
    static final String DAY_CYCLE = "day-cycle";
    static final String WEEK_CYCLE = "week-cycle";
    static final String STANDARD_SCALER = "standard-scaler";
    static final String MIN_MAX_SCALER = "min-max-scaler";
    static final String ROBUST_SCALER = "robust-scaler";

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 60, 1, Checks.MAX_WINDOW,
            "number of readings in the rolling window");
    static final Parameter<Integer> WINDOW2 = Parameter.integer("window", 60, 2, Checks.MAX_WINDOW,
            "number of readings in the rolling window");
    static final Parameter<Double> QUANTILE = Parameter.real("quantile", 0.5, 0.0, 1.0,
            "probability of the quantile (linear interpolation, Hyndman-Fan type 7)");
    static final Parameter<Integer> LAG_PARAM = Parameter.integer("lag", 1, 1, Checks.MAX_WINDOW,
            "how many readings back");
    static final Parameter<Integer> ORDER = Parameter.integer("order", 1, 1, 8, "how many times to difference");
    static final Parameter<Double> ALPHA = Parameter.realAbove("alpha", 0.1, 0.0, 1.0,
            "weight of the newest reading");
    static final Parameter<String> ZONE = Parameter.text("zone", "UTC",
            "a time zone id: a region such as Europe/Paris or UTC, or an offset such as +05:30", Catalog::zoneId,
            "time zone of the local calendar");

    private Catalog() {
    }

    /** @return the normalised id of a region or offset zone ({@code ZoneId.of}); refuses any other string */
    private static String zoneId(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static List<Parameter<?>> parameters(String id) {
        switch (id) {
            case LAG:
            case RATE_OF_CHANGE:
                return List.of(LAG_PARAM);
            case DIFF:
                return List.of(ORDER, LAG_PARAM);
            case ROLLING_MEAN:
            case ROLLING_MIN:
            case ROLLING_MAX:
            case ROLLING_MEDIAN:
                return List.of(WINDOW);
            case ROLLING_VARIANCE:
            case ROLLING_STD:
            case ROLLING_ZSCORE:
                return List.of(WINDOW2);
            case ROLLING_QUANTILE:
                return List.of(WINDOW, QUANTILE);
            case EWMA:
            case EW_VARIANCE:
                return List.of(ALPHA);
            case AUTOCORRELATION:
                return List.of(WINDOW2, LAG_PARAM);
            case HOUR_OF_DAY:
            case DAY_OF_WEEK:
            case DAY_CYCLE:
            case WEEK_CYCLE:
                return List.of(ZONE);
            case STANDARD_SCALER:
            case MIN_MAX_SCALER:
            case ROBUST_SCALER:
                return List.of();
            default:
                throw unknown(id);
        }
    }

    static String description(String id) {
        switch (id) {
            case LAG: return "the value a number of readings back";
            case DIFF: return "the difference (1 - B^lag)^order x: ordinary or seasonal, of any order up to 8";
            case ROLLING_MEAN: return "mean of the last window readings (compensated sums, exact removal)";
            case ROLLING_VARIANCE: return "sample variance (n - 1) of the last window readings, numerically stable";
            case ROLLING_STD: return "sample standard deviation of the last window readings, numerically stable";
            case ROLLING_MIN: return "minimum of the last window readings (monotonic deque)";
            case ROLLING_MAX: return "maximum of the last window readings (monotonic deque)";
            case ROLLING_MEDIAN: return "median of the last window readings";
            case ROLLING_QUANTILE: return "quantile of the last window readings (linear interpolation, type 7)";
            case ROLLING_ZSCORE: return "(x - rolling mean) / rolling standard deviation, over a window ending at x";
            case EWMA: return "exponentially weighted moving average";
            case EW_VARIANCE: return "exponentially weighted variance";
            case AUTOCORRELATION: return "autocorrelation at a lag over the last window readings (NIST definition)";
            case RATE_OF_CHANGE: return "change per second over the last lag readings";
            case HOUR_OF_DAY: return "hour of the day, 0 to 23, in a time zone";
            case DAY_OF_WEEK: return "ISO day of the week, 1 (Monday) to 7 (Sunday), in a time zone";
            case DAY_CYCLE: return "sine and cosine of the time of day, in a time zone";
            case WEEK_CYCLE: return "sine and cosine of the time of week, in a time zone";
            case STANDARD_SCALER: return "(x - mean) / standard deviation, fitted on training data";
            case MIN_MAX_SCALER: return "(x - min) / (max - min), fitted on training data";
            case ROBUST_SCALER: return "(x - median) / interquartile range, fitted on training data";
            default: throw unknown(id);
        }
    }

    static Class<? extends Record> stateType(String id) {
        switch (id) {
            case LAG:
            case RATE_OF_CHANGE:
                return LagState.class;
            case DIFF:
                return DiffState.class;
            case ROLLING_MEAN:
            case ROLLING_VARIANCE:
            case ROLLING_STD:
            case ROLLING_MIN:
            case ROLLING_MAX:
            case ROLLING_MEDIAN:
            case ROLLING_ZSCORE:
                return WindowState.class;
            case ROLLING_QUANTILE:
                return QuantileState.class;
            case EWMA:
            case EW_VARIANCE:
                return EwmaState.class;
            case AUTOCORRELATION:
                return AutocorrelationState.class;
            case HOUR_OF_DAY:
            case DAY_OF_WEEK:
            case DAY_CYCLE:
            case WEEK_CYCLE:
                return CalendarState.class;
            case STANDARD_SCALER:
            case MIN_MAX_SCALER:
            case ROBUST_SCALER:
                return ScalerState.class;
            default:
                throw unknown(id);
        }
    }

    /** Settings to a state record: the one place where settings are read. */
    static Record state(String id, Settings s) {
        switch (id) {
            case LAG:
            case RATE_OF_CHANGE:
                return new LagState(s.get(LAG_PARAM));
            case DIFF:
                return new DiffState(s.get(ORDER), s.get(LAG_PARAM));
            case ROLLING_MEAN:
            case ROLLING_MIN:
            case ROLLING_MAX:
            case ROLLING_MEDIAN:
                return new WindowState(s.get(WINDOW));
            case ROLLING_VARIANCE:
            case ROLLING_STD:
            case ROLLING_ZSCORE:
                return new WindowState(s.get(WINDOW2));
            case ROLLING_QUANTILE:
                return new QuantileState(s.get(WINDOW), s.get(QUANTILE));
            case EWMA:
            case EW_VARIANCE:
                return new EwmaState(s.get(ALPHA));
            case AUTOCORRELATION:
                return new AutocorrelationState(s.get(WINDOW2), s.get(LAG_PARAM));
            case HOUR_OF_DAY:
            case DAY_OF_WEEK:
            case DAY_CYCLE:
            case WEEK_CYCLE:
                return new CalendarState(s.get(ZONE));
            case STANDARD_SCALER:
            case MIN_MAX_SCALER:
            case ROBUST_SCALER:
                return new ScalerState(new double[0], new double[0]);
            default:
                throw unknown(id);
        }
    }

    static FeatureTransform create(Spec spec) {
        Settings settings = Settings.resolve(spec, parameters(spec.id()));
        return restore(spec.id(), state(spec.id(), settings));
    }

    /** A state record to a working transform; checks the record's type. */
    static FeatureTransform restore(String id, Record state) {
        Class<? extends Record> type = stateType(id);
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException("'" + id + "' needs a " + type.getSimpleName() + ", got "
                    + (state == null ? "null" : state.getClass().getSimpleName()));
        }
        switch (id) {
            case LAG: {
                int k = ((LagState) state).lag();
                return new StreamingTransform(Spec.of(id).with("lag", k), state, k, true, List.of(id + "(" + k + ")"),
                        StreamingTransform.columnwise(c -> new LagKernel(LagKernel.LAG, k)), null);
            }
            case RATE_OF_CHANGE: {
                int k = ((LagState) state).lag();
                return new StreamingTransform(Spec.of(id).with("lag", k), state, k, true, List.of(id + "(" + k + ")"),
                        StreamingTransform.columnwise(c -> new LagKernel(LagKernel.RATE, k)), null);
            }
            case DIFF: {
                DiffState d = (DiffState) state;
                return new StreamingTransform(Spec.of(id).with("order", d.order()).with("lag", d.lag()), state,
                        d.order() * d.lag(), true, List.of(id + "(" + d.order() + "," + d.lag() + ")"),
                        StreamingTransform.columnwise(c -> new DiffKernel(d.order(), d.lag())), null);
            }
            case ROLLING_MEAN:
                return moments(id, state, MomentsKernel.MEAN);
            case ROLLING_VARIANCE:
                return moments(id, state, MomentsKernel.VARIANCE);
            case ROLLING_STD:
                return moments(id, state, MomentsKernel.STD);
            case ROLLING_ZSCORE:
                return moments(id, state, MomentsKernel.ZSCORE);
            case ROLLING_MIN:
            case ROLLING_MAX: {
                int n = ((WindowState) state).window();
                boolean max = id.equals(ROLLING_MAX);
                return window(id, state, n, c -> new ExtremumKernel(n, max));
            }
            case ROLLING_MEDIAN: {
                int n = ((WindowState) state).window();
                return window(id, state, n, c -> new QuantileKernel(n, 0.5));
            }
            case ROLLING_QUANTILE: {
                QuantileState q = (QuantileState) state;
                return new StreamingTransform(Spec.of(id).with("window", q.window()).with("quantile", q.quantile()),
                        state, q.window() - 1, true, List.of(id + "(" + q.window() + "," + q.quantile() + ")"),
                        StreamingTransform.columnwise(c -> new QuantileKernel(q.window(), q.quantile())), null);
            }
            case EWMA:
            case EW_VARIANCE: {
                double a = ((EwmaState) state).alpha();
                int mode = id.equals(EWMA) ? EwmaKernel.MEAN : EwmaKernel.VARIANCE;
                return new StreamingTransform(Spec.of(id).with("alpha", a), state, 0, true,
                        List.of(id + "(" + a + ")"), StreamingTransform.columnwise(c -> new EwmaKernel(mode, a)), null);
            }
            case AUTOCORRELATION: {
                AutocorrelationState a = (AutocorrelationState) state;
                return new StreamingTransform(Spec.of(id).with("window", a.window()).with("lag", a.lag()), state,
                        a.window() - 1, true, List.of(id + "(" + a.window() + "," + a.lag() + ")"),
                        StreamingTransform.columnwise(c -> new AutocorrelationKernel(a.window(), a.lag())), null);
            }
            case HOUR_OF_DAY:
                return calendar(id, (CalendarState) state, CalendarStream.HOUR_OF_DAY, List.of(id));
            case DAY_OF_WEEK:
                return calendar(id, (CalendarState) state, CalendarStream.DAY_OF_WEEK, List.of(id));
            case DAY_CYCLE:
                return calendar(id, (CalendarState) state, CalendarStream.DAY_CYCLE, List.of(id + "-sin",
                        id + "-cos"));
            case WEEK_CYCLE:
                return calendar(id, (CalendarState) state, CalendarStream.WEEK_CYCLE, List.of(id + "-sin",
                        id + "-cos"));
            case STANDARD_SCALER:
                return scaler(id, (ScalerState) state, Scalers.STANDARD);
            case MIN_MAX_SCALER:
                return scaler(id, (ScalerState) state, Scalers.MIN_MAX);
            case ROBUST_SCALER:
                return scaler(id, (ScalerState) state, Scalers.ROBUST);
            default:
                throw unknown(id);
        }
    }

    private static FeatureTransform moments(String id, Record state, int mode) {
        int n = ((WindowState) state).window();
        if (mode != MomentsKernel.MEAN && n < 2) {
            throw new IllegalArgumentException("'" + id + "' needs a window of at least 2, got " + n);
        }
        return window(id, state, n, c -> new MomentsKernel(mode, n));
    }

    private static FeatureTransform window(String id, Record state, int n,
            java.util.function.IntFunction<Kernel> kernels) {
        return new StreamingTransform(Spec.of(id).with("window", n), state, n - 1, true, List.of(id + "(" + n + ")"),
                StreamingTransform.columnwise(kernels), null);
    }

    private static FeatureTransform calendar(String id, CalendarState state, int mode, List<String> names) {
        ZoneId zone = Checks.zone(state.zone());
        String suffix = state.zone().equals("UTC") ? "" : "(" + state.zone() + ")";
        List<String> labels = new ArrayList<>();
        for (String n : names) {
            labels.add(n + suffix);
        }
        String label = Spec.of(id).with("zone", state.zone()).toString();
        return new StreamingTransform(Spec.of(id).with("zone", state.zone()), state, 0, false, labels,
                (t, width) -> new CalendarStream(label, mode, zone), null);
    }

    private static FeatureTransform scaler(String id, ScalerState state, int kind) {
        StreamingTransform.Opener opener = (t, width) -> {
            if (!state.fitted()) {
                throw new IllegalStateException("'" + id + "' is not fitted: fit it on training data first "
                        + "(fitting a pipeline does)");
            }
            double[] center = state.center();
            double[] scale = state.scale();
            if (center.length != width) {
                throw new IllegalArgumentException("'" + id + "' was fitted on " + center.length
                        + " columns but is opened for " + width);
            }
            Kernel[] ks = new Kernel[width];
            for (int c = 0; c < width; c++) {
                ks[c] = new ScalerKernel(center[c], scale[c]);
                ks[c].transform = t.spec().toString();
            }
            return width == 1 ? ks[0] : new ColumnwiseStream(t.spec().toString(), ks, 1);
        };
        return new StreamingTransform(Spec.of(id), state, 0, true, List.of(id), opener,
                training -> restore(id, Scalers.fit(id, kind, training)));
    }

    static List<String> ids() {
        return List.of(LAG, DIFF, ROLLING_MEAN, ROLLING_VARIANCE, ROLLING_STD, ROLLING_MIN, ROLLING_MAX,
                ROLLING_MEDIAN, ROLLING_QUANTILE, ROLLING_ZSCORE, EWMA, EW_VARIANCE, AUTOCORRELATION, RATE_OF_CHANGE,
                HOUR_OF_DAY, DAY_OF_WEEK, DAY_CYCLE, WEEK_CYCLE, STANDARD_SCALER, MIN_MAX_SCALER, ROBUST_SCALER);
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("unknown feature transform '" + id + "'; this module provides "
                + String.join(", ", ids()).toLowerCase(Locale.ROOT));
    }
}
