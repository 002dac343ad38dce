package org.latentledger.ui.jobs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentledger.work.CancelledException;
import org.latentledger.work.Progress;

/**
 * The job runner's bookkeeping, independent of where work runs: {@code worker} runs job bodies
 * in the order given (one thread: DL4J networks are not thread-safe, and on two cores two heavy
 * jobs only slow each other down), {@code ui} brings results back to the thread that owns the
 * runner. Everything but the job bodies runs on that thread, and says so by checking.
 */
public abstract class QueuedJobRunner implements JobRunner {

    /** One job given to the runner and not yet returned. */
    private final class Job<T> implements Progress {
        final Lane lane;
        final String what;
        final Consumer<Object> onPartial;
        final Consumer<T> onSuccess;
        final Consumer<Throwable> onFailure;
        final AtomicReference<Object> latestPartial = new AtomicReference<>();
        final AtomicReference<Object[]> latestProgress = new AtomicReference<>();
        volatile boolean cancelled;
        boolean superseded;

        Job(Lane lane, String what, Consumer<Object> onPartial, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            this.lane = lane;
            this.what = what;
            this.onPartial = onPartial;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        @Override
        public void update(double fraction, String message) {
            if (latestProgress.getAndSet(new Object[] {fraction, message}) == null) {
                ui.execute(() -> {
                    Object[] p = latestProgress.getAndSet(null);
                    if (p != null && running == this && !cancelled) {
                        double f = (Double) p[0];
                        progress.set(f >= 0 ? f : -1);
                        status.set((String) p[1]);
                    }
                });
            }
        }

        /** The cancellation check, and the place where paused work waits (still cancellable). */
        @Override
        public boolean isCancelled() {
            while (pausedFlag && !cancelled && honoursPause()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return cancelled;
        }

        void partial(Object value) {
            if (onPartial != null && latestPartial.getAndSet(value) == null) {
                ui.execute(() -> {
                    Object v = latestPartial.getAndSet(null);
                    if (v != null && !cancelled) {
                        onPartial.accept(v);
                    }
                });
            }
        }
    }

    private final Executor worker;
    private final Executor ui;
    private final ThreadRule rule = ThreadRule.confinedToCurrent("the job runner");
    private final List<Job<?>> given = new ArrayList<>();
    private final Map<Lane, Job<?>> latest = new EnumMap<>(Lane.class);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private volatile boolean pausedFlag;
    private Job<?> running;
    private BiConsumer<String, Throwable> reporter = (what, error) -> {
        throw new IllegalStateException(what + " failed and nobody was told", error);
    };

    protected QueuedJobRunner(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
        paused.addListener((o, a, p) -> pausedFlag = p);
    }

    /** Whether paused work really waits (not where the job runs on the UI thread itself). */
    protected abstract boolean honoursPause();

    @Override
    public <T> void run(Lane lane, String what, Work<T> work, Consumer<Object> onPartial, Consumer<T> onSuccess,
                        Consumer<Throwable> onFailure) {
        rule.check();
        Job<T> job = new Job<>(lane, what, onPartial, onSuccess, onFailure);
        Job<?> old = latest.put(lane, job);
        if (old != null) {
            old.superseded = true;
            old.cancelled = true;
        }
        given.add(job);
        busy.set(true);
        if (running == null) {
            status.set(what + " ...");
            progress.set(-1);
        }
        worker.execute(() -> {
            ui.execute(() -> started(job));
            T result = null;
            Throwable error = null;
            try {
                if (!job.cancelled) {
                    result = work.run(job, job::partial);
                }
            } catch (Throwable t) {
                error = t;
            }
            T r = result;
            Throwable e = error;
            ui.execute(() -> finished(job, r, e));
        });
    }

    private void started(Job<?> job) {
        if (!job.cancelled) {
            running = job;
            status.set(job.what + " ...");
            progress.set(-1);
        }
    }

    private <T> void finished(Job<T> job, T result, Throwable error) {
        given.remove(job);
        if (latest.get(job.lane) == job) {
            latest.remove(job.lane);
        }
        if (running == job) {
            running = null;
        }
        boolean cancelled = job.cancelled || error instanceof CancelledException;
        // The result is published before the runner says it is idle: whoever waits for idle (or
        // "settled") then sees it.
        try {
            if (cancelled) {
                if (!job.superseded) {
                    String why = error instanceof CancelledException c && !"cancelled".equals(c.getMessage()) ? " (" + c.getMessage() + ")" : "";
                    status.set("Cancelled: " + job.what.toLowerCase(Locale.ROOT) + why);
                }
            } else if (error != null) {
                status.set(job.what + " failed");
                if (job.onFailure != null) {
                    job.onFailure.accept(error);
                } else {
                    reporter.accept(job.what, error);
                }
            } else {
                status.set(given.isEmpty() ? "Ready" : given.getFirst().what + " ...");
                job.onSuccess.accept(result);
            }
        } catch (RuntimeException handlerFailed) {
            reporter.accept(job.what, handlerFailed);
        } finally {
            if (given.isEmpty()) {
                busy.set(false);
                progress.set(0);
                paused.set(false);
            }
            finished.set(finished.get() + 1);
        }
    }

    @Override
    public void cancel() {
        rule.check();
        boolean any = false;
        for (Job<?> j : given) {
            any |= !j.cancelled;
            j.cancelled = true;
        }
        if (any) {
            status.set("Cancelling ...");
        }
        paused.set(false);
    }

    @Override
    public void cancel(Lane lane) {
        rule.check();
        for (Job<?> j : given) {
            if (j.lane == lane) {
                j.cancelled = true;
            }
        }
    }

    @Override
    public boolean busy(Lane lane) {
        rule.check();
        return given.stream().anyMatch(j -> j.lane == lane);
    }

    @Override
    public void setFailureReporter(BiConsumer<String, Throwable> reporter) {
        this.reporter = reporter;
    }

    @Override
    public void report(String what, Throwable error) {
        rule.check();
        reporter.accept(what, error);
    }

    @Override
    public void setStatus(String message) {
        rule.check();
        status.set(message);
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyIntegerProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    @Override
    public BooleanProperty pausedProperty() {
        return paused;
    }

    protected ThreadRule rule() {
        return rule;
    }
}
