package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random pipelines of means, variances, standard deviations and z-scores over two columns, with equal and unequal
 * windows (so some kernels follow others and some cannot), under every NaN policy, gap resets (which reopen and
 * re-pair the kernels) and restores into fresh runs: every feature and every stream snapshot must be exactly that
 * of a stream of its own fed the values the policy defines.
 */
class MomentsFollowerTest {
    private static FeatureTransform pick(int kind, int w) {
        return switch (kind) {
            case 0 -> Features.rollingMean(w);
            case 1 -> Features.rollingVariance(w);
            case 2 -> Features.rollingStd(w);
            default -> Features.rollingZScore(w);
        };
    }

    @Test
    void randomPipelinesEqualOwnStreamsThroughPoliciesGapsAndRestores() {
        SplittableRandom rnd = new SplittableRandom(20261202_5L);
        int shared = 0;
        for (int trial = 0; trial < 30; trial++) {
            NanPolicy policy = NanPolicy.values()[trial % 3];
            int count = 3 + rnd.nextInt(8);
            List<FeatureTransform> ts = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> spreads = new ArrayList<>();
            FeaturePipeline.Builder b = FeaturePipeline.builder("a", "b").nanPolicy(policy)
                    .maxGap(Duration.ofMillis(100), GapPolicy.RESET);
            for (int i = 0; i < count; i++) {
                int kind = rnd.nextInt(4);
                int w = 2 + rnd.nextInt(4);
                FeatureTransform t = pick(kind, w);
                int c = rnd.nextInt(4) == 0 ? 1 : 0;
                if (names.contains(c + ":" + kind + ":" + w)) {
                    continue;
                }
                names.add(c + ":" + kind + ":" + w);
                if (kind != 0) {
                    String key = c + ":" + w;
                    if (spreads.contains(key)) {
                        shared++;
                    }
                    spreads.add(key);
                }
                ts.add(t);
                cols.add(c);
                b.add(t, c == 0 ? "a" : "b");
            }
            FeaturePipeline p = b.build();
            FeaturePipeline.Run run = p.open();
            List<FeatureStream> own = open(ts);
            double[] carried = {Double.NaN, Double.NaN};
            double[] out = new double[p.width()];
            double[] one = new double[1];
            long time = 0;
            for (int i = 0; i < 800; i++) {
                boolean gap = rnd.nextInt(150) == 0;
                time += gap ? 1_000 : 1 + rnd.nextInt(10);
                if (gap) {
                    own = open(ts);
                    carried[0] = Double.NaN;
                    carried[1] = Double.NaN;
                }
                double[] in = new double[2];
                for (int c = 0; c < 2; c++) {
                    int r = rnd.nextInt(10);
                    in[c] = r == 0 ? Double.NaN : r < 4 ? 7.0 : 1e8 + rnd.nextGaussian();
                }
                run.apply(time, in, out);
                boolean skipped = policy == NanPolicy.SKIP && (in[0] != in[0] || in[1] != in[1]);
                double[] v = new double[2];
                for (int c = 0; c < 2; c++) {
                    v[c] = in[c];
                    if (!skipped && in[c] == in[c]) {
                        carried[c] = in[c];
                    } else if (policy == NanPolicy.CARRY_FORWARD) {
                        v[c] = carried[c];
                    }
                }
                for (int j = 0; j < ts.size(); j++) {
                    double expected = Double.NaN;
                    if (!skipped) {
                        own.get(j).apply(time, new double[] {v[cols.get(j)]}, one);
                        expected = one[0];
                    }
                    assertThat(Double.doubleToRawLongBits(out[j])).as("trial %d %s feature %d (%s) at %d", trial,
                            policy, j, ts.get(j), i).isEqualTo(Double.doubleToRawLongBits(expected));
                }
                if (i % 101 == 50) {
                    FeaturePipeline.Snapshot snap = run.snapshot();
                    for (int j = 0; j < ts.size(); j++) {
                        assertThat(snap.streams().get(j)).as("trial %d snapshot %d", trial, j)
                                .isEqualTo(own.get(j).snapshot());
                    }
                    run = p.open();
                    run.restore(snap);
                }
            }
        }
        // spreads over the same column and window: the pairs that share an update
        assertThat(shared).isGreaterThan(10);
    }

    private static List<FeatureStream> open(List<FeatureTransform> ts) {
        List<FeatureStream> own = new ArrayList<>();
        for (FeatureTransform t : ts) {
            own.add(t.open(1));
        }
        return own;
    }
}
