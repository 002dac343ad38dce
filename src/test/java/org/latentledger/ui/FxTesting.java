package org.latentledger.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.junit.jupiter.api.Assertions;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for tests that need the JavaFX toolkit (headless Monocle under Maven). */
public final class FxTesting {

    private FxTesting() {
    }

    public static void startToolkit() throws TimeoutException {
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit(); // as the app: ND4J linked before JavaFX loads its natives
        FxToolkit.registerPrimaryStage();
    }

    public static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.waitForAsyncFx(60_000, action);
    }

    public static void runFx(Runnable action) {
        WaitForAsyncUtils.waitForAsyncFx(60_000, action);
    }

    /**
     * {@link Assertions#assertThrows} for an action on the FX thread: what it throws there. Unlike
     * {@link #onFx}, an exception the test expects is not printed as an unhandled one.
     */
    public static <T extends Throwable> T assertThrowsOnFx(Class<T> type, Callable<?> action) throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.call();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        Throwable t = thrown.get(60, TimeUnit.SECONDS);
        return Assertions.assertThrows(type, () -> {
            if (t != null) {
                throw t;
            }
        });
    }

    /** Waits until the condition, read on the FX thread, holds (forward passes take seconds). */
    public static void await(BooleanSupplier condition, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
