package org.latentledger.ui.jobs;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A job runner for tests of concurrency without a toolkit: job bodies on a real worker thread,
 * results queued for the test's own thread, which plays the UI thread and {@link #pump}s them.
 */
public final class PumpedJobRunner extends QueuedJobRunner implements AutoCloseable {

    private final BlockingQueue<Runnable> ui;
    private final ExecutorService worker;

    public static PumpedJobRunner create() {
        return new PumpedJobRunner(new LinkedBlockingQueue<>(), Executors.newSingleThreadExecutor());
    }

    private PumpedJobRunner(BlockingQueue<Runnable> ui, ExecutorService worker) {
        super(worker::execute, ui::add);
        this.ui = ui;
        this.worker = worker;
    }

    @Override
    protected boolean honoursPause() {
        return true;
    }

    @Override
    public void later(Object key, Duration delay, Runnable action) {
        ui.add(action);
    }

    /** Runs what the worker handed back until the condition holds; fails after 20 s. */
    public void pump(BooleanSupplier until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!until.getAsBoolean()) {
            Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold in 20 s");
            }
        }
    }

    /** Runs what is queued for the UI thread now (and what that queues), without waiting. */
    public void drain() {
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
