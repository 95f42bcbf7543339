package io.github.anomaly4j.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.StreamingDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WindowedGaussianDetectorTest {

    @Test
    void gaussianTailMatchesReferenceValues() {
        // 0.5 * erfc(z / sqrt 2) from CPython's math.erfc
        double[][] cases = {{0.5, 0.3085375387259869}, {1, 0.15865525393145707}, {2, 0.02275013194817922},
            {2.8284271247461903, 0.0023388674905236327}, {3, 0.0013498980316300957}, {5, 2.866515718791946e-07},
            {10, 7.619853024160593e-24}, {20, 2.7536241186063314e-89}, {37, 5.725571222525139e-300}};
        for (double[] c : cases) {
            assertThat(GaussianTail.upper(c[0])).as("Q(%s)", c[0])
                    .isCloseTo(c[1], within(c[1] * (c[0] < 10 ? 1e-13 : 1e-12)));
            // beyond z = 10 the rounding of z^2 / 2 inside exp() alone is worth a few 1e-14
        }
        assertThat(GaussianTail.upper(0)).isEqualTo(0.5);
        assertThat(GaussianTail.upper(50)).isZero();
        assertThat(GaussianTail.lowerOfAbs(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void seriesAndContinuedFractionAgreeWhereTheyMeet() {
        for (double x = 2.0; x <= 3.0; x += 0.125) {
            double series = 1.0 - GaussianTail.erfSeries(x);
            assertThat(GaussianTail.erfcFraction(x)).as("erfc(%s)", x)
                    .isCloseTo(series, within(2e-15)); // 1 - erf(x) is only good to a few 1e-16 absolute
        }
    }

    @Test
    void reproducesNabRawScoresShippedWithTheTests() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/nab/windowedGaussian_ec2_cpu_utilization_24ae8d_head800.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(maxDifferenceFromNab(lines)).isLessThan(1e-9);
        }
    }

    @Test
    void reproducesEveryNabRawScoreOfTheTuningSplit() throws IOException {
        String dir = System.getProperty("anomaly4j.shared");
        Path ref = dir == null ? null : Path.of(dir, "reference/nab/windowedGaussian");
        Assumptions.assumeTrue(ref != null && Files.isDirectory(ref),
                "../shared (system property anomaly4j.shared) with reference/nab/windowedGaussian is absent; "
                        + "skipping the comparison with NAB's published raw scores");
        List<Path> files;
        try (Stream<Path> s = Files.walk(ref)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("windowedGaussian_")
                    && p.getParent().getParent().equals(ref)).sorted().toList();
        }
        assertThat(files).hasSize(41);
        double worst = 0;
        for (Path f : files) {
            worst = Math.max(worst, maxDifferenceFromNab(Files.readAllLines(f)));
        }
        assertThat(worst).isLessThan(1e-9);
    }

    /** Streams a NAB results file's values through the default detector; largest |ours - NAB's|. */
    private static double maxDifferenceFromNab(List<String> lines) {
        StreamingDetector d = WindowedGaussianDetector.builder().build().newStreamingDetector(1);
        double worst = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            double score = d.update(i, new double[] {Double.parseDouble(cells[1])});
            worst = Math.max(worst, Math.abs(score - Double.parseDouble(cells[2])));
        }
        return worst;
    }

    @Test
    void slidingMatchesALiteralTranscriptionOfNabsAlgorithm() {
        SplittableRandom r = new SplittableRandom(11);
        int window = 50;
        int step = 7;
        StreamingDetector d = WindowedGaussianDetector.builder().window(window).step(step).build()
                .newStreamingDetector(1);
        List<Double> windowData = new ArrayList<>();
        List<Double> stepBuffer = new ArrayList<>();
        double mean = 0;
        double std = 1;
        for (int i = 0; i < 2000; i++) {
            double v = 1e3 + r.nextGaussian() * (i < 1000 ? 1 : 5) + (i % 300 == 0 ? 40 : 0);
            double expected = windowData.isEmpty() ? 0.0
                    : 1.0 - GaussianTail.upper(Math.abs(v - mean) / std);
            if (windowData.size() < window) {
                windowData.add(v);
            } else {
                stepBuffer.add(v);
            }
            if (windowData.size() <= window && stepBuffer.isEmpty() || stepBuffer.size() == step) {
                if (stepBuffer.size() == step) {
                    windowData.subList(0, step).clear();
                    windowData.addAll(stepBuffer);
                    stepBuffer.clear();
                }
                double m = 0;
                for (double x : windowData) {
                    m += x;
                }
                m /= windowData.size();
                double ss = 0;
                for (double x : windowData) {
                    ss += (x - m) * (x - m);
                }
                mean = m;
                std = Math.sqrt(ss / windowData.size());
                if (std == 0.0) {
                    std = 1e-6;
                }
            }
            assertThat(d.update(i, new double[] {v})).as("reading %d", i).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void aConstantSeriesUsesNabsTinyDeviation() {
        StreamingDetector d = WindowedGaussianDetector.builder().window(10).step(2).build().newStreamingDetector(1);
        for (int i = 0; i < 30; i++) {
            assertThat(d.update(i, new double[] {3.0})).isEqualTo(i == 0 ? 0.0 : 0.5);
        }
        assertThat(d.update(30, new double[] {3.000001})).isCloseTo(1 - 0.15865525393145707, within(1e-6));
        AnomalyModel m = WindowedGaussianDetector.builder().build().fit(Frame.ofRows(new double[][] {{3}, {3}}));
        assertThat(m.score(new double[] {3})).isEqualTo(0.5);
        assertThat(m.score(new double[] {3 + 3e-6})).isCloseTo(1 - 0.0013498980316300957, within(1e-9));
    }

    @Test
    void batchModelUsesTheLastWindowOfTrainingRows() {
        double[][] rows = new double[300][1];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i < 200 ? 1000 : (i % 2 == 0 ? 1 : -1); // last 100: mean 0, population sd 1
        }
        AnomalyModel m = WindowedGaussianDetector.builder().window(100).step(10).build().fit(Frame.ofRows(rows));
        assertThat(m.score(new double[] {2})).isCloseTo(1 - 0.02275013194817922, within(1e-15));
        assertThat(m.score(new double[] {-2})).isCloseTo(1 - 0.02275013194817922, within(1e-15));
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> WindowedGaussianDetector.builder().window(10).step(11).build())
                .hasMessageContaining("step must be in 1..window (10)");
        assertThatThrownBy(() -> WindowedGaussianDetector.builder().window(1))
                .hasMessageContaining("'window' must be in 2..1000000");
        assertThatThrownBy(() -> WindowedGaussianDetector.builder().step(5).step(6))
                .isInstanceOf(IllegalStateException.class);
    }
}
