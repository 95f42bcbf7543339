package io.github.anomaly4j.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.detect.StreamingDetector;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Streaming statistics against from-scratch recomputation over the same window. */
class RollingDetectorProperties {

    @Provide
    Arbitrary<List<Double>> series() {
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> offset = Arbitraries.doubles().between(-1, 1).map(d -> 1e9 + d);
        Arbitrary<Double> tiny = Arbitraries.doubles().between(-1, 1).map(d -> d * 1e-200);
        Arbitrary<Double> repeated = Arbitraries.of(3.0, 3.0, 3.0, -2.5);
        Arbitrary<Double> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, ordinary), net.jqwik.api.Tuple.of(2, offset),
                net.jqwik.api.Tuple.of(1, tiny), net.jqwik.api.Tuple.of(2, repeated));
        return values.list().ofMinSize(2).ofMaxSize(300);
    }

    @Property(tries = 200)
    void rollingZScoreMatchesAnExactRecomputationOfTheWindow(@ForAll("series") List<Double> xs,
            @ForAll @IntRange(min = 2, max = 40) int window) {
        StreamingDetector s = ZScoreDetector.builder().window(window).warmUp(2).build().newStreamingDetector(1);
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.get(i);
            double got = s.update(i, new double[] {x});
            if (i < 2) {
                assertThat(got).isZero();
                continue;
            }
            double[] win = xs.subList(Math.max(0, i - window), i).stream().mapToDouble(Double::doubleValue)
                    .toArray();
            double expected = exactZ(win, x);
            assertClose(got, expected, 1e-7);
        }
    }

    @Property(tries = 200)
    void rollingMadMatchesANaiveRecomputationOfTheWindow(@ForAll("series") List<Double> xs,
            @ForAll @IntRange(min = 2, max = 40) int window) {
        StreamingDetector s = MadDetector.builder().window(window).warmUp(2).build().newStreamingDetector(1);
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.get(i);
            double got = s.update(i, new double[] {x});
            if (i < 2) {
                continue;
            }
            double[] win = xs.subList(Math.max(0, i - window), i).stream().mapToDouble(Double::doubleValue)
                    .toArray();
            assertClose(got, naiveMadZ(win, x), 1e-12);
        }
    }

    @Property(tries = 100)
    void snapshotAndRestoreMidStreamGiveBitIdenticalScores(@ForAll("series") List<Double> xs,
            @ForAll @IntRange(min = 2, max = 20) int window, @ForAll boolean mad) {
        StreamingDetector a = detector(mad, window);
        int cut = xs.size() / 2;
        for (int i = 0; i < cut; i++) {
            a.update(i, new double[] {xs.get(i)});
        }
        StreamingDetector b = detector(mad, window);
        b.restore(a.snapshot());
        for (int i = cut; i < xs.size(); i++) {
            double[] x = {xs.get(i)};
            assertThat(Double.doubleToRawLongBits(b.update(i, x))).isEqualTo(Double.doubleToRawLongBits(
                    a.update(i, x)));
        }
    }

    private static StreamingDetector detector(boolean mad, int window) {
        return mad ? MadDetector.builder().window(window).warmUp(2).build().newStreamingDetector(1)
                : ZScoreDetector.builder().window(window).warmUp(2).build().newStreamingDetector(1);
    }

    private static void assertClose(double got, double expected, double rel) {
        if (expected >= Double.MAX_VALUE / 2) {
            assertThat(got).isGreaterThan(Double.MAX_VALUE / 4);
            return;
        }
        assertThat(Math.abs(got - expected)).as("got %s, expected %s", got, expected)
                .isLessThanOrEqualTo(rel * Math.max(1.0, Math.abs(expected)));
    }

    /** z-score with the window's mean and sample deviation computed exactly in BigDecimal. */
    private static double exactZ(double[] win, double x) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : win) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal n = BigDecimal.valueOf(win.length);
        BigDecimal mean = sum.divide(n, mc);
        BigDecimal ss = BigDecimal.ZERO;
        for (double v : win) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            ss = ss.add(d.multiply(d));
        }
        double sd = ss.divide(BigDecimal.valueOf(win.length - 1L), mc).sqrt(mc).doubleValue();
        double m = mean.doubleValue();
        double scale = Math.max(sd, Robust.scaleFloor(m));
        double z = new BigDecimal(x).subtract(mean).abs().doubleValue() / scale;
        return Math.min(z, Double.MAX_VALUE);
    }

    /** Modified z-score by sorting and the textbook definitions. */
    private static double naiveMadZ(double[] win, double x) {
        double[] s = win.clone();
        Arrays.sort(s);
        int n = s.length;
        double med = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        double[] dev = new double[n];
        double meanAd = 0;
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(s[i] - med);
            meanAd += dev[i] / n;
        }
        Arrays.sort(dev);
        double mad = n % 2 == 1 ? dev[n / 2] : (dev[n / 2 - 1] + dev[n / 2]) / 2;
        double scale = mad > 0 ? mad * Robust.MAD_TO_SIGMA : meanAd * Robust.MEAN_AD_TO_SIGMA;
        scale = Math.max(scale, Robust.scaleFloor(med));
        return Math.min(Math.abs(x - med) / scale, Double.MAX_VALUE);
    }
}
