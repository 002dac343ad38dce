package org.latentledger.ui;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.latentledger.work.Progress;

/** Adapts a JavaFX Task's updateProgress/updateMessage and isCancelled to the core's {@link Progress}. */
public record TaskProgress(BiConsumer<Double, String> sink, BooleanSupplier cancelled) implements Progress {

    @Override
    public void update(double fraction, String message) {
        sink.accept(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
