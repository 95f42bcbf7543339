package io.github.anomaly4j.features;

import io.github.anomaly4j.api.feature.FeatureTransform;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A {@link FeaturePipeline} run calls one-column kernels directly (not through {@code FeatureStream.apply}): its
 * features must be, bit for bit, what each transform's own stream gives on the same column, for missing values
 * passed on as NaN or carried forward, next to a transform that reads two columns (the general path).
 */
class PipelineDirectPathProperties {
    @Provide
    Arbitrary<SeriesGen> series() {
        return SeriesGen.series(300);
    }

    @Property(tries = 60)
    void pipelineFeaturesEqualEachTransformsOwnStream(@ForAll("series") SeriesGen s,
            @ForAll @IntRange(min = 1, max = 30) int w) {
        for (NanPolicy policy : new NanPolicy[] {NanPolicy.EMIT_NAN, NanPolicy.CARRY_FORWARD}) {
            double[] v = s.values().clone();
            if (policy == NanPolicy.CARRY_FORWARD) {
                double last = Double.NaN;
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.isNaN(v[i]) ? last : v[i];
                    last = v[i];
                }
            }
            SeriesGen seen = new SeriesGen(s.times(), v, s.description());
            List<FeatureTransform> ts = StreamingProperties.all(s, w);
            FeaturePipeline.Builder b = FeaturePipeline.builder("a", "v").nanPolicy(policy);
            b.add(Features.ewma(0.5));
            for (FeatureTransform t : ts) {
                b.add(t, "v");
            }
            FeaturePipeline p = b.build();
            FeaturePipeline.Run run = p.open();
            double[][] expected = new double[v.length][];
            double[][][] ownStreams = new double[ts.size()][][];
            for (int j = 0; j < ts.size(); j++) {
                ownStreams[j] = StreamingProperties.straight(ts.get(j), seen);
            }
            double[][] got = new double[v.length][p.width()];
            for (int i = 0; i < v.length; i++) {
                run.apply(s.times()[i], new double[] {i, s.values()[i]}, got[i]);
                double[] row = new double[p.width()];
                int k = 2; // the two-column EWMA comes first
                System.arraycopy(got[i], 0, row, 0, 2);
                for (double[][] own : ownStreams) {
                    for (double x : own[i]) {
                        row[k++] = x;
                    }
                }
                expected[i] = row;
            }
            StreamingProperties.assertBitIdentical(got, expected, policy + " pipeline vs own streams");
        }
    }
}
