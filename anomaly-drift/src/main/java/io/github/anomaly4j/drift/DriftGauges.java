package io.github.anomaly4j.drift;

import io.github.anomaly4j.api.drift.DriftResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Micrometer gauges for a {@link DriftMonitor}: {@code anomaly4j.drift.statistic} and {@code anomaly4j.drift.pvalue}
 * with tags {@code monitor}, {@code channel} and {@code test}, reading the latest check (NaN before the first
 * check, and as the p-value of tests that define none).
 *
 * <p>This is the only class in the module that touches Micrometer, which is an optional dependency: load it only
 * when Micrometer is on the class path ({@code new DriftGauges(monitor).bindTo(registry)}).
 */
public final class DriftGauges implements MeterBinder {
    /** Gauge name of the latest statistic. */
    public static final String STATISTIC = "anomaly4j.drift.statistic";
    /** Gauge name of the latest p-value. */
    public static final String P_VALUE = "anomaly4j.drift.pvalue";

    private final DriftMonitor monitor;

    /**
     * @param monitor the monitor to expose
     */
    public DriftGauges(DriftMonitor monitor) {
        this.monitor = java.util.Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<String> channels = monitor.channels();
        for (int c = 0; c < channels.size(); c++) {
            String channel = channels.get(c);
            for (int t = 0; t < monitor.tests().size(); t++) {
                String test = monitor.tests().get(t).id();
                int ti = t;
                Gauge.builder(STATISTIC, monitor, m -> value(m, channel, ti, false))
                        .tags("monitor", monitor.name(), "channel", channel, "test", test)
                        .description("latest drift statistic").register(registry);
                Gauge.builder(P_VALUE, monitor, m -> value(m, channel, ti, true))
                        .tags("monitor", monitor.name(), "channel", channel, "test", test)
                        .description("latest drift p-value (NaN for tests without one)").register(registry);
            }
        }
    }

    private static double value(DriftMonitor m, String channel, int test, boolean pValue) {
        List<DriftResult> results = m.latest().get(channel);
        if (results == null || test >= results.size()) {
            return Double.NaN;
        }
        DriftResult r = results.get(test);
        return pValue ? r.pValue() : r.statistic();
    }
}
