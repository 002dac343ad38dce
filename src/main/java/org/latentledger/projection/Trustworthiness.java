package org.latentledger.projection;

import java.util.stream.IntStream;
import org.latentledger.work.Sampling;

/**
 * Trustworthiness of a layout (Venna and Kaski 2001): how far the layout's k nearest neighbours
 * of a point are, in the input space's ranking, beyond its true k nearest. 1 is perfect.
 *
 * <p>T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k), with r the rank
 * in the input space and U_k(i) the layout neighbours that are not input neighbours. Ranks are
 * counted, not sorted, so one point costs O(n d).
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    /** Over all points. */
    public static double of(float[][] input, float[][] layout, int k) {
        int[] all = IntStream.range(0, input.length).toArray();
        return over(input, layout, k, all);
    }

    /**
     * Estimated from {@code sample} points chosen with {@code seed} (ranks still among all points).
     * The figure of the same input, layout and settings is kept (the last {@link #KEPT} of them,
     * found by content): a layer whose layout comes back from the projection cache, or is made
     * again by the same seeded method, is not measured again (1-3 s at 10,000 x 784).
     */
    public static double sampled(float[][] input, float[][] layout, int k, int sample, long seed) {
        int n = input.length;
        Measured key = new Measured(ContentDigest.of(input), ContentDigest.of(layout), n, input.length == 0 ? 0 : input[0].length,
                layout.length == 0 ? 0 : layout[0].length, k, Math.min(sample, n), seed);
        synchronized (MEASURED) {
            Double kept = MEASURED.get(key);
            if (kept != null) {
                return kept;
            }
        }
        double t = sample >= n ? of(input, layout, k) : over(input, layout, k, Sampling.partialShuffle(n, sample, seed));
        synchronized (MEASURED) {
            MEASURED.put(key, t);
        }
        return t;
    }

    static final int KEPT = 64;

    /** What a sampled figure was measured from; sample is at most n, so "all points" is one key. */
    private record Measured(long input, long layout, int n, int inputWidth, int layoutWidth, int k, int sample, long seed) {
    }

    private static final java.util.Map<Measured, Double> MEASURED = new java.util.LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Measured, Double> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * Of several layouts of the same input at once, over {@code sample} seeded points (all when
     * {@code sample >= n}): the input distances of a point are computed once for all layouts,
     * which is most of the cost.
     */
    public static double[] ofEach(float[][] input, java.util.List<float[][]> layouts, int k, int sample, long seed) {
        int n = input.length;
        int[] points = sample >= n ? IntStream.range(0, n).toArray() : Sampling.partialShuffle(n, sample, seed);
        int m = layouts.size();
        double[][] perPoint = new double[points.length][];
        IntStream.range(0, points.length).parallel().forEach(p -> {
            int i = points[p];
            float[] din = new float[n];
            for (int j = 0; j < n; j++) {
                din[j] = Knn.squared(input[i], input[j], Float.POSITIVE_INFINITY);
            }
            float kthInput = kth(din, i, k);
            double[] s = new double[m];
            float[] dout = new float[n];
            for (int l = 0; l < m; l++) {
                float[][] layout = layouts.get(l);
                for (int j = 0; j < n; j++) {
                    dout[j] = Knn.squared(layout[i], layout[j], Float.POSITIVE_INFINITY);
                }
                s[l] = penalty(din, nearest(dout, i, k), kthInput, i, k);
            }
            perPoint[p] = s;
        });
        double norm = 2.0 / (points.length * (double) k * (2.0 * n - 3.0 * k - 1.0));
        double[] t = new double[m];
        for (int l = 0; l < m; l++) {
            double sum = 0;
            for (double[] s : perPoint) {
                sum += s[l]; // in point order: the same figure whatever the threads
            }
            t[l] = 1 - norm * sum;
        }
        return t;
    }

    /** sum over the layout neighbours that are not input neighbours of (input rank - k). */
    private static double penalty(float[] din, int[] layoutNn, float kthInput, int i, int k) {
        int n = din.length;
        double s = 0;
        for (int j : layoutNn) {
            if (din[j] > kthInput) {
                int rank = 0; // number of points closer to i than j in the input, i excluded
                for (int m = 0; m < n; m++) {
                    if (m != i && (din[m] < din[j] || (din[m] == din[j] && m < j))) {
                        rank++;
                    }
                }
                s += rank + 1 - k;
            }
        }
        return s;
    }

    private static double over(float[][] input, float[][] layout, int k, int[] points) {
        int n = input.length;
        double penalty = IntStream.range(0, points.length).parallel().mapToDouble(p -> {
            int i = points[p];
            float[] din = new float[n];
            float[] dout = new float[n];
            for (int j = 0; j < n; j++) {
                din[j] = Knn.squared(input[i], input[j], Float.POSITIVE_INFINITY);
                dout[j] = Knn.squared(layout[i], layout[j], Float.POSITIVE_INFINITY);
            }
            return penalty(din, nearest(dout, i, k), kth(din, i, k), i, k);
        }).sum();
        double norm = 2.0 / (points.length * (double) k * (2.0 * n - 3.0 * k - 1.0));
        return 1 - norm * penalty;
    }

    private static int[] nearest(float[] d, int self, int k) {
        int[] idx = new int[k];
        float[] best = new float[k];
        java.util.Arrays.fill(best, Float.POSITIVE_INFINITY);
        for (int j = 0; j < d.length; j++) {
            if (j == self || d[j] >= best[k - 1]) {
                continue;
            }
            int p = k - 1;
            while (p > 0 && best[p - 1] > d[j]) {
                best[p] = best[p - 1];
                idx[p] = idx[p - 1];
                p--;
            }
            best[p] = d[j];
            idx[p] = j;
        }
        return idx;
    }

    private static float kth(float[] d, int self, int k) {
        int[] nn = nearest(d, self, k);
        return d[nn[k - 1]];
    }
}
