package org.latentledger.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sizes ND4J's thread pools to the machine. Without this, OpenMP, ND4J's own pool and OpenBLAS
 * each start one thread per core and oversubscribe small machines (a 10x slowdown was measured
 * on 2 cores, see STACK.md).
 */
public final class Nd4jRuntime {

    private static volatile boolean configured;

    private Nd4jRuntime() {
    }

    /**
     * Loads ND4J's native backend and sizes its pools now, on this thread: to be called before a
     * window toolkit starts in this process.
     *
     * <p>Why: ND4J links its BLAS through JavaCPP's {@code Loader.addressof}, which looks each symbol
     * up from inside {@code dl_iterate_phdr}: it holds the dynamic linker's list lock and then asks
     * for its load lock. A {@code dlopen} or {@code dlclose} on another thread takes the same two
     * locks the other way round. JavaFX loads its libraries as it starts, and its font set-up opens
     * and closes fontconfig; when that met ND4J's linking on the warm-up thread, both threads waited
     * for ever, and the JVM, whose other threads then waited on the linker too, could not reach a
     * safepoint and froze whole (decision 0024). Once linked, ND4J looks nothing up again but for
     * its environment report.
     */
    public static void linkBeforeToolkit() {
        configure();
    }

    public static synchronized void configure() {
        if (configured) {
            return;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configured = true;
    }
}
