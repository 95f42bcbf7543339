package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.drift.DriftTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calibration and power over 1,000 seeded trials of 500 vs 500 standard normal values: under the null hypothesis
 * each p-value test rejects at alpha = 0.05 in [0.035, 0.065] of the trials; against a 0.2-sigma mean shift the
 * rejection rate (power) is printed, and must at least beat the level. The distance tests (no p-value) are run
 * too and their decision rates printed, for the docs.
 */
@Tag("accuracy")
class NullHypothesisTest {
    static final int TRIALS = 1000;
    static final int N = 500;
    static final List<DriftTest> P_VALUE_TESTS = List.of(Drift.ks(), Drift.chiSquared(), Drift.mannWhitney(),
            Drift.andersonDarling());
    static final List<DriftTest> DISTANCE_TESTS = List.of(Drift.psi(), Drift.jensenShannon(), Drift.wasserstein());
    static final Map<String, double[]> RATES = new LinkedHashMap<>();

    @BeforeAll
    static void run() {
        for (DriftTest t : P_VALUE_TESTS) {
            RATES.put(t.id(), new double[2]);
        }
        for (DriftTest t : DISTANCE_TESTS) {
            RATES.put(t.id(), new double[2]);
        }
        for (int trial = 0; trial < TRIALS; trial++) {
            SplittableRandom r = new SplittableRandom(20_261_202L + trial);
            double[] ref = SeededSamples.normal(r, N, 0);
            double[] same = SeededSamples.normal(r, N, 0);
            double[] shifted = SeededSamples.normal(r, N, 0.2);
            for (DriftTest t : P_VALUE_TESTS) {
                count(t, ref, same, shifted);
            }
            for (DriftTest t : DISTANCE_TESTS) {
                count(t, ref, same, shifted);
            }
        }
        StringBuilder table = new StringBuilder("| test | rejection rate under H0 (alpha 0.05 / threshold) | "
                + "power vs 0.2-sigma shift |\n|---|---|---|\n");
        RATES.forEach((id, rate) -> table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", id,
                rate[0] / TRIALS, rate[1] / TRIALS)));
        System.out.println("Drift tests, " + TRIALS + " seeded trials of " + N + " vs " + N + ":\n" + table);
    }

    private static void count(DriftTest t, double[] ref, double[] same, double[] shifted) {
        double[] rate = RATES.get(t.id());
        if (t.test(ref, same).drift()) {
            rate[0]++;
        }
        if (t.test(ref, shifted).drift()) {
            rate[1]++;
        }
    }

    @Test
    void everyPValueTestHoldsItsLevel() {
        for (DriftTest t : P_VALUE_TESTS) {
            assertThat(RATES.get(t.id())[0] / TRIALS).as("rejection rate of %s under H0", t.id())
                    .isBetween(0.035, 0.065);
        }
    }

    @Test
    void everyPValueTestHasPowerAgainstASmallShift() {
        for (DriftTest t : P_VALUE_TESTS) {
            assertThat(RATES.get(t.id())[1] / TRIALS).as("power of %s at 0.2 sigma", t.id()).isGreaterThan(0.2);
        }
    }
}
