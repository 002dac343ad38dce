package org.latentledger.atlas;

/**
 * A region of a layer's latent space: one cluster of its activations, named after its majority
 * class until the user renames it.
 *
 * @param index         cluster number
 * @param name          shown on the map ("7", "Sneaker", or the user's name)
 * @param majorityClass index of the most common class among its points, -1 if unlabelled
 * @param purity        share of its points in the majority class (0 if unlabelled)
 * @param size          number of points
 * @param centroid      mean activation of its points
 */
public record Region(int index, String name, int majorityClass, double purity, int size, float[] centroid) {

    public Region renamed(String newName) {
        return new Region(index, newName, majorityClass, purity, size, centroid);
    }
}
