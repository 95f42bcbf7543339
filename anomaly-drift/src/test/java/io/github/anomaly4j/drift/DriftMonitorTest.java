package io.github.anomaly4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.anomaly4j.api.drift.DriftResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void freezesTheFirstReadingsAsReferenceThenChecksEveryNReadings() {
        List<DriftEvent> events = new ArrayList<>();
        DriftMonitor m = Drift.monitor().name("m").features("x").tests(Drift.ks(), Drift.psi())
                .referenceWindow(100).currentWindow(50).checkEveryReadings(10).clock(new ManualClock(T0))
                .afterDrift(DriftMonitor.AfterDrift.KEEP).listener(events::add).build();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertThat(m.update(r.nextGaussian())).isNull();
        }
        assertThat(m.referenceSize("x")).isEqualTo(100);
        assertThat(m.currentSize("x")).isZero();
        for (int i = 0; i < 59; i++) {
            m.update(r.nextGaussian());
        }
        // the current window fills at reading 150: the first check, then every 10 readings
        assertThat(events).hasSize(1);
        assertThat(events.get(0).reading()).isEqualTo(150);
        assertThat(events.get(0).id()).isEqualTo("m-drift-1");
        assertThat(events.get(0).results().get("x")).extracting(DriftResult::test).containsExactly("ks", "psi");
        assertThat(events.get(0).current("x")).hasSize(50);
        for (int i = 0; i < 20; i++) {
            m.update(r.nextGaussian());
        }
        assertThat(events).extracting(DriftEvent::reading).containsExactly(150L, 160L, 170L);
        assertThat(m.latest()).containsKey("x");
    }

    @Test
    void timeScheduleFollowsTheInjectedClock() {
        ManualClock clock = new ManualClock(T0);
        List<DriftEvent> events = new ArrayList<>();
        DriftMonitor m = Drift.monitor().features("x").reference("x", SeededSamples.normal(2, 300, 0))
                .currentWindow(20).checkInterval(Duration.ofMinutes(5)).clock(clock).listener(events::add).build();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            m.update(r.nextGaussian());
        }
        assertThat(events).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        m.update(r.nextGaussian());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).time()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        m.update(r.nextGaussian());
        assertThat(events).hasSize(1);
        clock.advance(Duration.ofMinutes(4));
        m.update(r.nextGaussian());
        assertThat(events).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        m.update(r.nextGaussian());
        assertThat(events).hasSize(2);
    }

    @Test
    void memoryIsFixedWhateverTheStreamLength() {
        DriftMonitor m = Drift.monitor().features("a", "b").score("score").referenceWindow(64).currentWindow(32)
                .checkEveryReadings(1000).afterDrift(DriftMonitor.AfterDrift.KEEP).build();
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 20_000; i++) {
            m.update(new double[] {r.nextGaussian(), r.nextDouble()}, r.nextGaussian());
        }
        for (String c : List.of("a", "b", "score")) {
            assertThat(m.referenceSize(c)).isEqualTo(64);
            assertThat(m.currentSize(c)).isEqualTo(32);
        }
        assertThat(m.readings()).isEqualTo(20_000);
        assertThat(m.channels()).containsExactly("a", "b", "score");
    }

    @Test
    void theCurrentWindowHoldsTheMostRecentValuesInOrder() {
        SlidingWindow w = new SlidingWindow(4);
        for (int i = 1; i <= 3; i++) {
            w.add(i);
        }
        assertThat(w.toArray()).containsExactly(1, 2, 3);
        for (int i = 4; i <= 9; i++) {
            w.add(i);
        }
        assertThat(w.toArray()).containsExactly(6, 7, 8, 9);
    }

    @Test
    void afterDriftTheNextReadingsBecomeTheReference() {
        List<DriftEvent> events = new ArrayList<>();
        DriftMonitor m = Drift.monitor().features("x").reference("x", SeededSamples.normal(5, 200, 0))
                .tests(KolmogorovSmirnovTest.create(0.001, KolmogorovSmirnovTest.Method.AUTO))
                .currentWindow(50).checkEveryReadings(5).listener(events::add).build();
        // the window fills at the 50th reading, which runs the first check
        for (double v : SeededSamples.normal(6, 50, 4)) {
            m.update(v);
        }
        assertThat(events).hasSize(1);
        assertThat(events.get(0).drift()).isTrue();
        assertThat(events.get(0).driftedChannels()).containsExactly("x");
        assertThat(m.referenceSize("x")).isZero();
        assertThat(m.currentSize("x")).isZero();
        // the shifted level is the new normal: 500 reference readings, then 50 current, then checks without drift
        for (double v : SeededSamples.normal(7, 600, 4)) {
            m.update(v);
        }
        assertThat(events).hasSizeGreaterThan(1);
        assertThat(events.subList(1, events.size())).noneMatch(DriftEvent::drift);
    }

    @Test
    void badReadingsAreRefusedWithoutChangingState() {
        DriftMonitor m = Drift.monitor().features("a", "b").build();
        m.update(1, 2);
        assertThatThrownBy(() -> m.update(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[a, b]");
        assertThatThrownBy(() -> m.update(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'");
        assertThatThrownBy(() -> m.update(new double[] {1}, 2.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no score channel");
        assertThat(m.readings()).isEqualTo(1);
        assertThat(m.referenceSize("a")).isEqualTo(1);
        assertThatThrownBy(m::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to compare");
    }

    @Test
    void builderRefusesBadSettings() {
        assertThatThrownBy(() -> Drift.monitor().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel");
        assertThatThrownBy(() -> Drift.monitor().features("x", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Drift.monitor().currentWindow(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currentWindow");
        assertThatThrownBy(() -> Drift.monitor().checkEveryReadings(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkEveryReadings");
        assertThatThrownBy(() -> Drift.monitor().checkInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkInterval");
        assertThatThrownBy(() -> Drift.monitor().features("x").reference("y", new double[] {1}).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'y'");
        assertThatThrownBy(() -> Drift.monitor().reference("x", new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> Drift.monitor().score("s").features("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gaugesReportTheLatestStatisticPerChannelAndTest() {
        DriftMonitor m = Drift.monitor().name("g").features("x").tests(Drift.ks(), Drift.wasserstein())
                .reference("x", SeededSamples.normal(8, 100, 0)).currentWindow(40).checkEveryReadings(40)
                .afterDrift(DriftMonitor.AfterDrift.KEEP).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new DriftGauges(m).bindTo(registry);
        assertThat(registry.get(DriftGauges.STATISTIC).tag("channel", "x").tag("test", "ks").gauge().value()).isNaN();
        DriftEvent e = null;
        for (double v : SeededSamples.normal(9, 40, 1)) {
            DriftEvent got = m.update(v);
            e = got == null ? e : got;
        }
        assertThat(e).isNotNull();
        assertThat(registry.get(DriftGauges.STATISTIC).tags("monitor", "g", "channel", "x", "test", "ks").gauge()
                .value()).isEqualTo(e.results().get("x").get(0).statistic());
        assertThat(registry.get(DriftGauges.P_VALUE).tags("channel", "x", "test", "ks").gauge().value())
                .isCloseTo(e.results().get("x").get(0).pValue(), within(0.0));
        assertThat(registry.get(DriftGauges.STATISTIC).tags("channel", "x", "test", "wasserstein").gauge().value())
                .isEqualTo(e.results().get("x").get(1).statistic());
        assertThat(registry.get(DriftGauges.P_VALUE).tags("channel", "x", "test", "wasserstein").gauge().value())
                .isNaN();
    }
}
