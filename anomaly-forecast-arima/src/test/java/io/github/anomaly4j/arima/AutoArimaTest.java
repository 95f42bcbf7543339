package io.github.anomaly4j.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.forecast.Forecast;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutoArimaTest {

    static double[] airPassengers() throws IOException {
        try (InputStream in = AutoArimaTest.class.getResourceAsStream("/arima/series_airpassengers.csv")) {
            return StatsmodelsReferenceTest.parseSeries(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void picksTheSameModelAsRsAutoArimaOnAirPassengers() throws IOException {
        AutoArima.Result r = AutoArima.of(12).fit(airPassengers());
        r.candidates().forEach(System.out::println);
        ArimaFit best = r.best();
        System.out.println(best);
        assertThat(best.order()).isEqualTo(ArimaOrder.of(2, 1, 1, 0, 1, 0, 12));
        assertThat(best.logLikelihood()).isCloseTo(-504.92, within(0.01));
        assertThat(best.aic()).isCloseTo(1017.85, within(0.01));
        assertThat(best.aicc()).isCloseTo(1018.17, within(0.01));
        assertThat(best.bic()).isCloseTo(1029.35, within(0.01));
        double[] r12 = {445.63, 420.39, 449.20, 491.84, 503.39, 566.86, 654.26, 638.60, 540.88, 494.13, 423.33,
            465.51};
        Forecast f = best.model().forecast(12, 0.95);
        for (int h = 0; h < 12; h++) {
            assertThat(f.mean()[h]).as("h=%d", h + 1).isCloseTo(r12[h], within(0.02));
        }
    }
}
