package io.github.anomaly4j.core;

import com.google.auto.service.AutoService;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.spi.ModelFormat;
import java.util.Map;

/**
 * The {@link ModelFormat} service backed by {@link ModelCodec} over the default plugins; it is how the
 * compatibility kits find the codec without depending on this module.
 */
@AutoService(ModelFormat.class)
public final class JsonModelFormat implements ModelFormat {

    /** Used by {@link java.util.ServiceLoader}. */
    public JsonModelFormat() {
    }

    @Override
    public String name() {
        return ModelCodec.FORMAT;
    }

    @Override
    public byte[] write(AnomalyModel model) {
        return ModelCodec.defaultCodec().encode(model);
    }

    @Override
    public AnomalyModel readAnomalyModel(byte[] bytes) {
        return ModelCodec.defaultCodec().decodeAnomalyModel(bytes);
    }

    @Override
    public byte[] write(ForecastModel model) {
        return ModelCodec.defaultCodec().encode(model,
                Provenance.of(java.time.Instant.now(), Map.of(), Map.of()));
    }

    @Override
    public ForecastModel readForecastModel(byte[] bytes) {
        return ModelCodec.defaultCodec().decodeForecastModel(bytes);
    }
}
