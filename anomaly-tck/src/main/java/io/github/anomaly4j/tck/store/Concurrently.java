package io.github.anomaly4j.tck.store;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs the concurrency checks' work on several threads released at once. */
final class Concurrently {
    /** Threads in every concurrency check. */
    static final int THREADS = 8;
    private static final long TIME_LIMIT_SECONDS = 120;

    private Concurrently() {
    }

    /**
     * Runs {@code work} on {@code threads} threads, all started together, and waits for every result.
     *
     * @param threads the number of threads
     * @param work what thread {@code t} does, given {@code t}
     * @param <T> the result type
     * @return the results, by thread
     */
    static <T> List<T> run(int threads, IntFunction<T> work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.apply(thread);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                try {
                    results.add(futures.get(t).get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("thread " + t + " of " + threads + " failed: " + e.getCause(),
                            e.getCause());
                } catch (TimeoutException e) {
                    fail("thread %d of %d did not finish within %d seconds (a deadlock?)", t, threads,
                            TIME_LIMIT_SECONDS);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
