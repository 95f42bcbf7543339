package io.github.anomaly4j.tck;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.spi.ModelFormat;
import java.nio.charset.StandardCharsets;

/**
 * A model format for the kit's own tests, standing in for anomaly-core's JSON codec (which this module must not
 * depend on). It knows one plugin, {@link MeanDistanceDetector}, and writes three lines: the format and its
 * version, the model type, and the means as raw IEEE 754 bits in hex, so that the round trip is exact.
 */
public final class MeanDistanceTextFormat implements ModelFormat {
    private static final String HEADER = "mean-distance-text 1";

    /** For {@link java.util.ServiceLoader}. */
    public MeanDistanceTextFormat() {
    }

    @Override
    public String name() {
        return "mean-distance-text";
    }

    @Override
    public byte[] write(AnomalyModel model) {
        if (!(model.state() instanceof MeanDistanceState state)) {
            throw new IllegalArgumentException("format '" + name() + "' writes only " + MeanDistanceDetector.ID
                    + " models, got type '" + model.type() + "'");
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(model.type()).append('\n');
        for (double m : state.mean()) {
            text.append(Long.toHexString(Double.doubleToRawLongBits(m))).append(' ');
        }
        return text.toString().trim().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AnomalyModel readAnomalyModel(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 3 || !lines[0].equals(HEADER)) {
            throw new ModelFormatException("not a " + HEADER + " file of three lines");
        }
        if (!lines[1].equals(MeanDistanceDetector.ID)) {
            throw new ModelFormatException("format '" + name() + "' reads only " + MeanDistanceDetector.ID
                    + " models, got type '" + lines[1] + "'");
        }
        String[] words = lines[2].split(" ");
        double[] mean = new double[words.length];
        try {
            for (int j = 0; j < words.length; j++) {
                mean[j] = Double.longBitsToDouble(Long.parseUnsignedLong(words[j], 16));
            }
        } catch (NumberFormatException e) {
            throw new ModelFormatException("mean line is not hex IEEE 754 bits: '" + lines[2] + "'", e);
        }
        return new MeanDistanceProvider().restore(new MeanDistanceState(mean));
    }

    @Override
    public byte[] write(ForecastModel model) {
        throw new UnsupportedOperationException("format '" + name() + "' has no forecast models");
    }

    @Override
    public ForecastModel readForecastModel(byte[] bytes) {
        throw new UnsupportedOperationException("format '" + name() + "' has no forecast models");
    }
}
