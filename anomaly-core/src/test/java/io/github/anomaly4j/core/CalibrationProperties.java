package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class CalibrationProperties {

    @Property(tries = 200)
    void tailCalibrationIsMonotoneBoundedAndAgreesWithItsTailProbability(
            @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> reference,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double level) {
        double[] ref = reference.stream().mapToDouble(Double::doubleValue).toArray();
        EmpiricalCalibration c = EmpiricalCalibration.fitWithTail(ref, level);
        double[] sorted = ref.clone();
        Arrays.sort(sorted);
        double lo = sorted[0] - 1;
        double hi = sorted[sorted.length - 1] + 1 + 10 * (sorted[sorted.length - 1] - sorted[0]);
        double previous = -1;
        double previousTail = 2;
        for (int k = 0; k <= 400; k++) {
            double s = lo + (hi - lo) * k / 400;
            double v = c.calibrate(s);
            double p = c.tailProbability(s);
            assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            assertThat(p).isBetween(0.0, 1.0).isLessThanOrEqualTo(previousTail);
            assertThat(v + p).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            previous = v;
            previousTail = p;
        }
        // readings beyond the largest reference score stay below 1 just past it
        assertThat(c.calibrate(Math.nextUp(sorted[sorted.length - 1]))).isLessThan(1.0);
    }

    @Property(tries = 200)
    void conformalPValueCountsTheScoresAtOrAbove(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -100, max = 100) Double> calibration,
            @ForAll @DoubleRange(min = -120, max = 120) double score) {
        double[] cal = calibration.stream().mapToDouble(Double::doubleValue).toArray();
        long atOrAbove = Arrays.stream(cal).filter(c -> c >= score).count();
        assertThat(ConformalCalibration.fit(cal).pValue(score)).isEqualTo((1.0 + atOrAbove) / (cal.length + 1.0));
    }
}
