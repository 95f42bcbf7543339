package io.github.anomaly4j.iforest;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;

/**
 * The bytes the current thread has allocated, as the JVM counts them ({@code com.sun.management.ThreadMXBean}).
 * The count does not depend on the JIT: interpreted code allocates every object it makes.
 */
final class ThreadBytes {
    private final Object threads;
    private final Method allocatedBytes;
    /** What two calls of {@link #now} with nothing between them count: the reflective call's own boxes. */
    private final long overhead;

    /** Skips the calling test when this JVM does not count allocations per thread. */
    ThreadBytes() {
        // through reflection: the test sources compile as part of the module, which does not read java.management
        try {
            threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Assumptions.abort("this JVM does not count allocated bytes per thread: " + e);
            throw new AssertionError(e);
        }
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) { // past the JVM's switch to a generated accessor for the reflective call
            long start = now();
            least = Math.min(least, now() - start);
        }
        overhead = least;
    }

    /** @return the bytes this thread has allocated so far */
    long now() {
        try {
            return (long) allocatedBytes.invoke(threads, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The least bytes one run of {@code work} allocates over {@code rounds} runs: what happens once (a class
     * loaded, a buffer sized) drops out, what happens on every run stays.
     */
    long leastOf(int rounds, Runnable work) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = now();
            work.run();
            least = Math.min(least, now() - start - overhead);
        }
        return least;
    }
}
