package org.latentledger.atlas;

import java.util.List;
import org.latentledger.model.LayerInfo;
import org.latentledger.projection.Projection;

/**
 * One layer's map and its geography, what a journey is placed on: the points it was made from
 * (channel means for conv layers), its 2D layout, its regions, its axes and each axis's spread
 * over the data (to say how far along an axis a query stands).
 *
 * @param channelMeans whether {@code points} are per-channel means of a conv layer's maps
 * @param axisSpread   standard deviation of the data's coordinates on each axis
 */
public record LayerAtlas(LayerInfo layer, float[][] points, boolean channelMeans, Projection map, Regions regions,
                         List<Axis> axes, double[] axisSpread) {

    public LayerAtlas {
        axes = List.copyOf(axes);
    }

    /** Builds the atlas of a layer from its points and layout: regions (seeded) and principal axes. */
    public static LayerAtlas of(LayerInfo layer, float[][] points, boolean channelMeans, Projection map, int[] labels,
                                List<String> classNames, long seed, org.latentledger.work.Progress progress) {
        Regions regions = Regions.of(points, labels, classNames, 0, seed, progress);
        List<Axis> axes = Axes.principal(points, 3, progress);
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
        return new LayerAtlas(layer, points, channelMeans, map, regions, axes, spread);
    }
}
