package org.latentledger.ui.jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import org.latentledger.ui.AppExecutor;

/** The app's job runner: bodies on the {@link AppExecutor}'s one worker thread, results on the JavaFX thread. */
public final class BackgroundJobRunner extends QueuedJobRunner {

    private final Map<Object, PauseTransition> delays = new HashMap<>();

    /** Made on the JavaFX application thread, which it then belongs to. */
    public BackgroundJobRunner(AppExecutor executor) {
        super(executor::execute, Platform::runLater);
    }

    @Override
    protected boolean honoursPause() {
        return true;
    }

    @Override
    public void later(Object key, Duration delay, Runnable action) {
        rule().check();
        PauseTransition t = delays.computeIfAbsent(key, k -> new PauseTransition());
        t.stop();
        t.setDuration(javafx.util.Duration.millis(delay.toMillis()));
        t.setOnFinished(e -> action.run());
        t.playFromStart();
    }
}
