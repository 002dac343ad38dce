package org.latentledger.atlas;

import java.util.List;
import java.util.Map;
import org.latentledger.model.LayerInfo;

/**
 * One query's route through the layers: where it lands on each layer's map, in which region and
 * how surely, its coordinates on the layer's axes, and the answer at the end.
 *
 * @param output        the network's output (probabilities, or the decoded input for an autoencoder)
 * @param prediction    index of the largest output (classifiers), -1 for a reconstruction
 * @param reconstruction true when the output has the input's size (an autoencoder)
 * @param noAnswer      why there is no answer (a model opened in part), else null; output is then empty
 */
public record Journey(List<Stop> stops, float[] output, int prediction, boolean reconstruction, String noAnswer) {

    public Journey {
        stops = List.copyOf(stops);
    }

    public Journey(List<Stop> stops, float[] output, int prediction, boolean reconstruction) {
        this(stops, output, prediction, reconstruction, null);
    }

    /** A route through a model that has no answer to give, and why. */
    static Journey unanswered(List<Stop> stops, String why) {
        return new Journey(stops, new float[0], -1, false, why);
    }

    public boolean answered() {
        return noAnswer == null;
    }

    /**
     * @param x, y        position on the layer's map: on a PCA map its own coordinates on PC1 and PC2,
     *                    else the distance-weighted mean of the positions of its k nearest data
     *                    points in the layer's activation space
     * @param region      index of the region most of those neighbours are in
     * @param certainty   share of the neighbours in that region
     * @param axes        coordinate (a - mean) . u on each of the layer's axes, by axis name
     * @param standing    the same in standard deviations of the data along the axis
     * @param movedMost   axes whose standing changed most since the previous layer, largest first
     * @param neighbours  the nearest data points, nearest first
     * @param placedBy    {@link #BY_TRANSFORM} on a PCA map, else {@link #BY_NEIGHBOURS}
     */
    public record Stop(LayerInfo layer, float x, float y, int region, String regionName, double certainty,
                       Map<String, Double> axes, Map<String, Double> standing, List<String> movedMost, int[] neighbours,
                       String placedBy) {

        public static final String BY_TRANSFORM = "pca transform";
        public static final String BY_NEIGHBOURS = "nearest points";
    }
}
