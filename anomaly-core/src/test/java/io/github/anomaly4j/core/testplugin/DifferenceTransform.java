package io.github.anomaly4j.core.testplugin;

import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only feature transform: the first difference of every input column. Enough to prove warm-up, feature
 * names, stream state and codec round trips through pipelines before the real features module exists.
 */
public final class DifferenceTransform implements FeatureTransform {
    public static final String ID = "test-difference";

    /** State: nothing fitted, only a scale factor to prove state travels through the codec. */
    public record State(double factor) {
        public State {
            if (!(factor > 0 && Double.isFinite(factor))) {
                throw new IllegalArgumentException("factor must be positive, got " + factor);
            }
        }
    }

    /** Stream state. */
    public record StreamState(boolean primed, double[] previous) {
    }

    private final double factor;

    public DifferenceTransform(double factor) {
        this.factor = new State(factor).factor();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Spec spec() {
        return Spec.of(ID).with("factor", factor);
    }

    @Override
    public List<String> outputNames(List<String> inputNames) {
        List<String> out = new ArrayList<>();
        for (String n : inputNames) {
            out.add(n + "_diff");
        }
        return out;
    }

    @Override
    public int warmUp() {
        return 1;
    }

    @Override
    public Record state() {
        return new State(factor);
    }

    @Override
    public FeatureStream open(int inputWidth) {
        return new FeatureStream() {
            private final double[] previous = new double[inputWidth];
            private boolean primed;

            @Override
            public int outputWidth() {
                return inputWidth;
            }

            @Override
            public void apply(long timestamp, double[] in, double[] out) {
                for (int j = 0; j < inputWidth; j++) {
                    out[j] = primed ? (in[j] - previous[j]) * factor : 0.0;
                    previous[j] = in[j];
                }
                primed = true;
            }

            @Override
            public Record snapshot() {
                return new StreamState(primed, previous.clone());
            }

            @Override
            public void restore(Record snapshot) {
                StreamState s = (StreamState) snapshot;
                primed = s.primed();
                System.arraycopy(s.previous(), 0, previous, 0, inputWidth);
            }
        };
    }
}
