package org.latentledger.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for tests that need the JavaFX toolkit (headless Monocle under Maven). */
public final class FxTesting {

    private FxTesting() {
    }

    public static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    public static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.waitForAsyncFx(60_000, action);
    }

    public static void runFx(Runnable action) {
        WaitForAsyncUtils.waitForAsyncFx(60_000, action);
    }

    /** Waits until the condition, read on the FX thread, holds (forward passes take seconds). */
    public static void await(BooleanSupplier condition, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
