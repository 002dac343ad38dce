package org.latentledger.projection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.latentledger.work.CancelledException;
import org.latentledger.work.Parallelism;
import org.latentledger.work.Progress;

/**
 * One call into Smile, made cancellable from the caller's side. Smile's UMAP has no hook at all
 * and its t-SNE only a stop flag read every tenth iteration (none while it computes the n x n
 * affinities), so the call runs on its own daemon thread while the calling thread waits, polling
 * {@link Progress#isCancelled()} every {@link #POLL_MILLIS} ms and reporting what it knows. On
 * cancel the caller throws {@link CancelledException} at once and the run is <em>abandoned</em>:
 * it is asked to stop if it can, finishes in the background, and its result is dropped.
 *
 * <p>Runs are serialised: the worker thread (never the caller) holds one lock from just before
 * the seed is set until Smile returns. Smile's random numbers come from a generator per thread
 * ({@code MathEx.setSeed} seeds the calling thread's), so the seed is set on the thread that
 * then makes the call; the lock is there for memory (the feasibility check assumes one exact
 * t-SNE at a time, and an abandoned one still holds its 24 n^2 bytes) and for the two cores. A
 * run that starts while an abandoned one is finishing waits for it, saying so, and can itself be
 * cancelled while it waits; since the caller never holds the lock, nothing can deadlock on it.
 *
 * <p>The work runs with the caller's parallelism: from inside a {@link ForkJoinPool} of N
 * threads (as {@link Parallelism#with} sets up) Smile's parallel streams get a pool of N, else
 * the common pool.
 */
final class SmileRun {

    static final long POLL_MILLIS = 50;

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();
    private static final AtomicInteger ABANDONED_RUNNING = new AtomicInteger();

    /** A call into Smile and what the caller says about it while waiting. */
    interface Job<T> {

        /** For messages: "Smile's t-SNE". */
        String name();

        /** Runs on the worker thread, after the seed is set. */
        T compute() throws Exception;

        /** Called on the caller's thread at every poll while the job runs. */
        void report(Progress progress, double seconds);

        /** Asks Smile to stop early, if it can; called once when the run is abandoned. */
        default void stop() {
        }
    }

    private SmileRun() {
    }

    /** How many abandoned runs are still computing (for messages and tests). */
    static int abandonedRunning() {
        return ABANDONED_RUNNING.get();
    }

    /**
     * @throws CancelledException       as soon as the caller's progress says cancelled
     * @throws IllegalArgumentException when Smile rejects the parameters
     * @throws IllegalStateException    when Smile fails otherwise (out of memory included)
     */
    static <T> T call(Job<T> job, long seed, Progress progress) {
        progress.checkCancelled();
        ForkJoinPool callerPool = ForkJoinTask.getPool();
        int threads = callerPool == null || callerPool == ForkJoinPool.commonPool() ? 0 : callerPool.getParallelism();
        Worker<T> worker = new Worker<>(job, seed, threads);
        Thread thread = Thread.ofPlatform().daemon().name("smile-" + job.name().replaceAll("\\W+", "-")).unstarted(worker::run);
        thread.start();
        Progress changes = onlyChanges(progress);
        long t0 = System.nanoTime();
        while (true) {
            try {
                return worker.result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: report, then look at the cancel flag
            } catch (ExecutionException e) {
                throw failure(job.name(), e.getCause());
            } catch (InterruptedException e) {
                worker.abandon();
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
            if (progress.isCancelled()) {
                worker.abandon();
                // Smile's run cannot be interrupted: it is left to finish on its own thread, its result dropped.
                throw new CancelledException("abandoned: Smile's run cannot be stopped, it finishes in the background and its result is dropped");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (worker.started) {
                job.report(changes, seconds);
            } else {
                changes.update(-1, String.format(java.util.Locale.ROOT, "%s waits for %s to finish (Smile runs one at a time), %.0f s",
                        job.name(), ABANDONED_RUNNING.get() > 0 ? "an abandoned Smile run" : "another Smile run", seconds));
            }
        }
    }

    /** Passes an update on only when its message differs from the last: polls are 20 a second, a console line per poll is noise. */
    private static Progress onlyChanges(Progress progress) {
        return new Progress() {
            private String last;

            @Override
            public void update(double fraction, String message) {
                if (!message.equals(last)) {
                    last = message;
                    progress.update(fraction, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    private static final class Worker<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Job<T> job;
        final long seed;
        final int threads;
        volatile boolean started;
        volatile boolean abandoned;
        private boolean finished; // guarded by this, as are the transitions of the two flags above

        Worker(Job<T> job, long seed, int threads) {
            this.job = job;
            this.seed = seed;
            this.threads = threads;
        }

        void abandon() {
            synchronized (this) {
                abandoned = true;
                if (started && !finished) {
                    ABANDONED_RUNNING.incrementAndGet();
                }
            }
            job.stop();
        }

        void run() {
            try {
                while (!ONE_AT_A_TIME.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        result.cancel(false); // cancelled while waiting: Smile never starts
                        return;
                    }
                }
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
                return;
            }
            try {
                synchronized (this) {
                    if (abandoned) {
                        result.cancel(false);
                        return;
                    }
                    started = true;
                }
                T value = Parallelism.with(threads, () -> {
                    smile.math.MathEx.setSeed(seed); // this thread's generator: the one Smile's call will draw from
                    return job.compute();
                });
                if (!abandoned) {
                    result.complete(value);
                }
                // An abandoned run's layout is dropped here: nobody holds the future any more.
            } catch (Throwable t) {
                result.completeExceptionally(t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t);
            } finally {
                synchronized (this) {
                    finished = true;
                    if (abandoned && started) {
                        ABANDONED_RUNNING.decrementAndGet();
                    }
                }
                ONE_AT_A_TIME.unlock();
            }
        }
    }

    /** Smile's failure as a message a person can act on: its first line, no native diagnostics. */
    static RuntimeException failure(String name, Throwable cause) {
        if (cause instanceof OutOfMemoryError) {
            return new IllegalStateException(name + " ran out of memory (" + firstLine(cause) + "): use engine 'ours' or fewer points",
                    cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new IllegalArgumentException(name + " refused the parameters: " + firstLine(cause), cause);
        }
        return new IllegalStateException(name + " failed: " + firstLine(cause), cause);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = m.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
