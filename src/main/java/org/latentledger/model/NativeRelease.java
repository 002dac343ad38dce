package org.latentledger.model;

import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frees what DL4J's {@code MultiLayerNetwork.close()} and {@code ComputationGraph.close()} free
 * (the flat parameter, gradient and updater arrays, and the closing thread's workspaces) without
 * the two full collections those methods end with ({@code System.gc()} after destroying the
 * workspaces, and once more of their own).
 *
 * <p>Why: a model is closed whenever another is opened, and at the end of every command. Two
 * stop-the-world collections of the whole heap there bought nothing (the arrays that matter are
 * freed here explicitly; any other off-heap buffer goes at the next ordinary collection) and cost
 * a window a pause of a few hundred milliseconds with a large heap; in the test JVMs they were 43 s
 * of the suite's CPU (docs/benchmarks.md, session 10).
 */
final class NativeRelease {

    private NativeRelease() {
    }

    static void close(INDArray params, INDArray gradients, INDArray updaterState) {
        for (INDArray a : new INDArray[] {params, gradients, updaterState}) {
            if (a == null || a.wasClosed()) {
                continue;
            }
            if (a.closeable()) {
                a.close();
            } else if (a.isView()) {
                // A graph built in memory hands out its flat parameters as a reshaped view (one read from a file
                // does not): a view will not close, so the buffer it is a view of is closed instead.
                org.nd4j.linalg.api.buffer.DataBuffer original = a.data().originalDataBuffer();
                if (original != null && original.closeable() && !original.wasClosed()) {
                    original.close();
                }
            }
        }
        MemoryWorkspaceManager workspaces = Nd4j.getWorkspaceManager();
        for (MemoryWorkspace w : List.copyOf(workspaces.getAllWorkspacesForCurrentThread())) {
            workspaces.destroyWorkspace(w);
        }
    }
}
