package org.latentledger.projection;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.latentledger.work.Progress;

/**
 * Runs any {@link ProjectionSpec}: PCA directly; t-SNE and UMAP after reducing wide inputs to
 * {@link #REDUCED} dimensions with PCA first, as is standard (it keeps the neighbourhoods that
 * matter and makes the neighbour search an order of magnitude cheaper). t-SNE and UMAP come from
 * either {@link Engine}: ours (the default) or Smile's, on the same reduced input; PCA is ours for
 * both. Ask {@link #feasibility} before a Smile run: its exact t-SNE needs about 24 n^2 bytes.
 */
public final class Projections {

    public static final int REDUCED = 50;

    private Projections() {
    }

    /**
     * Our engine ({@link Engine#OURS}).
     *
     * @param intermediate receives partial layouts of iterative methods (as Projections), or null
     */
    public static Projection run(float[][] points, ProjectionSpec spec, Progress progress, Consumer<Projection> intermediate) {
        checkSize(points);
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
                float[][] y = Umap.fit(x, points, umap, progress,
                        intermediate == null ? null : c -> intermediate.accept(new Projection(c, Umap.axisNames(c.length), noVariance, how)));
                yield new Projection(y, Umap.axisNames(y.length), noVariance, how);
            }
        };
    }

    /**
     * The layout by the chosen engine. With {@link Engine#SMILE}, t-SNE and UMAP run in Smile on a
     * thread of their own (see {@link SmileEngine} for how the spec's parameters map to Smile's and
     * which it cannot honour): runs are serialised, seeded from the spec, and a cancel returns at
     * once while the abandoned run finishes in the background; Smile reports no intermediate layouts,
     * so {@code intermediate} is not called.
     *
     * @throws IllegalArgumentException with the message of {@link #feasibility} when it refuses
     * @throws org.latentledger.work.CancelledException as soon as {@code progress} is cancelled
     */
    public static Projection run(float[][] points, ProjectionSpec spec, Engine engine, Progress progress,
                                 Consumer<Projection> intermediate) {
        if (engine == Engine.OURS || spec instanceof ProjectionSpec.Pca) {
            return run(points, spec, progress, intermediate);
        }
        checkSize(points);
        int width = points[0].length;
        Feasibility f = feasibility(engine, spec, points.length, width);
        if (f.refused()) {
            throw new IllegalArgumentException(f.message());
        }
        return SmileEngine.run(reduce(points, progress), spec, width, progress);
    }

    /**
     * Whether {@code engine} can lay out {@code points} rows of {@code width} dimensions as
     * {@code spec} asks, decided before anything runs: ours is always OK; Smile's exact t-SNE is
     * refused when its 24 n^2 bytes exceed 60% of this JVM's maximum heap and warned about when it
     * will take long; Smile's UMAP is always at least a warning (no progress, no cancel); parameters
     * Smile cannot honour are refused. The message gives the figures.
     */
    public static Feasibility feasibility(Engine engine, ProjectionSpec spec, int points, int width) {
        if (engine == Engine.OURS) {
            return Feasibility.ok();
        }
        return SmileFeasibility.of(spec, points, width, Runtime.getRuntime().maxMemory());
    }

    private static void checkSize(float[][] points) {
        if (points.length < 4) {
            throw new IllegalArgumentException("a map needs at least 4 points, the data has " + points.length);
        }
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
