package io.github.anomaly4j.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class UnitRootAndLjungBoxTest {

    private static double[] whiteNoise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void kpssSeparatesStationaryFromRandomWalks() {
        // KPSS is a 5 % test: on white noise it should reject about 5 % of the time
        int rejected = 0;
        for (int seed = 0; seed < 200; seed++) {
            if (UnitRoot.kpss(whiteNoise(500, 100 + seed)) > UnitRoot.KPSS_CRITICAL_5) {
                rejected++;
            }
        }
        assertThat(rejected).isBetween(2, 20);
        double[] noise = whiteNoise(500, 5);
        double[] walk = noise.clone();
        for (int i = 1; i < walk.length; i++) {
            walk[i] += walk[i - 1];
        }
        assertThat(UnitRoot.kpss(noise)).isLessThan(UnitRoot.KPSS_CRITICAL_5);
        assertThat(UnitRoot.kpss(walk)).isGreaterThan(UnitRoot.KPSS_CRITICAL_5);
        assertThat(UnitRoot.ndiffs(noise, 2)).isZero();
        assertThat(UnitRoot.ndiffs(walk, 2)).isEqualTo(1);
        double[] twice = walk.clone();
        for (int i = 1; i < twice.length; i++) {
            twice[i] += twice[i - 1];
        }
        assertThat(UnitRoot.ndiffs(twice, 2)).isEqualTo(2);
        assertThat(UnitRoot.ndiffs(twice, 1)).isEqualTo(1);
    }

    @Test
    void seasonalStrengthOfAirPassengersAndOfNoise() throws IOException {
        double[] ap = AutoArimaTest.airPassengers();
        assertThat(UnitRoot.seasonalStrength(ap, 12)).isGreaterThan(UnitRoot.SEASONAL_STRENGTH_THRESHOLD);
        assertThat(UnitRoot.nsdiffs(ap, 12)).isEqualTo(1);
        assertThat(UnitRoot.seasonalStrength(whiteNoise(240, 2), 12)).isLessThan(0.3);
        assertThat(UnitRoot.nsdiffs(whiteNoise(240, 2), 12)).isZero();
        assertThat(UnitRoot.nsdiffs(new double[30], 12)).isZero();
    }

    @Test
    void ljungBoxByHand() {
        double[] alternating = {1, -1, 1, -1, 1, -1, 1, -1, 1, -1};
        LjungBox lb = LjungBox.test(alternating, 1, 0);
        // r1 = -9/10, Q = n (n + 2) r1^2 / (n - 1) = 10 * 12 * 0.81 / 9
        assertThat(lb.statistic()).isCloseTo(10.8, within(1e-12));
        assertThat(lb.degreesOfFreedom()).isEqualTo(1);
        // chi-squared with one degree of freedom: P(X > q) = erfc(sqrt(q / 2))
        assertThat(lb.pValue()).isCloseTo(Erf.erfc(Math.sqrt(10.8 / 2)), within(1e-9));
        assertThat(LjungBox.test(whiteNoise(1000, 3), 10, 0).pValue()).isGreaterThan(0.01);
        assertThat(LjungBox.test(alternating, 2, 2).pValue()).isNaN();
        assertThatThrownBy(() -> LjungBox.test(alternating, 10, 0)).hasMessageContaining("lags");
    }
}
