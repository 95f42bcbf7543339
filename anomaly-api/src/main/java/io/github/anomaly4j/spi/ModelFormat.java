package io.github.anomaly4j.spi;

import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.forecast.ForecastModel;

/**
 * A model file format, found with {@link java.util.ServiceLoader}. {@code anomaly-core} provides the JSON format;
 * the compatibility kits use whichever is on the test class path to prove that a plugin's models survive a round
 * trip through a file.
 */
public interface ModelFormat {

    /** @return the format name written into files, e.g. {@code "anomaly4j-model"} */
    String name();

    /**
     * @param model a fitted model
     * @return the file's bytes
     */
    byte[] write(AnomalyModel model);

    /**
     * @param bytes a file written by {@link #write(AnomalyModel)}
     * @return the model
     */
    AnomalyModel readAnomalyModel(byte[] bytes);

    /**
     * @param model a fitted model
     * @return the file's bytes
     */
    byte[] write(ForecastModel model);

    /**
     * @param bytes a file written by {@link #write(ForecastModel)}
     * @return the model
     */
    ForecastModel readForecastModel(byte[] bytes);
}
