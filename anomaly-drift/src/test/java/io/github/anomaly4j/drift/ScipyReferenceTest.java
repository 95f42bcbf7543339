package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.anomaly4j.api.drift.DriftResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every drift test against scipy 1.10.1 on the sample pairs of {@code reference/drift}: statistics within 1e-9
 * relative, p-values within 1e-6 relative (1e-12 absolute below 1e-6). Two pairs are bundled in the test resources
 * so they always run; the rest come from {@code ../shared} (system property {@code anomaly4j.shared}) and are
 * skipped when it is absent.
 */
class ScipyReferenceTest {
    static final String[] BUNDLED = {"small_n30_n40", "ties_poisson3_vs_poisson3.3_n1500"};

    @TestFactory
    Stream<DynamicTest> bundledCasesMatchScipy() throws IOException {
        JsonNode root = readJson(resource("scipy_drift_reference.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String name = c.get("name").asText();
            if (List.of(BUNDLED).contains(name)) {
                tests.add(DynamicTest.dynamicTest(name, () -> check(c,
                        readColumn(resource(c.get("reference").asText())),
                        readColumn(resource(c.get("current").asText())))));
            }
        }
        assertThat(tests).hasSize(BUNDLED.length);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everySharedCaseMatchesScipy() throws IOException {
        String dir = System.getProperty("anomaly4j.shared");
        Path drift = dir == null ? null : Path.of(dir, "reference", "drift");
        Assumptions.assumeTrue(drift != null && Files.isRegularFile(drift.resolve("scipy_drift_reference.json")),
                "../shared (system property anomaly4j.shared) with reference/drift is absent; skipping the full "
                        + "scipy comparison (the bundled cases still run)");
        JsonNode root = readJson(Files.newInputStream(drift.resolve("scipy_drift_reference.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c,
                    readColumn(Files.newInputStream(drift.resolve(c.get("reference").asText()))),
                    readColumn(Files.newInputStream(drift.resolve(c.get("current").asText()))))));
        }
        assertThat(tests).hasSize(6);
        return tests.stream();
    }

    static void check(JsonNode c, double[] ref, double[] cur) {
        // KS: statistic, exact p-value where scipy reported it, asymptotic p-value always
        DriftResult ksExact = KolmogorovSmirnovTest.create(0.05, KolmogorovSmirnovTest.Method.EXACT).test(ref, cur);
        DriftResult ksAsymp = KolmogorovSmirnovTest.create(0.05, KolmogorovSmirnovTest.Method.ASYMPTOTIC)
                .test(ref, cur);
        DriftResult ksAuto = Drift.ks().test(ref, cur);
        statistic("ks statistic", ksAsymp.statistic(), c.get("ks_statistic").asDouble());
        pValue("ks asymptotic p", ksAsymp.pValue(), c.get("ks_pvalue_asymptotic").asDouble());
        if (!c.get("ks_pvalue_exact").isNull()) {
            pValue("ks exact p", ksExact.pValue(), c.get("ks_pvalue_exact").asDouble());
            // scipy's method='auto' is exact up to 10,000 values per sample
            pValue("ks auto p", ksAuto.pValue(), c.get("ks_pvalue_exact").asDouble());
        }

        // reference deciles and bin counts
        double[] sorted = ref.clone();
        java.util.Arrays.sort(sorted);
        ReferenceBins bins = ReferenceBins.quantiles(sorted, 10);
        double[] edges = bins.edges();
        JsonNode expectedEdges = c.get("decile_edges");
        assertThat(edges).hasSize(expectedEdges.size());
        for (int i = 0; i < edges.length; i++) {
            statistic("edge " + i, edges[i], expectedEdges.get(i).asDouble());
        }
        assertThat(bins.count(ref)).containsExactly(longs(c.get("reference_bin_counts")));
        assertThat(bins.count(cur)).containsExactly(longs(c.get("current_bin_counts")));

        statistic("psi", Drift.psi().test(ref, cur).statistic(), c.get("psi_deciles").asDouble());
        DriftResult chi2 = Drift.chiSquared().test(ref, cur);
        statistic("chi2 statistic", chi2.statistic(), c.get("chi2_statistic").asDouble());
        pValue("chi2 p", chi2.pValue(), c.get("chi2_pvalue").asDouble());
        assertThat(ChiSquaredTest.contingency(bins.count(ref), bins.count(cur))[2])
                .isEqualTo(c.get("chi2_dof").asDouble());
        statistic("js", Drift.jensenShannon().test(ref, cur).statistic(),
                c.get("js_distance_deciles_natural_log").asDouble());
        statistic("wasserstein", Drift.wasserstein().test(ref, cur).statistic(), c.get("wasserstein_1").asDouble());
        DriftResult mw = Drift.mannWhitney().test(ref, cur);
        statistic("mann-whitney U", mw.statistic(), c.get("mann_whitney_u").asDouble());
        pValue("mann-whitney p", mw.pValue(), c.get("mann_whitney_pvalue_asymptotic").asDouble());
        statistic("anderson", Drift.andersonDarling().test(ref, cur).statistic(),
                c.get("anderson_ksamp_statistic").asDouble());
    }

    /** Largest relative error seen per quantity, printed after the run (for docs/drift.md). */
    static final java.util.Map<String, Double> WORST = new java.util.concurrent.ConcurrentSkipListMap<>();

    @org.junit.jupiter.api.AfterAll
    static void printWorstErrors() {
        StringBuilder b = new StringBuilder("largest relative error against scipy:\n");
        WORST.forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "  %-16s %.2e%n", k, v)));
        System.out.print(b);
    }

    private static void record(String what, double actual, double expected) {
        String key = what.startsWith("edge") ? "decile edges" : what;
        double rel = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        WORST.merge(key, rel, Math::max);
    }

    static void statistic(String what, double actual, double expected) {
        record(what, actual, expected);
        assertThat(actual).as(what).isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-300));
    }

    static void pValue(String what, double actual, double expected) {
        record(what, actual, expected);
        double tolerance = expected < 1e-6 ? 1e-12 : expected * 1e-6;
        assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    static InputStream resource(String name) {
        InputStream in = ScipyReferenceTest.class.getResourceAsStream("/drift/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource /drift/" + name + " is missing");
        }
        return in;
    }

    static JsonNode readJson(InputStream in) throws IOException {
        try (in) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Reads a one-column CSV with a header line. */
    static double[] readColumn(InputStream in) {
        try (in) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            return Stream.of(lines).skip(1).filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
