package org.latentledger.ui.jobs;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The window's long work. Jobs run one at a time off the UI thread, in the order given; a job
 * supersedes the earlier job of its own {@link Lane} and waits behind the others. Results,
 * partial results and failures come back on the UI thread. The runner is busy from the moment a
 * job is given until the job's own code has returned (a cancelled job is still busy until then),
 * so whatever a job uses is free once {@link #busyProperty()} is false or
 * {@link #finishedProperty()} ticks. No failure is swallowed: a job without its own failure
 * handler reports to the {@linkplain #setFailureReporter reporter} (the window's problem banner).
 *
 * <p>Implementations: {@link BackgroundJobRunner} (the app: one worker thread, results through
 * {@code Platform.runLater}) and {@link CurrentThreadJobRunner} (view-model tests: the job runs
 * where it is given, no toolkit, no polling).
 */
public interface JobRunner {

    /**
     * Runs work as a job of the lane.
     *
     * @param onPartial receives partial results on the UI thread (latest only), or null
     * @param onSuccess receives the result on the UI thread, unless the job was cancelled or superseded
     * @param onFailure receives the failure on the UI thread, or null to report it to the reporter
     */
    <T> void run(Lane lane, String what, Work<T> work, Consumer<Object> onPartial, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** A job without partial results whose failure goes to the reporter. */
    default <T> void run(Lane lane, String what, Work<T> work, Consumer<T> onSuccess) {
        run(lane, what, work, null, onSuccess, null);
    }

    /** Asks every job given and not yet returned to stop; what is shown stays. */
    void cancel();

    /** Asks the jobs of one lane to stop. */
    void cancel(Lane lane);

    /** True while a job of the lane waits or runs. */
    boolean busy(Lane lane);

    /**
     * Runs an action on the UI thread after a delay (timing once a slider settles); giving the
     * same key again restarts the delay. The synchronous runner runs it at once.
     */
    void later(Object key, Duration delay, Runnable action);

    /** Where failures of jobs without a handler of their own go: the job's description and the error. */
    void setFailureReporter(BiConsumer<String, Throwable> reporter);

    /** Reports a failure the way jobs' failures are reported (for handlers that did something first). */
    void report(String what, Throwable error);

    /** A message in the status bar (e.g. where an export went). */
    void setStatus(String message);

    ReadOnlyStringProperty statusProperty();

    /** Progress of the running job in [0, 1], or negative when unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** True from the moment a job is given until every job given has returned. */
    ReadOnlyBooleanProperty busyProperty();

    /** Counts the jobs that have returned: work that waited for a network tries again when it ticks. */
    ReadOnlyIntegerProperty finishedProperty();

    /** While true, iterative work (t-SNE, UMAP) waits between steps. */
    BooleanProperty pausedProperty();
}
