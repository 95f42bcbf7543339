package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.feature.FeatureStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rolling quantile's sorted slice at its edges: few distinct values (ties across both slice edges), both
 * zeros, the extreme finite magnitudes, windows of 1 and 2, quantiles 0 and 1, restores at many points, and the
 * pipeline's NaN policies and gap reset. Every output must equal sorting the window, bit for bit.
 */
class QuantileEdgeTest {
    private static final double[] ALPHABET = {-0.0, 0.0, 1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_VALUE, -Double.MIN_VALUE, 3.0, 0.5};

    private static double reference(List<Double> fed, int w, double q) {
        if (fed.size() < w) {
            return Double.NaN;
        }
        double[] win = new double[w];
        for (int i = 0; i < w; i++) {
            win[i] = fed.get(fed.size() - w + i) + 0.0;
        }
        return StreamingProperties.sortedQuantile(win, q) + 0.0;
    }

    private static double[] series(SplittableRandom rnd, int length, int distinct) {
        double[] x = new double[length];
        int mode = rnd.nextInt(3);
        for (int i = 0; i < length; i++) {
            if (mode == 0) {
                x[i] = ALPHABET[rnd.nextInt(distinct)];
            } else if (mode == 1) {
                // alternating huge and small with drifting ties: forces the slice to move on both sides
                x[i] = (i & 1) == 0 ? ALPHABET[4 + rnd.nextInt(2)] : rnd.nextInt(distinct);
            } else {
                x[i] = i > 0 && rnd.nextInt(4) != 0 ? x[i - 1] : ALPHABET[rnd.nextInt(distinct)];
            }
        }
        return x;
    }

    private static void assertSame(double actual, double expected, String what) {
        assertThat(Double.doubleToRawLongBits(actual)).as("%s: got %s, expected %s", what, actual, expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void fewDistinctValuesZerosAndExtremesEqualSortingTheWindow() {
        SplittableRandom rnd = new SplittableRandom(5_20261202L);
        double[] quantiles = {0.0, 1.0, 0.5, 0.25, 0.75, 1e-9, 1 - 1e-9, 0.3};
        int checked = 0;
        for (int trial = 0; trial < 120; trial++) {
            int w = trial < 16 ? 1 + trial % 3 : 1 + rnd.nextInt(trial < 80 ? 40 : 140);
            double q = trial % 2 == 0 ? quantiles[trial / 2 % quantiles.length] : rnd.nextDouble();
            double[] x = series(rnd, 600, 2 + rnd.nextInt(ALPHABET.length - 1));
            FeatureStream s = Features.rollingQuantile(w, q).open(1);
            List<FeatureStream> restored = new ArrayList<>();
            List<Double> fed = new ArrayList<>();
            double[] in = new double[1];
            double[] out = new double[1];
            for (int i = 0; i < x.length; i++) {
                in[0] = x[i];
                s.apply(i, in, out);
                fed.add(x[i]);
                String what = "w=" + w + " q=" + q + " at " + i;
                assertSame(out[0], reference(fed, w, q), what);
                for (FeatureStream r : restored) {
                    double[] o = new double[1];
                    r.apply(i, in, o);
                    assertSame(o[0], out[0], "restored " + what);
                }
                if (i % 97 == w % 97 && restored.size() < 4) {
                    FeatureStream r = Features.rollingQuantile(w, q).open(1);
                    r.restore(s.snapshot());
                    restored.add(r);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(120 * 600);
    }

    @Test
    void aRestoredWindowHoldingNegativeZeroEqualsSortingTheWindow() {
        // a snapshot written by hand (or by another writer) may hold -0.0: the restored kernel must still agree
        // with the definition, which does not tell the zeros apart
        int w = 6;
        for (double q : new double[] {0.0, 0.2, 0.5, 1.0}) {
            FeatureStream s = Features.rollingQuantile(w, q).open(1);
            double[] out = new double[1];
            double[] init = {0.0, 1.0, 0.0, -1.0, 0.0, 2.0};
            for (int i = 0; i < w; i++) {
                s.apply(i, new double[] {init[i]}, out);
            }
            TransformSnapshot snap = (TransformSnapshot) s.snapshot();
            ColumnSnapshot col = snap.columns().get(0);
            double[] v = col.values().clone();
            for (int i = 2; i < v.length; i++) {
                if (v[i] == 0.0) {
                    v[i] = -0.0;
                }
            }
            TransformSnapshot tampered = new TransformSnapshot(snap.transform(), snap.inputWidth(),
                    List.of(new ColumnSnapshot(col.counters().clone(), v)));
            FeatureStream r = Features.rollingQuantile(w, q).open(1);
            r.restore(tampered);
            List<Double> fed = new ArrayList<>();
            for (double d : init) {
                fed.add(d);
            }
            double[] next = {0.0, 0.0, 5.0, -0.0, -3.0, 0.0, 0.0, 0.0, 7.0, -7.0};
            for (int i = 0; i < next.length; i++) {
                r.apply(w + i, new double[] {next[i]}, out);
                fed.add(next[i]);
                assertSame(out[0], reference(fed, w, q), "q=" + q + " after restore, step " + i);
            }
        }
    }

    @Test
    void nanPoliciesAndGapResetFeedTheQuantileTheDocumentedValues() {
        SplittableRandom rnd = new SplittableRandom(77L);
        int w = 9;
        double q = 0.4;
        for (NanPolicy policy : NanPolicy.values()) {
            FeaturePipeline p = FeaturePipeline.builder("a").nanPolicy(policy)
                    .maxGap(Duration.ofMillis(50), GapPolicy.RESET)
                    .add(Features.rollingQuantile(w, q), "a").add(Features.rollingMedian(2), "a").build();
            FeaturePipeline.Run run = p.open();
            List<Double> fed = new ArrayList<>();
            double lastFinite = Double.NaN;
            long t = 0;
            double[] out = new double[2];
            for (int i = 0; i < 3000; i++) {
                boolean gap = rnd.nextInt(400) == 0;
                t += gap ? 1000 : 1 + rnd.nextInt(5);
                if (gap) {
                    fed.clear();
                    lastFinite = Double.NaN;
                }
                double x = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(6) - 2.5;
                run.apply(t, new double[] {x}, out);
                double value = x == x ? x : policy == NanPolicy.CARRY_FORWARD ? lastFinite : Double.NaN;
                if (x == x) {
                    lastFinite = x;
                }
                double e0 = Double.NaN;
                double e1 = Double.NaN;
                if (value == value) {
                    fed.add(value);
                    e0 = reference(fed, w, q);
                    e1 = reference(fed, 2, 0.5);
                }
                if (x != x && policy == NanPolicy.SKIP) {
                    e0 = Double.NaN;
                    e1 = Double.NaN;
                }
                assertSame(out[0], e0, policy + " quantile at " + i);
                assertSame(out[1], e1, policy + " median of 2 at " + i);
                if (i == 1500) {
                    FeaturePipeline.Run r = p.open();
                    r.restore(run.snapshot());
                    run = r;
                }
            }
        }
    }

    @Test
    void aNewMinimumAtQuantileZeroOrMaximumAtOneNeedsNoPassOverTheWindow() {
        // a falling series at q = 0 (a rising one at q = 1) brings a new extreme every update; extending the slice
        // by it must not cost a pass over the window each time (it did: O(n) per update)
        int w = 500;
        for (double q : new double[] {0.0, 1.0, 0.5}) {
            for (int sign : new int[] {-1, 1}) {
                QuantileKernel k = (QuantileKernel) Features.rollingQuantile(w, q).open(1);
                List<Double> fed = new ArrayList<>();
                double[] out = new double[1];
                for (int i = 0; i < 5_000; i++) {
                    double x = sign * i * 0.25;
                    k.apply(i, new double[] {x}, out);
                    fed.add(x);
                    if (i % 37 == 0 || i > 4_990) {
                        assertSame(out[0], reference(fed, w, q), "q=" + q + " sign " + sign + " at " + i);
                    }
                }
                // otherwise a trend still refills one side about every SPARE updates (amortised O(n / SPARE))
                boolean newExtreme = q == 0.0 && sign < 0 || q == 1.0 && sign > 0;
                long limit = newExtreme ? 5 : 2L * 5_000 / QuantileKernel.SPARE;
                assertThat(k.passes).as("passes over the window, q=%s sign %d", q, sign).isLessThanOrEqualTo(limit);
            }
        }
    }
}
