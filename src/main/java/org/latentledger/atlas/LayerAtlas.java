package org.latentledger.atlas;

import java.util.List;
import org.latentledger.model.LayerInfo;
import org.latentledger.projection.Projection;

/**
 * One layer's map and its geography, as the map page shows it and a journey is placed on it:
 * the points it was made from (channel means for conv layers), its layout, its regions, its
 * principal axes with each axis's spread over the data, how trustworthy the layout is, and what
 * made it (the spec and the model's and data's hashes). Immutable.
 *
 * @param channelMeans whether {@code points} are per-channel means of a conv layer's maps
 * @param axisSpread   standard deviation of the data's coordinates on each axis
 * @param trust        trustworthiness of the layout (5 neighbours), NaN where it was not measured
 * @param trustPoints  points the trustworthiness was estimated over (0 where not measured)
 * @param fromCache    whether the layout was read from the cache instead of computed
 * @param spec         what made it
 * @param modelHash    the model's SHA-256 ("none" for data mapped as it is)
 * @param dataHash     the data's SHA-256
 */
public record LayerAtlas(LayerInfo layer, float[][] points, boolean channelMeans, Projection map, Regions regions, List<Axis> axes,
                         double[] axisSpread, double trust, int trustPoints, boolean fromCache, MapSpec spec, String modelHash,
                         String dataHash) {

    public LayerAtlas {
        axes = List.copyOf(axes);
    }

    /** Whether the layout's trustworthiness was measured. */
    public boolean measured() {
        return trustPoints > 0;
    }

    /** The spread of each axis's coordinates over the points (sample standard deviation). */
    public static double[] spreads(List<Axis> axes, float[][] points) {
        double[] spread = new double[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            float[] c = axes.get(a).coordinates(points);
            double mean = 0;
            for (float v : c) {
                mean += v;
            }
            mean /= c.length;
            double var = 0;
            for (float v : c) {
                var += (v - mean) * (v - mean);
            }
            spread[a] = Math.sqrt(var / Math.max(1, c.length - 1));
        }
        return spread;
    }
}
