package org.latentledger.ui.map;

import java.util.List;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Regions;
import org.latentledger.projection.Projection;

/**
 * A finished map of one layer: the layout, the regions and principal axes of the layer's
 * activations, and how trustworthy the layout is.
 *
 * @param points the activations it was made from (channel means or full maps), for axes and neighbours
 */
public record MapResult(Projection projection, Regions regions, List<Axis> principal, double trust, int trustPoints,
                        float[][] points, boolean fromCache) {
}
