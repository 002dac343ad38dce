package org.latentledger.projection;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.latentledger.work.Progress;

/**
 * Runs any {@link ProjectionSpec}: PCA directly; t-SNE and UMAP after reducing wide inputs to
 * {@link #REDUCED} dimensions with PCA first, as is standard (it keeps the neighbourhoods that
 * matter and makes the neighbour search an order of magnitude cheaper).
 */
public final class Projections {

    public static final int REDUCED = 50;

    private Projections() {
    }

    /**
     * @param intermediate receives partial layouts of iterative methods (as Projections), or null
     */
    public static Projection run(float[][] points, ProjectionSpec spec, Progress progress, Consumer<Projection> intermediate) {
        if (points.length < 4) {
            throw new IllegalArgumentException("a map needs at least 4 points, the data has " + points.length);
        }
        int width = points[0].length;
        double[] noVariance = new double[spec.dimensions()];
        Arrays.fill(noVariance, Double.NaN);
        return switch (spec) {
            case ProjectionSpec.Pca pca -> new PcaProjector().project(points, pca.dimensions(), progress);
            case ProjectionSpec.Tsne tsne -> {
                float[][] x = reduce(points, progress);
                String how = tsne.describe() + (width > REDUCED ? " after PCA to " + REDUCED : "");
                float[][] y = BarnesHutTsne.fit(x, tsne, progress,
                        intermediate == null ? null : c -> intermediate.accept(new Projection(c, BarnesHutTsne.axisNames(c.length), noVariance, how)));
                yield new Projection(y, BarnesHutTsne.axisNames(y.length), noVariance, how);
            }
            case ProjectionSpec.Umap umap -> {
                float[][] x = reduce(points, progress);
                String how = umap.describe() + (width > REDUCED ? " after PCA to " + REDUCED : "");
                float[][] y = Umap.fit(x, umap, progress,
                        intermediate == null ? null : c -> intermediate.accept(new Projection(c, Umap.axisNames(c.length), noVariance, how)));
                yield new Projection(y, Umap.axisNames(y.length), noVariance, how);
            }
        };
    }

    /** The first {@link #REDUCED} principal components as rows, or the input itself when it is narrow enough. */
    public static float[][] reduce(float[][] points, Progress progress) {
        if (points[0].length <= REDUCED) {
            return points;
        }
        progress.update(-1, String.format(Locale.ROOT, "PCA from %d to %d dimensions", points[0].length, REDUCED));
        Projection p = new PcaProjector().project(points, REDUCED, progress);
        float[][] rows = new float[points.length][REDUCED];
        for (int d = 0; d < REDUCED; d++) {
            float[] axis = p.axis(d);
            for (int i = 0; i < points.length; i++) {
                rows[i][d] = axis[i];
            }
        }
        return rows;
    }

    /** Rows of a layout ({@code [n][dims]}), for distance computations such as trustworthiness. */
    public static float[][] rows(Projection p) {
        float[][] out = new float[p.size()][p.dimensions()];
        for (int d = 0; d < p.dimensions(); d++) {
            float[] axis = p.axis(d);
            for (int i = 0; i < axis.length; i++) {
                out[i][d] = axis[i];
            }
        }
        return out;
    }
}
