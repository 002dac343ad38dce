package org.latentledger.projection;

import java.util.List;

/**
 * A layout of points in 2D (or 3D): column-major coordinates in float arrays, the names of its
 * axes and, for linear methods, the share of variance each axis explains.
 *
 * <p>Immutable by contract: arrays are shared with the renderer, never written after creation.
 *
 * @param coordinates   {@code coordinates[d][i]} is point i's coordinate on axis d
 * @param axisNames     "PC1", "PC2", ...
 * @param explained     share of total variance per axis (NaN where it has no meaning)
 * @param method        what made it, with its parameters, for titles and provenance
 */
public record Projection(float[][] coordinates, List<String> axisNames, double[] explained, String method) {

    public Projection {
        axisNames = List.copyOf(axisNames);
        if (coordinates.length != axisNames.size() || explained.length != axisNames.size()) {
            throw new IllegalArgumentException("one name and one explained share per axis");
        }
    }

    public int dimensions() {
        return coordinates.length;
    }

    public int size() {
        return coordinates.length == 0 ? 0 : coordinates[0].length;
    }

    public float[] axis(int d) {
        return coordinates[d];
    }
}
