package io.github.anomaly4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocationCounterTest {
    /** Keeps the test's arrays reachable, so that no JIT can drop their allocation. */
    static Object sink;

    @Test
    void countsWhatTheWorkAllocatesEveryRoundAndNothingForWorkThatAllocatesNothing() {
        AllocationCounter counter = new AllocationCounter();
        long[] sum = {0};
        assertThat(counter.leastOf(5, () -> {
            for (int i = 0; i < 1_000; i++) {
                sum[0] += i;
            }
        })).isZero();
        // 100 arrays of 1,000 longs: at least 800,000 bytes every round
        assertThat(counter.leastOf(5, () -> {
            for (int i = 0; i < 100; i++) {
                sink = new long[1_000];
            }
        })).isGreaterThanOrEqualTo(800_000L).isLessThan(900_000L);
        assertThat(sum[0]).isPositive();
    }

    @Test
    void aWorkThatAllocatesOnlyOnceCountsNothing() {
        AllocationCounter counter = new AllocationCounter();
        boolean[] first = {true};
        assertThat(counter.leastOf(3, () -> {
            if (first[0]) {
                sink = new byte[4_096];
                first[0] = false;
            }
        })).isZero();
    }

    @Test
    void aCountSwitchedOffAfterTheCounterWasMadeIsAnErrorNotZero() throws ReflectiveOperationException {
        AllocationCounter counter = new AllocationCounter();
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        java.lang.reflect.Method enable = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("setThreadAllocatedMemoryEnabled", boolean.class);
        enable.invoke(threads, false);
        try {
            assertThatThrownBy(() -> counter.leastOf(1, () -> sink = new long[8]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("counting allocated bytes per thread was switched off");
        } finally {
            enable.invoke(threads, true);
        }
        assertThat(counter.now()).isPositive();
    }

    @Test
    void refusesFewerThanOneRound() {
        AllocationCounter counter = new AllocationCounter();
        assertThatThrownBy(() -> counter.leastOf(0, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rounds must be at least 1, got 0");
    }
}
