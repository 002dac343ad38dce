package org.latentledger.ui.map;

import java.util.List;
import org.latentledger.data.ImageShape;

/**
 * What the side panel says about the focused point.
 *
 * @param coordinates "PC1 = 1.23" lines, one per axis
 * @param neighbours  the nearest points in the layer's own space, nearest first
 */
public record PointDetails(int index, String name, String note, String label, String predicted, String region, List<String> coordinates,
                           List<Neighbour> neighbours, List<Integer> neighbourIndices, float[] image, ImageShape imageShape) {

    /**
     * One row of the neighbour table.
     *
     * @param index    the point's row in the data
     * @param name     its name, or "" when the data names no rows
     * @param label    its label
     * @param distance its distance from the focused point in the layer's space, by the metric chosen
     */
    public record Neighbour(int index, String name, String label, double distance) {
    }
}
