package org.latentledger.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.latentledger.ui.shell.MainViewModel;

/**
 * JavaFX for the headless commands: started once on Monocle's headless screen (or on the
 * display, for 3D), work run on its thread from outside, and waiting for a window to settle on
 * its view model's one signal rather than by polling.
 */
public final class HeadlessFx {

    private HeadlessFx() {
    }

    /**
     * Render on the machine's display (GTK, with 3D where the graphics allow) instead of
     * Monocle's headless screen; call before the first capture.
     */
    public static synchronized void useDisplay(boolean display) {
        onDisplay = display;
    }

    private static boolean onDisplay;


    /** True when 3D scenes can be rendered (never on the headless screen). */
    public static boolean supports3D() throws Exception {
        return onFx(() -> javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D));
    }

    /** Starts JavaFX (once per JVM) on the headless screen of at least this size, or on the display. */
    public static synchronized void start(int width, int height) throws InterruptedException {
        if (started) {
            return;
        }
        if (failedStart != null) {
            // JavaFX starts once per JVM: after a failed start its toolkit never runs, and every
            // later capture would wait on it until its timeout.
            throw failedStart;
        }
        if (!onDisplay) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            if (!holds(System.getProperty("headless.geometry"), width, height)) {
                System.setProperty("headless.geometry", Math.max(width, 1600) + "x" + Math.max(height, 1000) + "-32");
            }
        } else if (System.getProperty("prism.forceGPU") == null) {
            // Software OpenGL (Mesa under Xvfb) is refused by default, which would leave 3D unsupported.
            System.setProperty("prism.forceGPU", "true");
        }
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        LatentLedgerApp.quietClassPathNotice(); // shot and screenshots start JavaFX from the class path too
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit(); // before JavaFX loads its natives: the two at once can freeze the JVM
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            // Started by someone else in this JVM (a test harness): use it as it is.
            ready.complete(null);
        } catch (RuntimeException | LinkageError e) {
            failedStart = new StartFailure(onDisplay
                    ? "JavaFX could not start on the display (" + e.getMessage() + "); it needs an X display (DISPLAY set, or "
                    + "xvfb-run) and GTK 3 (on Debian the package libgtk-3-0); without --display the images are made headless"
                    : "JavaFX could not start headless (" + e.getMessage() + ")", e);
            throw failedStart;
        }
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start headless", e);
        }
        started = true;
    }

    private static boolean started;
    private static StartFailure failedStart;

    /**
     * Whether a headless screen already asked for ({@code -Dheadless.geometry=WxH-D}, as the test
     * JVMs give theirs) holds a window of this size: then it is kept, so that whatever starts the
     * toolkit first, the screen is the one the JVM was given.
     */
    static boolean holds(String geometry, int width, int height) {
        java.util.regex.Matcher m = geometry == null ? null : java.util.regex.Pattern.compile("(\\d+)x(\\d+)(-\\d+)?").matcher(geometry.trim());
        return m != null && m.matches() && Integer.parseInt(m.group(1)) >= width && Integer.parseInt(m.group(2)) >= height;
    }

    /** JavaFX could not start in this JVM (no display, no GTK): nothing can be rendered in it. */
    public static final class StartFailure extends IllegalStateException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs an action on the JavaFX thread and returns its result (rethrowing its failure). */
    public static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /**
     * Waits until the window's view model is settled (nothing runs or waits, the page shows what
     * it shows), looking from the next pulse on; then one more pulse so canvases have drawn.
     */
    public static void awaitSettled(MainViewModel vm, long deadline) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> Platform.runLater(() -> {
            if (vm.isSettled()) {
                done.complete(null);
                return;
            }
            ChangeListener<Boolean> l = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) {
                        vm.settledProperty().removeListener(this);
                        done.complete(null);
                    }
                }
            };
            vm.settledProperty().addListener(l);
        }));
        try {
            done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the window did not settle in time (status: " + onFx(() -> vm.statusProperty().get()) + ")");
        }
        onFx(() -> null);
    }
}
