package io.github.anomaly4j.features;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Assumptions;

/**
 * The bytes the current thread has allocated, as the JVM counts them ({@code com.sun.management.ThreadMXBean}).
 * The count does not depend on the JIT: interpreted code allocates every object it makes.
 */
final class ThreadBytes {
    /**
     * {@code getCurrentThreadAllocatedBytes()} of the platform's thread bean, typed {@code ()long} and called with
     * {@code invokeExact}: nothing is boxed, so reading the count allocates nothing itself (a reflective call
     * boxes its result, or not once the JIT removes the box, which made an earlier version of this count drift).
     */
    private final MethodHandle allocatedBytes;

    /** Skips the calling test when this JVM does not count allocations per thread, or reading the count does. */
    ThreadBytes() {
        // through reflection: the test sources compile as part of the module, which does not read java.management
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            allocatedBytes = MethodHandles.publicLookup().findVirtual(Class.forName("com.sun.management.ThreadMXBean"),
                    "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class)).bindTo(threads);
            now();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Assumptions.abort("this JVM does not count allocated bytes per thread: " + e);
            throw new AssertionError(e);
        }
        // a method handle called often enough is customised once (HotSpot: on about the 128th call), which
        // allocates some 12 KB on the calling thread: get that done before anything is measured
        for (int i = 0; i < 1_000; i++) {
            now();
        }
        long start = now();
        long own = now() - start;
        if (own != 0) {
            Assumptions.abort("reading this JVM's per-thread allocation count allocates " + own + " bytes itself");
        }
    }

    /** @return the bytes this thread has allocated so far */
    long now() {
        try {
            return (long) allocatedBytes.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The least bytes one run of {@code work} allocates, over up to {@code rounds} runs, stopping at the first that
     * allocates nothing. What happens once (a class loaded, a buffer sized) drops out, and so does what the JVM
     * itself now and then allocates on the thread while the JIT compiles and recompiles (a few hundred bytes in a
     * round, seen only with C2 and busy cores); what the work allocates on every run stays.
     */
    long leastOf(int rounds, Runnable work) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < rounds && least != 0; round++) {
            long start = now();
            work.run();
            least = Math.min(least, now() - start);
        }
        return least;
    }
}
