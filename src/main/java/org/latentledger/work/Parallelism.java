package org.latentledger.work;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs work on a chosen number of threads. Our parallel loops are parallel streams; a stream
 * started from inside a {@link ForkJoinPool} task runs in that pool, so a pool of N workers
 * bounds the whole computation to N threads (the common pool would use every core).
 */
public final class Parallelism {

    private Parallelism() {
    }

    /** Runs {@code work} on {@code threads} threads, or as it is (all cores) when {@code threads <= 0}. */
    public static <T> T with(int threads, Callable<T> work) throws Exception {
        if (threads <= 0) {
            return work.call();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }
}
