package io.github.anomaly4j.drift;

import io.github.anomaly4j.api.UnknownPluginException;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Entry point to the drift tests and the drift monitor.
 *
 * <pre>{@code
 * DriftResult r = Drift.ks().test(reference, current);
 * DriftTest psi = Drift.test("psi", Map.of("bins", 10, "threshold", 0.25));
 * DriftMonitor monitor = Drift.monitor().features("temperature").tests(Drift.ks(), Drift.psi()).build();
 * }</pre>
 */
public final class Drift {
    private Drift() {
    }

    /** @return two-sample Kolmogorov-Smirnov, level 0.05, exact p-value up to 10,000 values per sample */
    public static KolmogorovSmirnovTest ks() {
        return KolmogorovSmirnovTest.create();
    }

    /** @return population stability index on reference deciles, drift above 0.2 */
    public static PopulationStabilityIndex psi() {
        return PopulationStabilityIndex.create();
    }

    /** @return chi-squared test of homogeneity on reference deciles, level 0.05 */
    public static ChiSquaredTest chiSquared() {
        return ChiSquaredTest.create();
    }

    /** @return Jensen-Shannon distance on reference deciles, drift above 0.1 */
    public static JensenShannonDistance jensenShannon() {
        return JensenShannonDistance.create();
    }

    /** @return Wasserstein-1 distance, drift above 0.1 reference standard deviations */
    public static WassersteinDistance wasserstein() {
        return WassersteinDistance.create();
    }

    /** @return two-sided Mann-Whitney U test, level 0.05 */
    public static MannWhitneyTest mannWhitney() {
        return MannWhitneyTest.create();
    }

    /** @return two-sample Anderson-Darling test, level 0.05 */
    public static AndersonDarlingTest andersonDarling() {
        return AndersonDarlingTest.create();
    }

    /**
     * A drift test by plugin id, found with {@link ServiceLoader} (this module's tests and any plugin on the
     * class or module path).
     *
     * @param id the plugin id, e.g. {@code "ks"}
     * @param parameters parameter values by name; missing ones take their defaults
     * @return the test
     * @throws UnknownPluginException when no provider has that id (the message lists the known ones)
     * @throws IllegalArgumentException for an unknown parameter or a value out of range
     */
    public static DriftTest test(String id, Map<String, ?> parameters) {
        DriftTestProvider provider = providers().get(id);
        if (provider == null) {
            throw new UnknownPluginException("drift test", id, java.util.List.copyOf(providers().keySet()));
        }
        return provider.create(Settings.resolve(Spec.of(id, parameters), provider.parameters()));
    }

    /**
     * @param id the plugin id
     * @return the test with default parameters
     */
    public static DriftTest test(String id) {
        return test(id, Map.of());
    }

    /** @return every drift test provider found, by id */
    public static Map<String, DriftTestProvider> providers() {
        Map<String, DriftTestProvider> byId = new TreeMap<>();
        for (DriftTestProvider p : ServiceLoader.load(DriftTestProvider.class, Drift.class.getClassLoader())) {
            byId.putIfAbsent(p.id(), p);
        }
        return byId;
    }

    /** @return a builder for a drift monitor */
    public static DriftMonitor.Builder monitor() {
        return DriftMonitor.builder();
    }
}
