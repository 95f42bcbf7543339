package io.github.anomaly4j.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * In a pipeline, a variance, standard deviation or z-score over the same column and window as an earlier one
 * shares that one's update. Its features and its snapshot must be exactly those of its own stream, through NaN
 * gaps, a restore in the middle, and a restore of states that differ (which must not be shared).
 */
class SharedMomentsTest {
    private static final int W = 12;

    private static List<FeatureTransform> transforms() {
        return List.of(Features.rollingStd(W), Features.rollingZScore(W), Features.rollingMean(W),
                Features.rollingVariance(W), Features.rollingStd(W + 1), Features.rollingVariance(W + 1));
    }

    private static FeaturePipeline pipeline(NanPolicy policy) {
        FeaturePipeline.Builder b = FeaturePipeline.builder("a", "b").nanPolicy(policy);
        for (FeatureTransform t : transforms()) {
            b.add(t, "a");
        }
        return b.add(Features.rollingZScore(W), "b").build();
    }

    private static double[][] series(long seed, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[length][2];
        for (int i = 0; i < length; i++) {
            x[i][0] = rnd.nextInt(12) == 0 ? Double.NaN : i % 97 < 20 ? 5.0 : 1e6 + rnd.nextGaussian() * 1e-3;
            x[i][1] = rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void sharedFeaturesAndSnapshotsEqualOwnStreams() {
        for (NanPolicy policy : new NanPolicy[] {NanPolicy.EMIT_NAN, NanPolicy.CARRY_FORWARD}) {
            double[][] x = series(7, 600);
            FeaturePipeline p = pipeline(policy);
            FeaturePipeline.Run run = p.open();
            FeaturePipeline.Run resumed = null;
            List<FeatureStream> own = new ArrayList<>();
            for (FeatureTransform t : transforms()) {
                own.add(t.open(1));
            }
            double carried = Double.NaN;
            double[] out = new double[p.width()];
            double[] out2 = new double[p.width()];
            double[] one = new double[1];
            for (int i = 0; i < x.length; i++) {
                long ts = 1_000L * (i + 1);
                run.apply(ts, x[i], out);
                double v = x[i][0];
                if (v == v) {
                    carried = v;
                } else if (policy == NanPolicy.CARRY_FORWARD) {
                    v = carried;
                }
                for (int j = 0; j < own.size(); j++) {
                    own.get(j).apply(ts, new double[] {v}, one);
                    assertThat(Double.doubleToRawLongBits(out[j])).as("%s feature %d at %d", policy, j, i)
                            .isEqualTo(Double.doubleToRawLongBits(one[0]));
                }
                if (resumed != null) {
                    resumed.apply(ts, x[i], out2);
                    assertThat(out2).as("%s resumed at %d", policy, i).isEqualTo(out);
                }
                if (i == 300) {
                    FeaturePipeline.Snapshot snap = run.snapshot();
                    for (int j = 0; j < own.size(); j++) {
                        assertThat(snap.streams().get(j)).as("%s snapshot of feature %d", policy, j)
                                .isEqualTo(own.get(j).snapshot());
                    }
                    resumed = p.open();
                    resumed.restore(snap);
                    assertThat(resumed.snapshot()).isEqualTo(snap);
                }
            }
        }
    }

    @Test
    void statesThatDifferAreNotShared() {
        // the std and the first z-score over column a come from streams that saw different values
        double[][] x = series(11, 200);
        double[][] other = series(12, 200);
        FeaturePipeline p = pipeline(NanPolicy.EMIT_NAN);
        FeaturePipeline.Run a = p.open();
        FeaturePipeline.Run b = p.open();
        double[] out = new double[p.width()];
        for (int i = 0; i < x.length; i++) {
            a.apply(1_000L * (i + 1), x[i], out);
            b.apply(1_000L * (i + 1), other[i], out);
        }
        FeaturePipeline.Snapshot sa = a.snapshot();
        FeaturePipeline.Snapshot sb = b.snapshot();
        List<Record> mixed = new ArrayList<>(sa.streams());
        mixed.set(1, sb.streams().get(1));
        FeaturePipeline.Snapshot snap = new FeaturePipeline.Snapshot(sa.pipeline(), sa.accepted(), sa.lastTimestamp(),
                sa.started(), sa.lastFinite(), mixed);
        FeaturePipeline.Run run = p.open();
        run.restore(snap);
        FeatureStream std = Features.rollingStd(W).open(1);
        std.restore(sa.streams().get(0));
        FeatureStream z = Features.rollingZScore(W).open(1);
        z.restore(sb.streams().get(1));
        double[] one = new double[1];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            long ts = 1_000L * (x.length + i + 1);
            double v = rnd.nextGaussian();
            run.apply(ts, new double[] {v, 0.0}, out);
            std.apply(ts, new double[] {v}, one);
            assertThat(out[0]).isEqualTo(one[0]);
            z.apply(ts, new double[] {v}, one);
            assertThat(out[1]).as("z-score restored from another history at %d", i).isEqualTo(one[0]);
        }
        assertThat(run.snapshot().streams().get(1)).isEqualTo(z.snapshot());
    }
}
