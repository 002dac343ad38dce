package org.latentledger.ui.jobs;

import java.util.function.Consumer;
import org.latentledger.work.Progress;

/** A job's body: runs off the UI thread; may publish partial results (coalesced: the screen sees the latest). */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress, Consumer<Object> partial) throws Exception;
}
