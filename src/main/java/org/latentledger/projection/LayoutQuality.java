package org.latentledger.projection;

import java.util.stream.IntStream;
import org.latentledger.work.Sampling;

/**
 * How well a layout keeps the classes apart: leave-one-out k-nearest-neighbour accuracy on the
 * layout's own coordinates (the usual second quality figure of t-SNE and UMAP papers beside
 * trustworthiness). Each point's label is predicted by the majority of its k nearest other points
 * in the layout; a tie goes to the tied class whose member is nearest.
 */
public final class LayoutQuality {

    private LayoutQuality() {
    }

    /** Over all labelled points (labels < 0 are skipped), or NaN when none are labelled. */
    public static double knnAccuracy(float[][] layout, int[] labels, int k) {
        return knnAccuracy(layout, labels, k, layout.length, 0);
    }

    /**
     * Estimated on {@code sample} points chosen with {@code seed} (neighbours still among all
     * points); exact when {@code sample >= n}.
     */
    public static double knnAccuracy(float[][] layout, int[] labels, int k, int sample, long seed) {
        int n = layout.length;
        int[] order = IntStream.range(0, n).filter(i -> labels[i] >= 0).toArray();
        if (order.length == 0) {
            return Double.NaN;
        }
        int m = Math.min(sample, order.length);
        int[] chosen = m < order.length ? IntStream.of(Sampling.partialShuffle(order.length, m, seed)).map(p -> order[p]).toArray() : order;
        long right = IntStream.range(0, m).parallel().filter(p -> predict(layout, labels, chosen[p], k) == labels[chosen[p]]).count();
        return (double) right / m;
    }

    /** The label the k nearest other labelled points vote for; a tie goes to the tied class met first (nearest). */
    static int predict(float[][] layout, int[] labels, int i, int k) {
        int[] nn = nearestLabelled(layout, labels, i, k);
        int classes = 0;
        for (int j : nn) {
            if (j >= 0) {
                classes = Math.max(classes, labels[j] + 1);
            }
        }
        int[] votes = new int[classes];
        int most = 0;
        for (int j : nn) {
            if (j >= 0) {
                most = Math.max(most, ++votes[labels[j]]);
            }
        }
        for (int j : nn) { // nearest first
            if (j >= 0 && votes[labels[j]] == most) {
                return labels[j];
            }
        }
        return -1;
    }

    /** The k nearest labelled points to i in the layout, nearest first (index order among equal distances). */
    static int[] nearestLabelled(float[][] layout, int[] labels, int i, int k) {
        int[] idx = new int[k];
        float[] best = new float[k];
        java.util.Arrays.fill(idx, -1);
        java.util.Arrays.fill(best, Float.POSITIVE_INFINITY);
        float[] yi = layout[i];
        for (int j = 0; j < layout.length; j++) {
            if (j == i || labels[j] < 0) {
                continue;
            }
            float d = Knn.squared(yi, layout[j], Float.POSITIVE_INFINITY);
            if (d >= best[k - 1]) {
                continue;
            }
            int p = k - 1;
            while (p > 0 && best[p - 1] > d) {
                best[p] = best[p - 1];
                idx[p] = idx[p - 1];
                p--;
            }
            best[p] = d;
            idx[p] = j;
        }
        return idx;
    }
}
