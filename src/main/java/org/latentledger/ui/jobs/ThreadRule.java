package org.latentledger.ui.jobs;

/**
 * The threading rule, checked: a view model (or canvas) is touched only by the thread that made
 * it, the JavaFX application thread in the app and the test's own thread in view-model tests
 * (with a {@link CurrentThreadJobRunner}). Checked when assertions are on (in every test run),
 * free otherwise.
 */
public final class ThreadRule {

    private static final boolean CHECKED = ThreadRule.class.desiredAssertionStatus();

    private final Thread owner;
    private final String what;

    private ThreadRule(Thread owner, String what) {
        this.owner = owner;
        this.what = what;
    }

    /** The rule for something made now: only this thread may touch it. */
    public static ThreadRule confinedToCurrent(String what) {
        return new ThreadRule(Thread.currentThread(), what);
    }

    /** Throws when called from another thread than the owner (with assertions on). */
    public void check() {
        if (CHECKED && Thread.currentThread() != owner) {
            throw new IllegalStateException(what + " was touched from thread '" + Thread.currentThread().getName()
                    + "'; only '" + owner.getName() + "' may touch it (see docs/architecture.md, threading)");
        }
    }

    /** The check on the JavaFX application thread itself, for canvases and views. */
    public static void checkFxThread(String what) {
        if (CHECKED && !javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " was touched from thread '" + Thread.currentThread().getName()
                    + "'; only the JavaFX application thread may touch it");
        }
    }

    public static boolean checked() {
        return CHECKED;
    }
}
