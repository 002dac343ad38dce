package org.latentledger.projection;

import org.latentledger.work.Progress;

/** Lays out high-dimensional points in 2 or 3 dimensions. */
public interface Projector {

    /**
     * @param points     rows x features; not modified
     * @param dimensions 2 or 3
     * @param progress   progress and cancellation
     */
    Projection project(float[][] points, int dimensions, Progress progress);
}
