package org.latentledger.projection;

import java.util.Arrays;
import java.util.Locale;
import org.latentledger.natives.SmileNatives;
import org.latentledger.work.Progress;
import smile.manifold.TSNE;
import smile.manifold.UMAP;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Smile 6.3's t-SNE and UMAP behind our {@link ProjectionSpec}, so the two engines can be compared
 * on the same input with the same parameters. The input is what ours gets: wide data already
 * reduced to {@link Projections#REDUCED} dimensions by our PCA.
 *
 * <p><b>t-SNE</b> is {@code smile.manifold.TSNE}: the exact O(n^2) algorithm of van der Maaten and
 * Hinton (JMLR 2008), three dense n x n matrices (about {@link SmileFeasibility#TSNE_BYTES_PER_PAIR}
 * n^2 bytes). Our spec maps to its options as: dimensions, perplexity and iterations as they are;
 * the learning rate ours uses, max(n / 48, 50); momentum 0.5 then 0.8, gains floored at 0.01,
 * exaggeration 12 for the first 250 iterations (as ours). Smile's early stops (no progress for 50
 * iterations, tiny gradient) are switched off so it runs the iterations asked for. Not honoured,
 * and said so in the layout's description: theta (the computation is exact, theta 0 in effect)
 * and our PCA initialisation (Smile starts from a random N(0, 1e-4^2) layout). Its affinities
 * use all n - 1 other points, ours the 3 x perplexity nearest.
 *
 * <p><b>UMAP</b> is {@code smile.manifold.UMAP} (McInnes, Healy and Melville 2018): neighbours,
 * min-dist, dimensions and epochs as they are (0 means 500 up to 10,000 points, else 200, as
 * ours), spread 1, learning rate 1, 5 negative samples, repulsion 1, local connectivity 1 (as
 * ours). Smile finds exact neighbours up to 10,000 points and runs NN-descent above; it starts
 * from a spectral embedding (ARPACK) when the neighbour graph is connected, else from PCA.
 *
 * <p>Seeds: {@link SmileRun} seeds Smile's generator on the thread that calls Smile; t-SNE, and
 * UMAP started from PCA, then draw the same layout for the same seed in the runs we made by hand.
 * That is not a guarantee: once, in CI's full test suite, a second UMAP run from PCA in the same
 * JVM came out another layout, and on a loaded machine two launches of the same {@code project
 * --engine smile} command did too. Smile's own code draws from the seeded generator on the calling
 * thread only and its native linear algebra was bit-stable in a stress test, so the cause is not
 * found; the tests assert layouts of the same quality, not the same bits. ARPACK, which computes
 * UMAP's spectral start, takes no seed at all: its random start vector comes from state kept
 * inside the native library (saved in {@code dgetv0}), so the spectral start, and with it the
 * layout, differs between calls in one JVM (signs of eigenvectors flip). The window relies on the
 * projection cache to show the same layout again. The description says so.
 *
 * <p>Neither reports intermediate layouts, so a Smile layout is not animated; t-SNE reports its
 * iteration, UMAP nothing. Runs are serialised.
 */
final class SmileEngine {

    /** Smile's t-SNE multiplies P by 12 itself and divides by this option after 250 iterations: it must be 12. */
    static final double EARLY_EXAGGERATION = 12;
    static final int EXAGGERATION_ITERATIONS = 250;

    private SmileEngine() {
    }

    /** The version of Smile that computes, for cache keys and provenance ("6.3.0"). */
    static String version() {
        String v = TSNE.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * @param x     rows as t-SNE/UMAP get them (after the PCA to 50 for wide data)
     * @param width the data's own number of dimensions, for the description
     */
    static Projection run(float[][] x, ProjectionSpec spec, int width, Progress progress) {
        SmileNatives.ensureLoaded(); // UMAP's spectral initialisation needs ARPACK
        String after = width > Projections.REDUCED ? " after PCA to " + Projections.REDUCED : "";
        double[] noVariance = new double[spec.dimensions()];
        Arrays.fill(noVariance, Double.NaN);
        return switch (spec) {
            case ProjectionSpec.Tsne tsne -> {
                double[][] y = SmileRun.call(new TsneJob(doubles(x, true), tsne), tsne.seed(), progress);
                yield new Projection(columns(y, "Smile's t-SNE"), BarnesHutTsne.axisNames(tsne.dimensions()), noVariance,
                        describe(tsne, after));
            }
            case ProjectionSpec.Umap umap -> {
                double[][] y = SmileRun.call(new UmapJob(doubles(x, false), umap), umap.seed(), progress);
                yield new Projection(columns(y, "Smile's UMAP"), Umap.axisNames(umap.dimensions()), noVariance,
                        umap.describe() + after + " by Smile (spectral initialisation by ARPACK, which takes no seed)");
            }
            case ProjectionSpec.Pca pca -> throw new IllegalArgumentException("PCA is the same for both engines: ours");
        };
    }

    static String describe(ProjectionSpec.Tsne t, String after) {
        return String.format(Locale.ROOT, "t-SNE %dD (perplexity %s, %d iterations, seed %d)%s by Smile (exact, so theta %s is not used; "
                + "random initialisation)", t.dimensions(), num(t.perplexity()), t.iterations(), t.seed(), after, num(t.theta()));
    }

    /** The learning rate ours uses (Belkina et al. 2019), so the optimisers differ only where Smile's code does. */
    static double learningRate(int n) {
        return Math.max(n / EARLY_EXAGGERATION / 4, 50);
    }

    private static final class TsneJob implements SmileRun.Job<double[][]> {
        private final double[][] x;
        private final ProjectionSpec.Tsne spec;
        private final Controller controller = new Controller();

        TsneJob(double[][] x, ProjectionSpec.Tsne spec) {
            this.x = x;
            this.spec = spec;
        }

        @Override
        public String name() {
            return "Smile's t-SNE";
        }

        @Override
        public double[][] compute() {
            int iterations = spec.iterations();
            TSNE.Options options = new TSNE.Options(spec.dimensions(), spec.perplexity(), learningRate(x.length), EARLY_EXAGGERATION,
                    iterations, iterations, Double.MIN_VALUE, 0.5, 0.8, EXAGGERATION_ITERATIONS, 0.01, controller);
            return TSNE.fit(x, options).coordinates();
        }

        @Override
        public void report(Progress progress, double seconds) {
            AlgoStatus s = controller.latest;
            if (s == null) {
                progress.update(-1, String.format(Locale.ROOT, "t-SNE by Smile (exact): distances and affinities of %,d points, "
                        + "which cannot be interrupted, %.0f s", x.length, seconds));
            } else {
                progress.update((double) s.iteration() / spec.iterations(), String.format(Locale.ROOT,
                        "t-SNE by Smile (exact) iteration %d / %d, %.0f s", s.iteration(), spec.iterations(), seconds));
            }
        }

        @Override
        public void stop() {
            controller.stop(); // read by Smile every tenth iteration, not during the affinities
        }
    }

    /**
     * Smile's hook into its t-SNE loop: it submits the iteration and cost every tenth iteration
     * and stops when asked. We keep the latest status instead of publishing it, so no thread of
     * Smile's own (the default controller starts a pool that is not a daemon) is involved.
     */
    private static final class Controller extends IterativeAlgorithmController<AlgoStatus> {
        volatile AlgoStatus latest;

        Controller() {
            super(Runnable::run, 1);
        }

        @Override
        public void submit(AlgoStatus status) {
            latest = status;
        }
    }

    private static final class UmapJob implements SmileRun.Job<double[][]> {
        private final double[][] x;
        private final ProjectionSpec.Umap spec;

        UmapJob(double[][] x, ProjectionSpec.Umap spec) {
            this.x = x;
            this.spec = spec;
        }

        @Override
        public String name() {
            return "Smile's UMAP";
        }

        @Override
        public double[][] compute() {
            UMAP.Options options = new UMAP.Options(spec.neighbours(), spec.dimensions(), spec.epochs(), 1.0, spec.minDist(), 1.0,
                    Umap.NEGATIVE_SAMPLE_RATE, 1.0, 1.0);
            return UMAP.fit(x, options);
        }

        @Override
        public void report(Progress progress, double seconds) {
            progress.update(-1, String.format(Locale.ROOT, "UMAP by Smile (no progress reported, cannot be cancelled) of %,d points, %.0f s",
                    x.length, seconds));
        }
    }

    /**
     * Rows as doubles. For t-SNE, data with as many rows as columns gets one more column of zeros:
     * Smile would otherwise take the square input for a matrix of squared distances. A constant
     * column changes no distance, so the layout is the one the data asks for.
     */
    static double[][] doubles(float[][] x, boolean avoidSquare) {
        int n = x.length;
        int w = x[0].length;
        int width = avoidSquare && n == w ? w + 1 : w;
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                out[i][j] = x[i][j];
            }
        }
        return out;
    }

    /** Smile's rows as our columns, refusing a layout with NaN or infinite coordinates. */
    static float[][] columns(double[][] y, String name) {
        int n = y.length;
        int d = y[0].length;
        float[][] c = new float[d][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(y[i][k])) {
                    throw new IllegalStateException(name + " returned a layout with non-finite coordinates (point " + i + ")");
                }
                c[k][i] = (float) y[i][k];
            }
        }
        return c;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
