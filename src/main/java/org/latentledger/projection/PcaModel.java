package org.latentledger.projection;

/**
 * A fitted PCA: the mean, the principal directions (unit vectors, largest variance first, signs
 * fixed so each direction's largest-magnitude entry is positive) and the share of variance each
 * explains.
 */
public record PcaModel(double[] mean, double[][] components, double[] explained) {

    public int count() {
        return components.length;
    }

    /** (a - mean) . u_c */
    public double coordinate(float[] a, int c) {
        double s = 0;
        double[] u = components[c];
        for (int j = 0; j < u.length; j++) {
            s += (a[j] - mean[j]) * u[j];
        }
        return s;
    }
}
