package org.latentledger.ui.jobs;

import java.time.Duration;

/**
 * Runs each job where it is given, to the end, before {@code run} returns: view-model tests need
 * no toolkit and no polling, and see every state change in order. Delayed actions run at once;
 * pause is not honoured (the job would wait for the thread that is running it).
 */
public final class CurrentThreadJobRunner extends QueuedJobRunner {

    public CurrentThreadJobRunner() {
        super(Runnable::run, Runnable::run);
    }

    @Override
    protected boolean honoursPause() {
        return false;
    }

    @Override
    public void later(Object key, Duration delay, Runnable action) {
        rule().check();
        action.run();
    }
}
