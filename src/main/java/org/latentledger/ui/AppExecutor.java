package org.latentledger.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one executor for long work (forward passes, projections). A single thread: DL4J networks
 * are not thread-safe, and on a 2-core machine two heavy jobs at once only slow each other down.
 * Results come back to the FX thread through the {@link org.latentledger.ui.jobs.JobRunner}.
 */
public final class AppExecutor {

    private static final AppExecutor SHARED = new AppExecutor();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latent-ledger-work");
        t.setDaemon(true);
        return t;
    });

    public static AppExecutor shared() {
        return SHARED;
    }

    /** Runs work on the one worker thread, after what was given before. */
    public void execute(Runnable work) {
        executor.execute(work);
    }
}
