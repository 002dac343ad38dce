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
