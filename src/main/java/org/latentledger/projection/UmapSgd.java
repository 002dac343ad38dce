package org.latentledger.projection;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.latentledger.work.Progress;

/**
 * UMAP's stochastic gradient descent over its fuzzy graph, as umap-learn's reference: edges
 * sampled in proportion to their weight, {@link Umap#NEGATIVE_SAMPLE_RATE} negative samples per
 * positive one, gradients clipped at 4, a learning rate decaying linearly from 1. On one thread
 * with one seeded random stream, so the same seed gives the same layout. Where it departs from
 * umap-learn for speed (an edge's negative samples pushing from one position, coefficients from
 * tables) is measured in decision 0017's addendum.
 */
final class UmapSgd {

    static final int PUBLISH_EVERY = 10;

    private UmapSgd() {
    }

    static void optimise(Umap.Graph g, double[] y, int dims, int n, UmapCurve curve, int epochs, SplittableRandom random,
                         Progress progress, Consumer<float[][]> intermediate) {
        int edges = g.head().length;
        double max = 0;
        for (double v : g.weight()) {
            max = Math.max(max, v);
        }
        double[] perSample = new double[edges];
        for (int e = 0; e < edges; e++) {
            perSample[e] = max / g.weight()[e];
        }
        double a = curve.a();
        double b = curve.b();
        double[] nextSample = perSample.clone();
        double[] perNegative = new double[edges];
        for (int e = 0; e < edges; e++) {
            perNegative[e] = perSample[e] / Umap.NEGATIVE_SAMPLE_RATE;
        }
        double[] nextNegative = perNegative.clone();
        UmapKernel kernel = new UmapKernel(a, b);
        // Positions are kept in single precision while they move, as umap-learn keeps them: half
        // the memory for the random reads of negative samples (at a million points 8 MB, not 16,
        // against a 32 MB cache shared with everything else), and steps this size do not need more.
        float[] at = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            at[i] = (float) y[i];
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            progress.checkCancelled();
            double alpha = 1.0 - (double) epoch / epochs;
            if (dims == 2) {
                epoch2d(g.head(), g.tail(), at, n, kernel, alpha, epoch, perSample, nextSample, perNegative, nextNegative, random);
            } else {
                epochGeneric(g, at, dims, n, kernel, alpha, epoch, perSample, nextSample, perNegative, nextNegative, random);
            }
            if (epoch % PUBLISH_EVERY == PUBLISH_EVERY - 1 || epoch == epochs - 1) {
                progress.update((epoch + 1.0) / epochs, "UMAP epoch " + (epoch + 1) + " / " + epochs);
                if (intermediate != null) {
                    intermediate.accept(columns(at, dims, n));
                }
            }
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = at[i];
        }
    }

    private static float[][] columns(float[] y, int dims, int n) {
        float[][] out = new float[dims][n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                out[d][i] = y[i * dims + d];
            }
        }
        return out;
    }

    /** One epoch in any number of dimensions: the steps of {@link #epoch2d}, with loops over the dimensions. */
    private static void epochGeneric(Umap.Graph g, float[] y, int dims, int n, UmapKernel kernel, double alpha, int epoch,
                                     double[] perSample, double[] nextSample, double[] perNegative, double[] nextNegative,
                                     SplittableRandom random) {
        int edges = g.head().length;
        double[] at = new double[dims];
        double[] push = new double[dims];
        int[] others = new int[2 * Umap.NEGATIVE_SAMPLE_RATE + 2];
        for (int e = 0; e < edges; e++) {
            if (nextSample[e] > epoch) {
                continue;
            }
            int j = g.head()[e];
            int k = g.tail()[e];
            double dist2 = dist2(y, j, k, dims);
            if (dist2 > 0) {
                double coeff = kernel.attraction(dist2);
                for (int d = 0; d < dims; d++) {
                    double grad = clip(coeff * (y[j * dims + d] - y[k * dims + d]));
                    y[j * dims + d] += grad * alpha;
                    y[k * dims + d] -= grad * alpha;
                }
            }
            nextSample[e] += perSample[e];
            int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
            others = drawn(others, negatives, n, random);
            for (int d = 0; d < dims; d++) {
                at[d] = y[j * dims + d];
            }
            java.util.Arrays.fill(push, 0);
            for (int s = 0; s < negatives; s++) {
                int other = others[s];
                if (other == j) {
                    continue;
                }
                double d2 = 0;
                for (int d = 0; d < dims; d++) {
                    double t = at[d] - y[other * dims + d];
                    d2 += t * t;
                }
                double coeff = d2 > 0 ? kernel.repulsion(d2) : 0;
                for (int d = 0; d < dims; d++) {
                    push[d] += coeff > 0 ? clip(coeff * (at[d] - y[other * dims + d])) : 4;
                }
            }
            for (int d = 0; d < dims; d++) {
                y[j * dims + d] = (float) (at[d] + push[d] * alpha);
            }
            nextNegative[e] += negatives * perNegative[e];
        }
    }

    /**
     * One epoch in 2D. The negative samples of an edge all push from where the positive step left
     * point j, and their pushes are added together: each sample's distance, power and division
     * then do not wait for the one before (umap-learn moves j after every sample, so each waits on
     * the last), and the core overlaps them and their random reads of positions. The draws are
     * the same, in the same order. Measured in decision 0017.
     */
    private static void epoch2d(int[] head, int[] tail, float[] y, int n, UmapKernel kernel, double alpha, int epoch,
                                double[] perSample, double[] nextSample, double[] perNegative, double[] nextNegative,
                                SplittableRandom random) {
        int[] others = new int[2 * Umap.NEGATIVE_SAMPLE_RATE + 2];
        for (int e = 0, edges = head.length; e < edges; e++) {
            if (nextSample[e] > epoch) {
                continue;
            }
            int j = head[e];
            int k = tail[e];
            double jx = y[2 * j];
            double jy = y[2 * j + 1];
            double dx = jx - y[2 * k];
            double dy = jy - y[2 * k + 1];
            double dist2 = dx * dx + dy * dy;
            if (dist2 > 0) {
                double coeff = kernel.attraction(dist2);
                double gx = clip(coeff * dx) * alpha;
                double gy = clip(coeff * dy) * alpha;
                jx += gx;
                jy += gy;
                y[2 * k] -= gx;
                y[2 * k + 1] -= gy;
            }
            nextSample[e] += perSample[e];
            int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
            others = drawn(others, negatives, n, random);
            double px = 0;
            double py = 0;
            for (int s = 0; s < negatives; s++) {
                int other = others[s];
                if (other == j) {
                    continue;
                }
                double ox = jx - y[2 * other];
                double oy = jy - y[2 * other + 1];
                double d2 = ox * ox + oy * oy;
                if (d2 > 0) {
                    double coeff = kernel.repulsion(d2);
                    px += clip(coeff * ox);
                    py += clip(coeff * oy);
                } else {
                    px += 4;
                    py += 4;
                }
            }
            y[2 * j] = (float) (jx + px * alpha);
            y[2 * j + 1] = (float) (jy + py * alpha);
            nextNegative[e] += negatives * perNegative[e];
        }
    }

    /** The next {@code count} negative samples of the stream, in {@code into} or, when it is too short, a longer array. */
    private static int[] drawn(int[] into, int count, int n, SplittableRandom random) {
        int[] others = count > into.length ? new int[count] : into;
        for (int s = 0; s < count; s++) {
            others[s] = random.nextInt(n);
        }
        return others;
    }

    private static double dist2(float[] y, int i, int j, int dims) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            double t = y[i * dims + d] - y[j * dims + d];
            s += t * t;
        }
        return s;
    }

    private static double clip(double v) {
        return v > 4 ? 4 : v < -4 ? -4 : v;
    }
}
