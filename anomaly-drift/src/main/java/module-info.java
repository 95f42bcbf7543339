/**
 * Two-sample drift tests (KS, PSI, chi-squared, Jensen-Shannon, Wasserstein, Mann-Whitney, Anderson-Darling) and a
 * drift monitor that drives recalibration and retraining.
 */
module io.github.anomaly4j.drift {
    requires transitive io.github.anomaly4j.api;
    requires static com.google.auto.service;
    requires commons.math3;
    requires static micrometer.core;

    exports io.github.anomaly4j.drift;

    uses io.github.anomaly4j.spi.DriftTestProvider;

    provides io.github.anomaly4j.spi.DriftTestProvider with
            io.github.anomaly4j.drift.KolmogorovSmirnovTest.Provider,
            io.github.anomaly4j.drift.PopulationStabilityIndex.Provider,
            io.github.anomaly4j.drift.ChiSquaredTest.Provider,
            io.github.anomaly4j.drift.JensenShannonDistance.Provider,
            io.github.anomaly4j.drift.WassersteinDistance.Provider,
            io.github.anomaly4j.drift.MannWhitneyTest.Provider,
            io.github.anomaly4j.drift.AndersonDarlingTest.Provider;
}
