/**
 * Streaming feature transforms that run the same code in training and serving: rolling statistics, differences,
 * lags, EWMA, autocorrelation, calendar features and fitted scalers.
 */
module io.github.anomaly4j.features {
    requires transitive io.github.anomaly4j.api;
    requires static com.google.auto.service;

    // The state records are public in this exported package, which is all Jackson needs to map them.
    exports io.github.anomaly4j.features;

    provides io.github.anomaly4j.spi.FeatureTransformProvider with
            io.github.anomaly4j.features.LagProvider,
            io.github.anomaly4j.features.DiffProvider,
            io.github.anomaly4j.features.RollingMeanProvider,
            io.github.anomaly4j.features.RollingVarianceProvider,
            io.github.anomaly4j.features.RollingStdProvider,
            io.github.anomaly4j.features.RollingMinProvider,
            io.github.anomaly4j.features.RollingMaxProvider,
            io.github.anomaly4j.features.RollingMedianProvider,
            io.github.anomaly4j.features.RollingQuantileProvider,
            io.github.anomaly4j.features.RollingZScoreProvider,
            io.github.anomaly4j.features.EwmaProvider,
            io.github.anomaly4j.features.EwVarianceProvider,
            io.github.anomaly4j.features.RollingAutocorrelationProvider,
            io.github.anomaly4j.features.RateOfChangeProvider,
            io.github.anomaly4j.features.HourOfDayProvider,
            io.github.anomaly4j.features.DayOfWeekProvider,
            io.github.anomaly4j.features.DayCycleProvider,
            io.github.anomaly4j.features.WeekCycleProvider,
            io.github.anomaly4j.features.StandardScalerProvider,
            io.github.anomaly4j.features.MinMaxScalerProvider,
            io.github.anomaly4j.features.RobustScalerProvider;
}
