package io.github.anomaly4j.arima;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.forecast.Forecast;
import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.core.Anomaly;
import io.github.anomaly4j.core.ModelCodec;
import io.github.anomaly4j.core.Provenance;
import io.github.anomaly4j.spi.Spec;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/arima.md, run. */
class ArimaDocExamplesTest {

    @Test
    void autoArimaAndThePlugin() throws IOException {
        double[] passengers = AutoArimaTest.airPassengers();
        long[] monthStarts = new long[passengers.length];
        for (int i = 0; i < monthStarts.length; i++) {
            monthStarts[i] = i * 2_629_746_000L; // an average month; ARIMA only needs equal steps
        }
        TimeSeries series = TimeSeries.of(monthStarts, "passengers", passengers);
        // snippet:begin arima-auto
        AutoArima.Result result = AutoArima.of(12).fit(passengers);
        ArimaFit best = result.best();                        // ARIMA(2,1,1)(0,1,0)[12], AICc 1018.17
        List<AutoArima.Candidate> failed = result.failed();   // e.g. near-unit-root candidates, with reasons
        // snippet:end arima-auto
        // snippet:begin arima-plugin
        Forecaster forecaster = Anomaly.forecaster(Spec.of("arima", Map.of("period", 12)));
        ForecastModel model = forecaster.fit(series);
        Forecast forecast = model.forecast(12, 0.80);         // 80 % intervals
        byte[] file = ModelCodec.defaultCodec().encode(model,
                Provenance.of(Instant.now(), Map.of("series", "AirPassengers"), Map.of()));
        ForecastModel restored = ModelCodec.defaultCodec().decodeForecastModel(file);
        // snippet:end arima-plugin
        assertThat(best.order()).isEqualTo(ArimaOrder.of(2, 1, 1, 0, 1, 0, 12));
        assertThat(failed).isNotEmpty();
        assertThat(forecast.horizon()).isEqualTo(12);
        assertThat(restored.forecast(12, 0.80)).isEqualTo(forecast);
        assertThat(((ArimaModel) model).order()).isEqualTo(best.order());
    }
}
