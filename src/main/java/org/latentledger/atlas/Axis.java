package org.latentledger.atlas;

/**
 * A direction in a layer's activation space. A point's coordinate on it is (a - origin) . u.
 *
 * @param name      "PC1" or "Sneaker -> Ankle boot"
 * @param direction unit vector u
 * @param origin    the layer's mean activation
 * @param explained share of variance along it (principal components), NaN for concept axes
 * @param from      region the axis starts at (concept axes), else -1
 * @param to        region it points to (concept axes), else -1
 */
public record Axis(String name, double[] direction, double[] origin, double explained, int from, int to) {

    public boolean isConcept() {
        return from >= 0;
    }

    public double coordinate(float[] a) {
        double s = 0;
        for (int j = 0; j < direction.length; j++) {
            s += (a[j] - origin[j]) * direction[j];
        }
        return s;
    }

    /** Coordinates of all points. */
    public float[] coordinates(float[][] points) {
        float[] out = new float[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = (float) coordinate(points[i]);
        }
        return out;
    }
}
