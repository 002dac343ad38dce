package org.latentledger.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/**
 * The one executor for long work (forward passes, projections). A single thread: DL4J networks
 * are not thread-safe, and on a 2-core machine two heavy jobs at once only slow each other down.
 * Results come back to the FX thread through the Task's handlers.
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

    public <T> Task<T> submit(Task<T> task) {
        executor.execute(task);
        return task;
    }
}
