package org.latentledger.ui;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import org.latentledger.work.Progress;

/**
 * The window's long work, one job at a time on the {@link AppExecutor}: a new job cancels the
 * running one; results of superseded jobs are dropped. Exposes status, progress and busy for the
 * status bar, and a pause switch that iterative work honours between steps. Touched only on the
 * FX thread.
 */
public final class Jobs {

    /** A job's body; it may publish partial results (coalesced: the screen sees the latest). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress, Consumer<Object> partial) throws Exception;
    }

    private final AppExecutor executor;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private volatile boolean pausedFlag;
    private Task<?> current;

    public Jobs(AppExecutor executor) {
        this.executor = executor;
        paused.addListener((o, a, p) -> pausedFlag = p);
    }

    public <T> void run(String what, Work<T> work, Consumer<Object> onPartial, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        cancel();
        paused.set(false);
        AtomicReference<Object> latest = new AtomicReference<>();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(what + " ...");
                Progress p = new TaskProgress((f, m) -> {
                    if (f >= 0) {
                        updateProgress(f, 1);
                    }
                    updateMessage(m);
                }, this::waitWhilePaused);
                return work.run(p, value -> {
                    if (onPartial != null && latest.getAndSet(value) == null) {
                        Platform.runLater(() -> {
                            Object v = latest.getAndSet(null);
                            if (current == this && v != null && !isCancelled()) {
                                onPartial.accept(v);
                            }
                        });
                    }
                });
            }

            /** Cancellation check, and the place where paused work waits (still cancellable). */
            private boolean waitWhilePaused() {
                while (pausedFlag && !isCancelled()) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return true;
                    }
                }
                return isCancelled();
            }
        };
        current = task;
        busy.set(true);
        progress.set(-1);
        status.set(what + " ...");
        task.messageProperty().addListener((o, a, m) -> {
            if (task == current) {
                status.set(m);
            }
        });
        task.progressProperty().addListener((o, a, p) -> {
            if (task == current) {
                progress.set(p.doubleValue());
            }
        });
        task.setOnSucceeded(e -> {
            if (task == current) {
                finish("Ready");
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnCancelled(e -> {
            if (task == current) {
                finish("Cancelled: " + what.toLowerCase(Locale.ROOT));
            }
        });
        task.setOnFailed(e -> {
            if (task == current) {
                finish(what + " failed");
                onFailure.accept(task.getException());
            }
        });
        executor.submit(task);
    }

    private void finish(String message) {
        current = null;
        busy.set(false);
        progress.set(0);
        paused.set(false);
        status.set(message);
    }

    /** Stops the running job, if any; what is already shown stays. */
    public void cancel() {
        if (current != null) {
            Task<?> t = current;
            current = null;
            t.cancel(true);
            busy.set(false);
            progress.set(0);
            paused.set(false);
            status.set("Cancelled");
        }
    }

    public void setStatus(String message) {
        status.set(message);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** While true, iterative work (t-SNE, UMAP) waits between steps. */
    public BooleanProperty pausedProperty() {
        return paused;
    }
}
