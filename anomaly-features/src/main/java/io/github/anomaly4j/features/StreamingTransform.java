package io.github.anomaly4j.features;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.feature.FeatureStream;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.spi.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Every transform of this module: immutable settings (and fitted parameters), a factory of per-column kernels or
 * of a whole stream, and the names of its outputs. Built only by {@link Catalog}.
 */
final class StreamingTransform implements FeatureTransform {
    /** Opens a stream for a given input width. */
    interface Opener {
        FeatureStream open(StreamingTransform t, int inputWidth);
    }

    /** Fits data-dependent parameters. */
    interface Fitter {
        FeatureTransform fit(TimeSeries training);
    }

    private final Spec spec;
    private final Record state;
    private final int warmUp;
    private final boolean perColumn;
    private final List<String> labels;
    private final Opener opener;
    private final Fitter fitter;

    StreamingTransform(Spec spec, Record state, int warmUp, boolean perColumn, List<String> labels, Opener opener,
            Fitter fitter) {
        this.spec = Objects.requireNonNull(spec);
        this.state = Objects.requireNonNull(state);
        this.warmUp = warmUp;
        this.perColumn = perColumn;
        this.labels = List.copyOf(labels);
        this.opener = opener;
        this.fitter = fitter;
    }

    /** A transform that runs one kernel per input column. */
    static Opener columnwise(IntFunction<Kernel> kernels) {
        return (t, width) -> {
            Kernel[] ks = new Kernel[width];
            for (int c = 0; c < width; c++) {
                ks[c] = kernels.apply(c);
                ks[c].transform = t.spec.toString();
            }
            return width == 1 ? ks[0] : new ColumnwiseStream(t.spec.toString(), ks, 1);
        };
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public List<String> outputNames(List<String> inputNames) {
        if (!perColumn) {
            return labels;
        }
        List<String> names = new ArrayList<>(inputNames.size() * labels.size());
        for (String input : inputNames) {
            for (String label : labels) {
                names.add(input + "." + label);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public int warmUp() {
        return warmUp;
    }

    @Override
    public FeatureTransform fit(TimeSeries training) {
        return fitter == null ? this : fitter.fit(Objects.requireNonNull(training, "training"));
    }

    @Override
    public Record state() {
        return state;
    }

    @Override
    public FeatureStream open(int inputWidth) {
        if (inputWidth < 1) {
            throw new IllegalArgumentException("'" + spec + "' needs at least 1 input column, got " + inputWidth);
        }
        return opener.open(this, inputWidth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamingTransform t && spec.equals(t.spec) && state.equals(t.state);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + state.hashCode();
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
