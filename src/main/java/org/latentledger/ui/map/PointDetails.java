package org.latentledger.ui.map;

import java.util.List;
import org.latentledger.data.ImageShape;

/**
 * What the side panel says about the focused point.
 *
 * @param coordinates "PC1 = 1.23" lines, one per axis
 * @param neighbours  "#12  7  (0.031)" lines: nearest points in the layer's own space
 */
public record PointDetails(int index, String name, String note, String label, String predicted, String region, List<String> coordinates,
                           List<String> neighbours, List<Integer> neighbourIndices, float[] image, ImageShape imageShape) {
}
