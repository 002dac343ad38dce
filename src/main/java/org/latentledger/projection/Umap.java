package org.latentledger.projection;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * UMAP: L. McInnes, J. Healy and J. Melville, "UMAP: Uniform Manifold Approximation and
 * Projection for Dimension Reduction", arXiv:1802.03426 (2018), following umap-learn's
 * reference choices: fuzzy simplicial set from exact k nearest neighbours (rho, sigma by
 * bisection to log2(k)), fuzzy union, edges sampled in proportion to their weight, 5 negative
 * samples per positive, gradient clipping at 4, learning rate decaying linearly from 1.
 *
 * <p>The start is umap-learn's: a spectral embedding of the fuzzy graph ({@link SpectralLayout}),
 * scaled so its largest coordinate is 10; PCA scaled to [0, 10] only when the graph falls apart
 * into pieces. When the input was reduced by PCA first, the neighbours are searched in the
 * reduction, re-ranked by their distances in the input and refined there by one pass of
 * neighbours' neighbours (see {@link #fit(float[][], float[][], ProjectionSpec.Umap, Progress,
 * Consumer)}, {@link #refined}): PCA to 50 keeps only 61% of Fashion-MNIST's 15 nearest
 * neighbours in 784 dimensions, the re-ranking 73%, the refinement 90%. The SGD ({@link UmapSgd}) runs on one thread with one seeded random
 * stream, so the same seed gives the same layout. See docs/decisions/0017-umap-at-scale.md.
 */
public final class Umap {

    static final int NEGATIVE_SAMPLE_RATE = 5;
    /** Candidates per neighbour searched in the reduced space before re-ranking in the original one (21 for 15): measured at 70k, 2 gave no better layout for about twice the search. */
    static final double CANDIDATES = 1.34;

    private Umap() {
    }

    public static float[][] fit(float[][] x, ProjectionSpec.Umap spec, Progress progress, Consumer<float[][]> intermediate) {
        return fit(x, x, spec, progress, intermediate);
    }

    /**
     * @param x        the points the neighbours are searched in (PCA-reduced when the input is wide)
     * @param original the input itself, rows matching {@code x}: the candidates found in {@code x}
     *                 are re-ranked by their distances here, so the graph is the input's, not the
     *                 reduction's (the same array as {@code x} when nothing was reduced)
     */
    public static float[][] fit(float[][] x, float[][] original, ProjectionSpec.Umap spec, Progress progress,
                                Consumer<float[][]> intermediate) {
        int n = x.length;
        int dims = spec.dimensions();
        int k = Math.min(spec.neighbours(), n - 1);
        progress.update(0, "UMAP: neighbours");
        Knn knn;
        if (original == x) {
            knn = Knn.search(x, k, spec.seed(), progress);
        } else {
            int candidates = Math.min(n - 1, (int) Math.ceil(k * CANDIDATES));
            knn = reranked(NnDescent.rough(x, candidates, spec.seed(), progress), original, k);
            progress.checkCancelled();
            progress.update(-1, "UMAP: neighbours of neighbours");
            knn = refined(knn, original, REFINE_REACH);
        }
        Graph g = Graph.of(knn, spec.neighbours());
        int epochs = spec.epochs() > 0 ? spec.epochs() : n <= 10_000 ? 500 : 200;
        g = g.pruned(epochs);
        UmapCurve curve = UmapCurve.fit(spec.minDist(), 1.0);
        double[] y = SpectralLayout.layout(g, n, dims, spec.seed());
        y = y != null ? scaled(y, spec.seed()) : initial(x, dims, spec.seed());
        UmapSgd.optimise(g, y, dims, n, curve, epochs, new SplittableRandom(spec.seed()), progress, intermediate);
        return BarnesHutTsne.columns(y, dims, n);
    }

    /**
     * How far {@link #refined} looks: the first 8 neighbours of each of the first 8. Measured at
     * Fashion 70k (seed 42): 12 and a second pass found more of the true neighbours (recall 0.90
     * -> 0.92) and gave no better layout.
     */
    static final int REFINE_REACH = 8;

    /**
     * Each point's list improved by one pass of "a neighbour of a neighbour is likely a neighbour",
     * measured in {@code original}: the first {@code reach} neighbours of each of its first
     * {@code reach} neighbours are candidates. Every new list is built from the old lists only, so
     * the result does not depend on the order points are worked in.
     */
    static Knn refined(Knn knn, float[][] original, int reach) {
        int n = original.length;
        int k = knn.indices()[0].length;
        int r = Math.min(reach, k);
        int[][] idx = new int[n][];
        float[][] dist = new float[n][];
        ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[n]);
        int[] visit = visitOrder(knn);
        IntStream.range(0, n).parallel().forEach(at -> {
            int i = visit[at];
            int[] seen = stamps.get();
            int mark = i + 1; // a stamp per point: nothing to clear between points
            int[] cur = knn.indices()[i];
            int[] bi = cur.clone();
            float[] bd = new float[k];
            seen[i] = mark;
            for (int m = 0; m < k; m++) {
                float d = knn.distances()[i][m];
                bd[m] = d * d;
                seen[cur[m]] = mark;
            }
            float[] xi = original[i];
            for (int a = 0; a < r; a++) {
                int[] next = knn.indices()[cur[a]];
                for (int b = 0; b < r; b++) {
                    int c = next[b];
                    if (seen[c] == mark) {
                        continue;
                    }
                    seen[c] = mark;
                    float d = Knn.squared(xi, original[c], bd[k - 1]);
                    if (d < bd[k - 1] || (d == bd[k - 1] && c < bi[k - 1])) {
                        Knn.insert(bi, bd, c, d);
                    }
                }
            }
            for (int m = 0; m < k; m++) {
                bd[m] = (float) Math.sqrt(bd[m]);
            }
            idx[i] = bi;
            dist[i] = bd;
        });
        return new Knn(idx, dist);
    }

    /**
     * The points in the order a breadth-first walk along the neighbour lists meets them (each
     * piece of the graph from its lowest unvisited point): consecutive points are neighbours, so
     * the rows their candidates read are mostly the ones just read, and still in the cache.
     */
    static int[] visitOrder(Knn knn) {
        int n = knn.indices().length;
        int[] order = new int[n];
        boolean[] queued = new boolean[n];
        int head = 0;
        int tail = 0;
        for (int start = 0; start < n; start++) {
            if (queued[start]) {
                continue;
            }
            queued[start] = true;
            order[tail++] = start;
            while (head < tail) {
                for (int j : knn.indices()[order[head++]]) {
                    if (!queued[j]) {
                        queued[j] = true;
                        order[tail++] = j;
                    }
                }
            }
        }
        return order;
    }

    /** Each point's k nearest among its candidates, by distance in {@code original} (ties by index). */
    static Knn reranked(Knn candidates, float[][] original, int k) {
        int n = original.length;
        int[][] idx = new int[n][k];
        float[][] dist = new float[n][k];
        int[] visit = visitOrder(candidates);
        IntStream.range(0, n).parallel().forEach(at -> {
            int i = visit[at];
            // (distance, index) packed in one long: a squared distance is never negative, so its
            // bits sort as it does, and ties go to the lower index.
            int[] c = candidates.indices()[i];
            long[] order = new long[c.length];
            for (int m = 0; m < c.length; m++) {
                float d = Knn.squared(original[i], original[c[m]], Float.POSITIVE_INFINITY);
                order[m] = (long) Float.floatToRawIntBits(d) << 32 | c[m];
            }
            java.util.Arrays.sort(order);
            for (int m = 0; m < k; m++) {
                idx[i][m] = (int) order[m];
                dist[i][m] = (float) Math.sqrt(Float.intBitsToFloat((int) (order[m] >>> 32)));
            }
        });
        return new Knn(idx, dist);
    }

    /** The symmetric fuzzy graph as a directed edge list (both directions), with weights, in row-major order (by head, then tail). */
    record Graph(int[] head, int[] tail, double[] weight) {

        static Graph of(Knn knn, int neighbours) {
            int n = knn.indices().length;
            int k = knn.indices()[0].length;
            double[][] w = new double[n][k];
            double target = Math.log(neighbours) / Math.log(2);
            IntStream.range(0, n).parallel().forEach(i -> w[i] = memberships(knn.distances()[i], target));
            // Who lists i, and with what weight: the reverse of the neighbour lists, by lister.
            int[] revStart = new int[n + 1];
            for (int[] row : knn.indices()) {
                for (int j : row) {
                    revStart[j + 1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                revStart[i + 1] += revStart[i];
            }
            int[] revFrom = new int[revStart[n]];
            double[] revWeight = new double[revStart[n]];
            int[] fill = java.util.Arrays.copyOf(revStart, n);
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) {
                    int at = fill[knn.indices()[i][m]]++;
                    revFrom[at] = i;
                    revWeight[at] = w[i][m];
                }
            }
            // Fuzzy union w_ij + w_ji - w_ij w_ji over each pair listed from either end, as two
            // directed edges, in row-major order: by head, then tail, as umap-learn's sparse
            // matrix gives them to its SGD. The two directions of a pair are then far apart in
            // an epoch; written one after the other (as until 2026-12-07) they pulled the pair
            // together twice in a row, and at Fashion 70k trustworthiness was about 0.001 lower
            // and 5-NN accuracy 0.007 (decision 0017). Counted, then written, per point.
            Partners partners = new Partners(knn.indices(), w, revStart, revFrom, revWeight);
            int[] offset = new int[n + 1];
            IntStream.range(0, n).parallel().forEach(i -> offset[i + 1] = partners.of(i, new int[partners.most(i)], null));
            for (int i = 0; i < n; i++) {
                offset[i + 1] += offset[i];
            }
            int edges = offset[n];
            int[] head = new int[edges];
            int[] tail = new int[edges];
            double[] weight = new double[edges];
            IntStream.range(0, n).parallel().forEach(i -> {
                int[] p = new int[partners.most(i)];
                double[] v = new double[p.length];
                int count = partners.of(i, p, v);
                for (int m = 0, e = offset[i]; m < count; m++, e++) {
                    head[e] = i;
                    tail[e] = p[m];
                    weight[e] = v[m];
                }
            });
            return new Graph(head, tail, weight);
        }

        /** The partners above each point in the fuzzy graph, with the union's weights. */
        private record Partners(int[][] forward, double[][] w, int[] revStart, int[] revFrom, double[] revWeight) {

            int most(int i) {
                return forward[i].length + revStart[i + 1] - revStart[i];
            }

            /** Writes i's partners ascending (and, when {@code v} is given, their weights); returns how many. */
            int of(int i, int[] p, double[] v) {
                // Forward entries (j, w_ij) and reverse ones (j, w_ji), merged by j; a pair listed
                // from both ends appears twice, once from each side. The weight is the same sum
                // from either end (a + b - ab with a and b swapped), so the graph is symmetric
                // to the last bit.
                int count = 0;
                double[] a = new double[p.length];
                double[] b = new double[p.length];
                for (int m = 0; m < forward[i].length; m++) {
                    count = put(i, forward[i][m], w[i][m], 0, p, a, b, count);
                }
                for (int r = revStart[i]; r < revStart[i + 1]; r++) {
                    count = put(i, revFrom[r], 0, revWeight[r], p, a, b, count);
                }
                if (v != null) {
                    for (int m = 0; m < count; m++) {
                        v[m] = a[m] + b[m] - a[m] * b[m];
                    }
                }
                return count;
            }

            /** Puts partner j into its place in the sorted run, or adds to its entry there. */
            private static int put(int i, int j, double fromI, double fromJ, int[] p, double[] a, double[] b, int count) {
                if (j == i) {
                    return count;
                }
                int at = count;
                while (at > 0 && p[at - 1] > j) {
                    at--;
                }
                if (at > 0 && p[at - 1] == j) {
                    a[at - 1] += fromI;
                    b[at - 1] += fromJ;
                    return count;
                }
                System.arraycopy(p, at, p, at + 1, count - at);
                System.arraycopy(a, at, a, at + 1, count - at);
                System.arraycopy(b, at, b, at + 1, count - at);
                p[at] = j;
                a[at] = fromI;
                b[at] = fromJ;
                return count + 1;
            }
        }

        /** Drops edges too weak to be sampled even once in {@code epochs}. */
        Graph pruned(int epochs) {
            double max = 0;
            for (double v : weight) {
                max = Math.max(max, v);
            }
            double floor = max / epochs;
            int keep = 0;
            for (double v : weight) {
                if (v >= floor) {
                    keep++;
                }
            }
            int[] h = new int[keep];
            int[] t = new int[keep];
            double[] w = new double[keep];
            int e = 0;
            for (int i = 0; i < weight.length; i++) {
                if (weight[i] >= floor) {
                    h[e] = head[i];
                    t[e] = tail[i];
                    w[e++] = weight[i];
                }
            }
            return new Graph(h, t, w);
        }
    }

    /** exp(-(d - rho) / sigma) with rho the nearest distance and sigma such that the sum is log2(k). */
    static double[] memberships(float[] distances, double target) {
        int k = distances.length;
        double rho = 0;
        double mean = 0;
        for (float d : distances) {
            mean += d;
            if (rho == 0 && d > 0) {
                rho = d;
            }
        }
        mean /= k;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double sigma = 1;
        for (int iter = 0; iter < 64; iter++) {
            double sum = 0;
            for (float d : distances) {
                double t = d - rho;
                sum += t > 0 ? Math.exp(-t / sigma) : 1;
            }
            if (Math.abs(sum - target) < 1e-5) {
                break;
            }
            if (sum > target) {
                hi = sigma;
                sigma = (lo + hi) / 2;
            } else {
                lo = sigma;
                sigma = hi == Double.POSITIVE_INFINITY ? sigma * 2 : (lo + hi) / 2;
            }
        }
        sigma = Math.max(sigma, 1e-3 * mean);
        double[] w = new double[k];
        for (int m = 0; m < k; m++) {
            double t = distances[m] - rho;
            w[m] = t > 0 ? Math.exp(-t / sigma) : 1;
        }
        return w;
    }

    /** A spectral layout scaled so its largest coordinate is 10, with the same whisper of seeded noise as {@link #initial}. */
    static double[] scaled(double[] y, long seed) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, Math.abs(v));
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] * 10 / max + r.nextGaussian() * 1e-4;
        }
        return y;
    }

    /** PCA of the input, scaled into [0, 10] per axis, with a whisper of seeded noise. */
    static double[] initial(float[][] x, int dims, long seed) {
        int n = x.length;
        Projection pca = new PcaProjector().project(x, dims, Progress.NONE);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] y = new double[n * dims];
        for (int d = 0; d < dims; d++) {
            float[] a = pca.axis(d);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : a) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double span = hi - lo;
            for (int i = 0; i < n; i++) {
                double v = span > 0 ? 10 * (a[i] - lo) / span : 5;
                y[i * dims + d] = v + r.nextGaussian() * 1e-4;
            }
        }
        return y;
    }

    static List<String> axisNames(int dims) {
        return dims == 2 ? List.of("UMAP 1", "UMAP 2") : List.of("UMAP 1", "UMAP 2", "UMAP 3");
    }
}
