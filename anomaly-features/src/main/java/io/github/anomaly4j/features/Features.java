package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.Spec;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The entry point to this module's feature transforms. Every transform is also a plugin, reachable by name
 * ({@link #create(Spec)}, or {@code Anomaly.feature(spec)} in the engine) and by builder ({@link #builder(String)});
 * all three give equal transforms.
 *
 * <pre>{@code
 * Pipeline pipeline = Anomaly.pipeline()
 *     .features(Features.rollingMean(60), Features.rollingStd(60), Features.diff(1))
 *     .detector(Anomaly.detector("zscore"))
 *     .fit(history);
 * }</pre>
 *
 * <p>Every rolling transform outputs NaN until its window is full; its {@link FeatureTransform#warmUp()} says for
 * how many readings. A NaN input is a missing value: the column's state stays as it was and its outputs are NaN.
 */
public final class Features {
    private Features() {
    }

    /** @return the ids of every transform in this module */
    public static List<String> ids() {
        return Catalog.ids();
    }

    /**
     * @param id a transform id, see {@link #ids()}
     * @return a builder for it
     */
    public static FeatureBuilder builder(String id) {
        return new FeatureBuilder(id);
    }

    /**
     * @param spec a transform by name
     * @return the transform
     */
    public static FeatureTransform create(Spec spec) {
        return Catalog.create(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * @param lag readings back, at least 1
     * @return the value {@code lag} readings back
     */
    public static FeatureTransform lag(int lag) {
        return builder(Catalog.LAG).lag(lag).build();
    }

    /**
     * @param order how many times to difference (1 to 8)
     * @return the difference {@code (1 - B)^order x}
     */
    public static FeatureTransform diff(int order) {
        return builder(Catalog.DIFF).order(order).build();
    }

    /**
     * @param order how many times to difference (1 to 8)
     * @param lag the seasonal lag in readings
     * @return the seasonal difference {@code (1 - B^lag)^order x}
     */
    public static FeatureTransform diff(int order, int lag) {
        return builder(Catalog.DIFF).order(order).lag(lag).build();
    }

    /**
     * @param window readings in the window
     * @return the rolling mean
     */
    public static FeatureTransform rollingMean(int window) {
        return builder(Catalog.ROLLING_MEAN).window(window).build();
    }

    /**
     * @param window readings in the window, at least 2
     * @return the rolling sample variance
     */
    public static FeatureTransform rollingVariance(int window) {
        return builder(Catalog.ROLLING_VARIANCE).window(window).build();
    }

    /**
     * @param window readings in the window, at least 2
     * @return the rolling sample standard deviation
     */
    public static FeatureTransform rollingStd(int window) {
        return builder(Catalog.ROLLING_STD).window(window).build();
    }

    /**
     * @param window readings in the window
     * @return the rolling minimum
     */
    public static FeatureTransform rollingMin(int window) {
        return builder(Catalog.ROLLING_MIN).window(window).build();
    }

    /**
     * @param window readings in the window
     * @return the rolling maximum
     */
    public static FeatureTransform rollingMax(int window) {
        return builder(Catalog.ROLLING_MAX).window(window).build();
    }

    /**
     * @param window readings in the window
     * @return the rolling median
     */
    public static FeatureTransform rollingMedian(int window) {
        return builder(Catalog.ROLLING_MEDIAN).window(window).build();
    }

    /**
     * @param window readings in the window
     * @param quantile the probability, in [0, 1]
     * @return the rolling quantile
     */
    public static FeatureTransform rollingQuantile(int window, double quantile) {
        return builder(Catalog.ROLLING_QUANTILE).window(window).quantile(quantile).build();
    }

    /**
     * @param window readings in the window, at least 2
     * @return {@code (x - mean) / sd} over the window ending at {@code x}; 0 when the window is constant
     */
    public static FeatureTransform rollingZScore(int window) {
        return builder(Catalog.ROLLING_ZSCORE).window(window).build();
    }

    /**
     * @param alpha the weight of the newest reading, in (0, 1]
     * @return the exponentially weighted moving average
     */
    public static FeatureTransform ewma(double alpha) {
        return builder(Catalog.EWMA).alpha(alpha).build();
    }

    /**
     * @param alpha the weight of the newest reading, in (0, 1]
     * @return the exponentially weighted variance
     */
    public static FeatureTransform ewVariance(double alpha) {
        return builder(Catalog.EW_VARIANCE).alpha(alpha).build();
    }

    /**
     * @param window readings in the window, at least 2
     * @param lag the lag, 1 to {@code window - 1}
     * @return the rolling autocorrelation; 0 when the window is constant
     */
    public static FeatureTransform rollingAutocorrelation(int window, int lag) {
        return builder(Catalog.AUTOCORRELATION).window(window).lag(lag).build();
    }

    /**
     * @param lag readings back
     * @return the change per second over the last {@code lag} readings
     */
    public static FeatureTransform rateOfChange(int lag) {
        return builder(Catalog.RATE_OF_CHANGE).lag(lag).build();
    }

    /**
     * @param zone the time zone
     * @return the hour of the day, 0 to 23
     */
    public static FeatureTransform hourOfDay(ZoneId zone) {
        return builder(Catalog.HOUR_OF_DAY).zone(zone).build();
    }

    /**
     * @param zone the time zone
     * @return the ISO day of the week, 1 (Monday) to 7 (Sunday)
     */
    public static FeatureTransform dayOfWeek(ZoneId zone) {
        return builder(Catalog.DAY_OF_WEEK).zone(zone).build();
    }

    /**
     * @param zone the time zone
     * @return the sine and cosine of the time of day
     */
    public static FeatureTransform dayCycle(ZoneId zone) {
        return builder(Catalog.DAY_CYCLE).zone(zone).build();
    }

    /**
     * @param zone the time zone
     * @return the sine and cosine of the time of week (Monday 00:00 is angle 0)
     */
    public static FeatureTransform weekCycle(ZoneId zone) {
        return builder(Catalog.WEEK_CYCLE).zone(zone).build();
    }

    /** @return {@code (x - mean) / sd}, fitted on training data */
    public static FeatureTransform standardScaler() {
        return builder(Catalog.STANDARD_SCALER).build();
    }

    /** @return {@code (x - min) / (max - min)}, fitted on training data */
    public static FeatureTransform minMaxScaler() {
        return builder(Catalog.MIN_MAX_SCALER).build();
    }

    /** @return {@code (x - median) / IQR}, fitted on training data */
    public static FeatureTransform robustScaler() {
        return builder(Catalog.ROBUST_SCALER).build();
    }
}
