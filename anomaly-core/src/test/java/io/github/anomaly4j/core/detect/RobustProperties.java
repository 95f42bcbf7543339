package io.github.anomaly4j.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Robust#medianScale} finds the median of the deviations by binary search; here it must pick bit for bit
 * the value a plain sort of all deviations picks, on data with ties, constant runs, huge and tiny magnitudes.
 */
class RobustProperties {

    @Provide
    Arbitrary<double[]> samples() {
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.doubles().between(-10, 10),
                Arbitraries.of(0.0, -0.0, 1.0, 2.5, -3.0), // ties and constant runs
                Arbitraries.doubles().between(-1e308, 1e308),
                Arbitraries.of(Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, Double.MAX_VALUE, -Double.MAX_VALUE));
        return value.array(double[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 2000)
    void medianOfDeviationsEqualsTheSortedReference(@ForAll("samples") double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[2];
        Robust.medianScale(sorted, 0, sorted.length, out);

        int n = sorted.length;
        double med = Robust.median(sorted, 0, n);
        double[] halfDev = new double[n];
        for (int i = 0; i < n; i++) {
            halfDev[i] = Math.abs(sorted[i] * 0.5 - med * 0.5);
        }
        Arrays.sort(halfDev);
        double halfMad = (n & 1) == 1 ? halfDev[n >>> 1] : halfDev[(n >>> 1) - 1] * 0.5 + halfDev[n >>> 1] * 0.5;
        assertThat(out[0]).isEqualTo(med);
        if (halfMad > 0.0) {
            double s = halfMad * Robust.MAD_TO_SIGMA * 2.0;
            assertThat(out[1]).isEqualTo(s <= Double.MAX_VALUE ? s : Double.MAX_VALUE);
        } else {
            assertThat(out[1]).isFinite().isNotNegative();
        }
    }

    @Property(tries = 500)
    void aSubrangeIsReadWithoutTouchingItsNeighbours(@ForAll("samples") double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] padded = new double[sorted.length + 6];
        Arrays.fill(padded, Double.NaN);
        System.arraycopy(sorted, 0, padded, 3, sorted.length);
        double[] alone = new double[2];
        double[] inside = new double[2];
        Robust.medianScale(sorted, 0, sorted.length, alone);
        Robust.medianScale(padded, 3, sorted.length, inside);
        assertThat(inside).containsExactly(alone);
    }
}
