package org.latentledger.projection;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * Barnes-Hut t-SNE: L. van der Maaten, "Accelerating t-SNE using tree-based algorithms", JMLR 15
 * (2014), after t-SNE (van der Maaten and Hinton, JMLR 2008). Sparse input affinities over 3 x
 * perplexity exact neighbours; repulsion by a quadtree/octree; gradient descent with momentum
 * (0.5, then 0.8), gains (+0.2 / x0.8, floor 0.01) and early exaggeration 12 for 250 steps, as in
 * the reference implementations; PCA initialisation scaled to standard deviation 1e-4 and the
 * learning rate max(n / 48, 50) (Kobak and Berens 2019; Belkina et al. 2019).
 *
 * <p>Deterministic: each point's gradient is computed on its own and sums are taken in index
 * order, so the thread count does not change the result. Cancels between iterations; publishes
 * the layout every {@link #PUBLISH_EVERY} iterations for the map to animate.
 */
public final class BarnesHutTsne {

    static final int EXAGGERATION_ITERATIONS = 250;
    static final double EXAGGERATION = 12;
    static final int PUBLISH_EVERY = 10;
    /**
     * From this many points on, 2D repulsion is by FFT interpolation ({@link FftRepulsion}), below it
     * by the quadtree: the grid's cost hardly depends on n, the tree walk's grows as n log n, and
     * they cross between 20,000 and 70,000 points (decision 0016).
     */
    static final int FFT_FROM = Integer.getInteger("latentledger.tsne.fftFrom", 40_000);

    private BarnesHutTsne() {
    }

    /**
     * @param x            input rows (already reduced to about 50 dimensions if wide)
     * @param intermediate receives layouts while it converges ({@code [dims][n]} copies), or null
     */
    public static float[][] fit(float[][] x, ProjectionSpec.Tsne spec, Progress progress, Consumer<float[][]> intermediate) {
        return fit(x, spec, progress, intermediate, FFT_FROM);
    }

    /** @param fftFrom the number of points from which 2D repulsion is by FFT (tests lower it) */
    static float[][] fit(float[][] x, ProjectionSpec.Tsne spec, Progress progress, Consumer<float[][]> intermediate, int fftFrom) {
        int n = x.length;
        int dims = spec.dimensions();
        progress.update(0, "t-SNE: neighbours and affinities");
        TsneAffinities p = TsneAffinities.of(x, spec.perplexity(), spec.seed(), progress);
        double[] y = initial(x, dims, spec.seed());
        double[] update = new double[n * dims];
        double[] gains = new double[n * dims];
        java.util.Arrays.fill(gains, 1);
        double[] grad = new double[n * dims];
        double[] zPart = new double[3 * n];
        FftRepulsion fft = dims == 2 && n >= fftFrom ? new FftRepulsion() : null;
        QuadTree tree = dims == 2 && fft == null ? new QuadTree(2 * n) : null;
        double learningRate = Math.max(n / EXAGGERATION / 4, 50);
        // original[k]: the input row of the point at position k (the identity until the first reordering).
        int[] original = null;
        for (int iter = 0; iter < spec.iterations(); iter++) {
            progress.checkCancelled();
            if (fft != null && isReordering(iter)) {
                int[] perm = LayoutOrder.of(y, n);
                p = LayoutOrder.permuted(p, perm);
                y = LayoutOrder.permutedRows(y, perm);
                update = LayoutOrder.permutedRows(update, perm);
                gains = LayoutOrder.permutedRows(gains, perm);
                if (original == null) {
                    original = perm;
                } else {
                    int[] composed = new int[n];
                    for (int k = 0; k < n; k++) {
                        composed[k] = original[perm[k]];
                    }
                    original = composed;
                }
            }
            boolean early = iter < EXAGGERATION_ITERATIONS;
            if (fft != null) {
                gradientFft(p, y, n, early ? EXAGGERATION : 1, grad, zPart, fft);
            } else if (tree != null) {
                gradient2d(p, y, n, early ? EXAGGERATION : 1, spec.theta(), grad, zPart, tree);
            } else {
                gradient(p, y, dims, n, early ? EXAGGERATION : 1, spec.theta(), grad, zPart);
            }
            double momentum = early ? 0.5 : 0.8;
            for (int e = 0; e < n * dims; e++) {
                boolean sameSign = (grad[e] > 0) == (update[e] > 0);
                gains[e] = Math.max(0.01, sameSign ? gains[e] * 0.8 : gains[e] + 0.2);
                update[e] = momentum * update[e] - learningRate * gains[e] * grad[e];
                y[e] += update[e];
            }
            centre(y, dims, n);
            if (iter % PUBLISH_EVERY == PUBLISH_EVERY - 1 || iter == spec.iterations() - 1) {
                progress.update((iter + 1.0) / spec.iterations(), "t-SNE iteration " + (iter + 1) + " / " + spec.iterations());
                if (intermediate != null) {
                    intermediate.accept(columns(y, dims, n, original));
                }
            }
        }
        return columns(y, dims, n, original);
    }

    /**
     * Iterations before which the points are renumbered in the layout's order (FFT path): the first
     * once early exaggeration has gathered the clusters, the second once the layout has expanded.
     */
    static boolean isReordering(int iter) {
        return iter == 100 || iter == EXAGGERATION_ITERATIONS + 100;
    }

    /** dC/dy = 4 (exaggeration * sum_j p_ij w_ij (y_i - y_j) - sum_j w_ij^2 (y_i - y_j) / Z). */
    static void gradient(TsneAffinities p, double[] y, int dims, int n, double exaggeration, double theta, double[] grad,
                         double[] zPart) {
        if (dims == 2) {
            double[] work = zPart.length >= 3 * n ? zPart : new double[3 * n];
            gradient2d(p, y, n, exaggeration, theta, grad, work, new QuadTree(2 * n));
            System.arraycopy(work, 0, zPart, 0, n);
            return;
        }
        SpaceTree tree = new SpaceTree(y, dims, n);
        double[] repulsive = new double[n * dims];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] force = new double[dims];
            int[] stack = new int[tree.stackSize() * 4];
            zPart[i] = tree.repulsion(i, y, theta, force, stack);
            System.arraycopy(force, 0, repulsive, i * dims, dims);
            for (int d = 0; d < dims; d++) {
                grad[i * dims + d] = 0;
            }
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.columns()[e];
                double dist2 = 0;
                for (int d = 0; d < dims; d++) {
                    double t = y[i * dims + d] - y[j * dims + d];
                    dist2 += t * t;
                }
                double m = p.values()[e] / (1 + dist2);
                for (int d = 0; d < dims; d++) {
                    grad[i * dims + d] += m * (y[i * dims + d] - y[j * dims + d]);
                }
            }
        });
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += zPart[i];
        }
        for (int e = 0; e < n * dims; e++) {
            grad[e] = 4 * (exaggeration * grad[e] - repulsive[e] / z);
        }
    }

    /** Points per parallel task: enough to amortise the task, few enough to balance two cores. */
    private static final int BLOCK = 256;

    /** The same gradient in 2D, with the specialised {@link QuadTree} (reused across iterations). */
    static void gradient2d(TsneAffinities p, double[] y, int n, double exaggeration, double theta, double[] grad,
                           double[] zPart, QuadTree tree) {
        tree.build(y, n);
        int[] rowStart = p.rowStart();
        int[] columns = p.columns();
        double[] values = p.values();
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            double[] force = new double[2];
            int[] stack = new int[QuadTree.stackSize() * 4];
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                double xi = y[2 * i];
                double yi = y[2 * i + 1];
                force[0] = 0;
                force[1] = 0;
                zPart[i] = tree.repulsion(xi, yi, theta, force, stack);
                // Attraction here, repulsion (divided by Z once Z is known) below.
                attractionAt(rowStart, columns, values, y, i, grad);
                zPart[i + n] = force[0];
                zPart[i + 2 * n] = force[1];
            }
        });
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += zPart[i];
        }
        for (int i = 0; i < n; i++) {
            grad[2 * i] = 4 * (exaggeration * grad[2 * i] - zPart[i + n] / z);
            grad[2 * i + 1] = 4 * (exaggeration * grad[2 * i + 1] - zPart[i + 2 * n] / z);
        }
    }

    /**
     * The 2D gradient with the repulsion by {@link FftRepulsion}; {@code work} holds at least 2n
     * values (the repulsive sums).
     */
    static void gradientFft(TsneAffinities p, double[] y, int n, double exaggeration, double[] grad, double[] work,
                            FftRepulsion repulsion) {
        double z = repulsion.repulsion(y, n, work);
        attraction2d(p, y, n, grad);
        for (int e = 0; e < 2 * n; e++) {
            grad[e] = 4 * (exaggeration * grad[e] - work[e] / z);
        }
    }

    /** {@code grad} receives sum_j p_ij w_ij (y_i - y_j) per point (2D, interleaved). */
    static void attraction2d(TsneAffinities p, double[] y, int n, double[] grad) {
        int[] rowStart = p.rowStart();
        int[] columns = p.columns();
        double[] values = p.values();
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                attractionAt(rowStart, columns, values, y, i, grad);
            }
        });
    }

    /** Point i's sum_j p_ij w_ij (y_i - y_j) into {@code grad[2i], grad[2i + 1]} (2D, interleaved). */
    private static void attractionAt(int[] rowStart, int[] columns, double[] values, double[] y, int i, double[] grad) {
        double xi = y[2 * i];
        double yi = y[2 * i + 1];
        double ax = 0;
        double ay = 0;
        for (int e = rowStart[i], stop = rowStart[i + 1]; e < stop; e++) {
            int j = columns[e];
            double dx = xi - y[2 * j];
            double dy = yi - y[2 * j + 1];
            double m = values[e] / (1 + dx * dx + dy * dy);
            ax += m * dx;
            ay += m * dy;
        }
        grad[2 * i] = ax;
        grad[2 * i + 1] = ay;
    }

    /** PCA of the input, scaled to standard deviation 1e-4 on the first axis; seeded noise if degenerate. */
    static double[] initial(float[][] x, int dims, long seed) {
        int n = x.length;
        double[] y = new double[n * dims];
        Projection pca = new PcaProjector().project(x, dims, Progress.NONE);
        double sd = 0;
        for (float v : pca.axis(0)) {
            sd += (double) v * v;
        }
        sd = Math.sqrt(sd / n);
        if (sd > 0) {
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dims; d++) {
                    y[i * dims + d] = pca.axis(d)[i] / sd * 1e-4;
                }
            }
        }
        // A whisper of seeded noise separates exact duplicates (and is all there is when PCA is degenerate).
        SplittableRandom r = new SplittableRandom(seed);
        for (int e = 0; e < y.length; e++) {
            y[e] += r.nextGaussian() * 1e-7;
        }
        return y;
    }

    private static void centre(double[] y, int dims, int n) {
        for (int d = 0; d < dims; d++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += y[i * dims + d];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                y[i * dims + d] -= mean;
            }
        }
    }

    static float[][] columns(double[] y, int dims, int n) {
        return columns(y, dims, n, null);
    }

    /** The layout by input row: position k holds input row {@code original[k]} (null: the identity). */
    static float[][] columns(double[] y, int dims, int n, int[] original) {
        float[][] out = new float[dims][n];
        for (int k = 0; k < n; k++) {
            int i = original == null ? k : original[k];
            for (int d = 0; d < dims; d++) {
                out[d][i] = (float) y[k * dims + d];
            }
        }
        return out;
    }

    /** Axis names of a t-SNE layout. */
    static List<String> axisNames(int dims) {
        return dims == 2 ? List.of("t-SNE 1", "t-SNE 2") : List.of("t-SNE 1", "t-SNE 2", "t-SNE 3");
    }
}
