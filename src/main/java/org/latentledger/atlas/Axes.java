package org.latentledger.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentledger.projection.PcaModel;
import org.latentledger.projection.PcaProjector;
import org.latentledger.work.Progress;

/** The axes of a layer: its principal components, and concept axes between two regions. */
public final class Axes {

    private Axes() {
    }

    /** The first {@code count} principal components, named "PC1 (23.4%)" style by {@link #label}. */
    public static List<Axis> principal(float[][] activations, int count, Progress progress) {
        PcaModel pca = PcaProjector.fit(activations, count, progress);
        List<Axis> axes = new ArrayList<>();
        for (int c = 0; c < pca.count(); c++) {
            axes.add(new Axis("PC" + (c + 1), pca.components()[c], pca.mean(), pca.explained()[c], -1, -1));
        }
        return axes;
    }

    /** The normalised difference of two regions' centroids, from A to B, with the layer's mean as origin. */
    public static Axis concept(Region a, Region b, double[] origin) {
        if (a.index() == b.index()) {
            throw new IllegalArgumentException("a concept axis needs two different regions");
        }
        double[] u = new double[a.centroid().length];
        double norm = 0;
        for (int j = 0; j < u.length; j++) {
            u[j] = b.centroid()[j] - a.centroid()[j];
            norm += u[j] * u[j];
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            throw new IllegalArgumentException("regions " + a.name() + " and " + b.name() + " have the same centroid");
        }
        for (int j = 0; j < u.length; j++) {
            u[j] /= norm;
        }
        return new Axis(a.name() + " -> " + b.name(), u, origin, Double.NaN, a.index(), b.index());
    }

    public static double[] mean(float[][] activations) {
        double[] m = new double[activations[0].length];
        for (float[] row : activations) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= activations.length;
        }
        return m;
    }

    public static String label(Axis axis) {
        return Double.isNaN(axis.explained()) ? axis.name()
                : String.format(Locale.ROOT, "%s (%.1f%%)", axis.name(), 100 * axis.explained());
    }
}
