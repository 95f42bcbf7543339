package io.github.anomaly4j.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.EmpiricalCalibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scalings NabRunner offers beyond the plain empirical calibration. */
class NabScalingTest {
    private static final NabScorer SCORER = NabScorer.builder().build();

    /** 400 noisy rows with spikes of 12 and 30 sigma at rows 300 and 350. */
    private static NabDataFile twoSpikes() {
        Random rnd = new Random(3);
        long[] ts = new long[400];
        double[] values = new double[400];
        List<String> text = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_400_000_000_000L + 300_000L * i;
            values[i] = 10 + rnd.nextGaussian() * 0.5 + (i == 300 ? 6 : 0) + (i == 350 ? 15 : 0);
            text.add(Long.toString(ts[i]));
        }
        return new NabDataFile("cat/spikes.csv", text, ts, values, List.of(new NabWindow(290, 310)));
    }

    @Test
    void logGradeIsAMonotoneLogScaleOfTheTailProbability() {
        assertThat(NabRunner.logGrade(1.0)).isZero();
        assertThat(NabRunner.logGrade(1e-4)).isCloseTo(4.0 / 300, within(1e-12));
        assertThat(NabRunner.logGrade(1e-300)).isEqualTo(1.0);
        assertThat(NabRunner.logGrade(0.0)).isEqualTo(1.0);
        assertThat(NabRunner.logGrade(1e-20)).isGreaterThan(NabRunner.logGrade(1e-19));
    }

    @Test
    void extremeValueScalingKeepsReadingsBeyondThePrefixMaximumApart() {
        NabDataFile file = twoSpikes();
        double[] empirical = NabRunner.streamingScores(file, Anomaly.detector("zscore", java.util.Map.of("window", 50,
                "warmUp", 10)), SCORER, NabRunner.Scaling.EMPIRICAL);
        double[] extreme = NabRunner.streamingScores(file, Anomaly.detector("zscore", java.util.Map.of("window", 50,
                "warmUp", 10)), SCORER, NabRunner.Scaling.EXTREME_VALUE);
        // the plain calibration ties both spikes at 1.0; the tail orders them and keeps them below 1
        assertThat(empirical[300]).isEqualTo(1.0);
        assertThat(empirical[350]).isEqualTo(1.0);
        assertThat(extreme[350]).isGreaterThan(extreme[300]).isLessThan(1.0);
        for (int i = 0; i < 400; i++) {
            if (i != 300 && i != 350 && i != 301 && i != 351) {
                assertThat(extreme[i]).as("row %d", i).isLessThan(extreme[300]);
            }
        }
        assertThat(java.util.Arrays.stream(extreme)).allMatch(s -> s >= 0 && s <= 1);
    }

    @Test
    void rawScalingPassesProbabilityScoresThroughAndRefusesOthers() {
        NabDataFile file = twoSpikes();
        double[] raw = NabRunner.streamingScores(file, Anomaly.detector("windowed-gaussian"), SCORER,
                NabRunner.Scaling.RAW);
        assertThat(raw[0]).isZero();
        assertThat(raw[350]).isEqualTo(1.0);
        assertThat(raw[10]).isBetween(0.5, 1.0);
        assertThatThrownBy(() -> NabRunner.streamingScores(file, Anomaly.detector("zscore"), SCORER,
                NabRunner.Scaling.RAW)).hasMessageContaining("cat/spikes.csv").hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> NabRunner.pipelineScores(file, Anomaly.pipeline().detector(Anomaly.detector("zscore")),
                SCORER, NabRunner.Scaling.RAW)).hasMessageContaining("outside [0, 1]");
        double[] pipeline = NabRunner.pipelineScores(file, Anomaly.pipeline().detector(Anomaly.detector("zscore"))
                .extremeValueCalibration(NabRunner.TAIL_LEVEL), SCORER, NabRunner.Scaling.EXTREME_VALUE);
        assertThat(pipeline[350]).isGreaterThan(pipeline[300]).isLessThan(1.0);
    }

    @Test
    void tailProbabilityIsOneMinusTheCalibrationWithoutCancellation() {
        EmpiricalCalibration plain = EmpiricalCalibration.fit(new double[] {4, 1, 3, 2, 5});
        assertThat(plain.tailProbability(3.5)).isEqualTo(1 - plain.calibrate(3.5));
        double[] ref = new double[1000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i / 100.0;
        }
        EmpiricalCalibration tail = EmpiricalCalibration.fitWithTail(ref, 0.9);
        assertThat(tail.calibrate(40)).isEqualTo(1.0);
        assertThat(tail.tailProbability(40)).isPositive().isLessThan(tail.tailProbability(30));
    }
}
