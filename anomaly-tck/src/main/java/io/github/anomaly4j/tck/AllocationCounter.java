package io.github.anomaly4j.tck;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Assumptions;

/**
 * Counts the bytes the current thread allocates, as the JVM records them
 * ({@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes()}), for tests that a hot path allocates
 * nothing ("{@code score} must not allocate" in the plugin guide). The count is of the code as it runs at the
 * time: interpreted or C1-compiled code allocates every object it makes, while C2 may remove an allocation that
 * does not escape. {@link #leastOf} keeps the least count over several runs, so an allocation that C2 removes
 * once the path is compiled (as it is in a warmed-up service, and in JMH) does not fail a test, and one that it
 * cannot remove does. To see what interpreted code allocates, run the test alone in a fresh JVM, or with
 * {@code -Xint}.
 *
 * <pre>{@code
 * AllocationCounter counter = new AllocationCounter(); // skips the test where the JVM cannot count
 * double[] sink = new double[1];
 * assertThat(counter.leastOf(10, () -> {
 *     for (double[] row : rows) {
 *         sink[0] += model.score(row);
 *     }
 * })).isZero();
 * }</pre>
 *
 * <p>Each call counts the thread that makes it; use a counter from the thread whose work it measures.
 */
public final class AllocationCounter {
    /**
     * {@code getCurrentThreadAllocatedBytes()} of the platform's thread bean, typed {@code ()long} and called with
     * {@code invokeExact}: nothing is boxed, so reading the count allocates nothing itself (a reflective call boxes
     * its result, or not once the JIT removes the box, so its own bytes vary).
     */
    private final MethodHandle allocatedBytes;

    /**
     * Makes a counter for the calling thread, or aborts the calling test (a JUnit assumption) when this JVM does
     * not count allocations per thread, counting is switched off, or reading the count allocates.
     */
    public AllocationCounter() {
        // through reflection: a module using the kit need not read java.management or jdk.management
        MethodHandle handle = null;
        String problem = null;
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            handle = MethodHandles.publicLookup().findVirtual(Class.forName("com.sun.management.ThreadMXBean"),
                    "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class)).bindTo(threads);
            long first = (long) handle.invokeExact(); // throws UnsupportedOperationException where not counted
            if (first < 0) {
                problem = "counting allocated bytes per thread is switched off in this JVM";
            }
        } catch (Throwable e) {
            if (e instanceof Error && !(e instanceof LinkageError)) {
                throw (Error) e;
            }
            problem = "this JVM does not count allocated bytes per thread: " + e;
        }
        Assumptions.assumeTrue(problem == null, problem);
        allocatedBytes = handle;
        // a method handle called often enough is customised once (HotSpot: on about the 128th call), which
        // allocates some 12 KB on the calling thread: get that done before anything is measured
        for (int i = 0; i < 1_000; i++) {
            now();
        }
        long start = now();
        long own = now() - start;
        Assumptions.assumeTrue(own == 0, () -> "reading this JVM's per-thread allocation count allocates " + own
                + " bytes itself");
    }

    /**
     * @return the bytes the calling thread has allocated so far
     * @throws IllegalStateException if counting was switched off after this counter was made
     */
    public long now() {
        long bytes;
        try {
            bytes = (long) allocatedBytes.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (bytes < 0) {
            throw new IllegalStateException("counting allocated bytes per thread was switched off");
        }
        return bytes;
    }

    /**
     * The least bytes one run of {@code work} allocates, over up to {@code rounds} runs, stopping at the first that
     * allocates nothing. What happens once (a class loaded, a buffer sized) drops out, and so does what the JVM
     * itself now and then allocates on the thread while the JIT compiles and recompiles (a few hundred bytes in a
     * round, seen only with C2 and busy cores); what the work allocates on every run stays.
     *
     * @param rounds the most runs, at least 1
     * @param work the code to measure, run on the calling thread
     * @return the least bytes a run allocated
     */
    public long leastOf(int rounds, Runnable work) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < rounds && least != 0; round++) {
            long start = now();
            work.run();
            least = Math.min(least, now() - start);
        }
        return least;
    }
}
