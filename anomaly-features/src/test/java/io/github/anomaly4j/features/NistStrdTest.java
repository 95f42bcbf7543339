package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * NIST StRD univariate summary statistics, NumAcc1 to NumAcc4 (public domain; copied from
 * {@code shared/reference/features/nist_strd_univariate.json} so the test always runs). The window spans the whole
 * data set, so the last output is the statistic of the data set.
 */
class NistStrdTest {

    record Case(String name, double[] values, double mean, double sd, double lag1) {
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = NistStrdTest.class.getResourceAsStream("nist_strd_univariate.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> out = new ArrayList<>();
            root.get("cases").fields().forEachRemaining(e -> {
                JsonNode c = e.getValue();
                double[] v = new double[c.get("values").size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.get("values").get(i).doubleValue();
                }
                out.add(new Case(e.getKey(), v, c.get("mean").doubleValue(), c.get("sd").doubleValue(),
                        c.get("lag1_autocorrelation").doubleValue()));
            });
            return out;
        }
    }

    static Stream<Arguments> nist() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.name(), c));
    }

    static double last(FeatureTransform t, double[] values) {
        FeatureStream s = t.open(1);
        double[] in = new double[1];
        double[] out = new double[1];
        for (int i = 0; i < values.length; i++) {
            in[0] = values[i];
            s.apply(1_000L * (i + 1), in, out);
        }
        return out[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nist")
    void meanStdAndAutocorrelationMatchExactArithmeticAndNistCertifiedValues(String name, Case c) {
        int n = c.values().length;
        double mean = last(Features.rollingMean(n), c.values());
        double sd = last(Features.rollingStd(n), c.values());
        double r1 = last(Features.rollingAutocorrelation(n, 1), c.values());

        assertThat(Exact.relativeError(mean, Exact.mean(c.values()))).as("mean vs exact").isLessThanOrEqualTo(1e-12);
        assertThat(Exact.relativeError(sd, Exact.std(c.values()))).as("sd vs exact").isLessThanOrEqualTo(1e-12);
        assertThat(Exact.relativeError(r1, Exact.autocorrelation(c.values(), 1))).as("lag-1 vs exact")
                .isLessThanOrEqualTo(1e-12);

        assertThat(Exact.relativeError(mean, c.mean())).as("mean vs certified").isLessThanOrEqualTo(1e-8);
        assertThat(Exact.relativeError(sd, c.sd())).as("sd vs certified").isLessThanOrEqualTo(1e-8);
        assertThat(Exact.relativeError(r1, c.lag1())).as("lag-1 vs certified").isLessThanOrEqualTo(1e-8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nist")
    void aSlidingWindowThatHasSeenTheDataTwiceStillMatches(String name, Case c) {
        // feed the data twice: the second pass's final window is the data set again, after n removals
        double[] twice = new double[2 * c.values().length];
        System.arraycopy(c.values(), 0, twice, 0, c.values().length);
        System.arraycopy(c.values(), 0, twice, c.values().length, c.values().length);
        int n = c.values().length;
        assertThat(Exact.relativeError(last(Features.rollingStd(n), twice), Exact.std(c.values())))
                .isLessThanOrEqualTo(1e-12);
        assertThat(Exact.relativeError(last(Features.rollingAutocorrelation(n, 1), twice),
                Exact.autocorrelation(c.values(), 1))).isLessThanOrEqualTo(1e-12);
    }

    /** The one-pass textbook formula, (sum x^2 - (sum x)^2 / n) / (n - 1), in doubles. */
    static double textbookStd(double[] v) {
        double s = 0.0;
        double s2 = 0.0;
        for (double x : v) {
            s += x;
            s2 += x * x;
        }
        return Math.sqrt(Math.max(0.0, (s2 - s * s / v.length) / (v.length - 1)));
    }

    @Test
    void theTextbookSumOfSquaresFailsNumAcc4WhereTheRollingStdDoesNot() throws IOException {
        Case c4 = cases().stream().filter(c -> c.name().equals("NumAcc4")).findFirst().orElseThrow();
        double textbook = textbookStd(c4.values());
        double ours = last(Features.rollingStd(c4.values().length), c4.values());
        System.out.printf("NumAcc4 sd: certified %s, textbook %s (rel. error %.3g), rolling-std %s (rel. error %.3g)%n",
                c4.sd(), textbook, Exact.relativeError(textbook, c4.sd()), ours, Exact.relativeError(ours, c4.sd()));
        assertThat(Exact.relativeError(textbook, c4.sd())).isGreaterThan(1e-3);
        assertThat(Exact.relativeError(ours, c4.sd())).isLessThanOrEqualTo(1e-8);
    }
}
