package org.latentledger.projection;

import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * Exact k nearest neighbours by squared Euclidean distance, in primitive loops, one point per task
 * (deterministic whatever the thread count). O(n^2 d): about a second for 10,000 points in 50
 * dimensions on 2 cores.
 *
 * @param indices   {@code indices[i]} are i's k nearest other points, nearest first
 * @param distances matching Euclidean (not squared) distances
 */
public record Knn(int[][] indices, float[][] distances) {

    /** Exact for small inputs, else approximate (random-projection forest + NN-descent, seeded); see {@link NnDescent#search}. */
    public static Knn search(float[][] x, int k, long seed, Progress progress) {
        return NnDescent.search(x, k, seed, progress);
    }

    /** Always the approximate search (for benchmarks and tests). */
    public static Knn approximate(float[][] x, int k, long seed, Progress progress) {
        return NnDescent.approximate(x, k, seed, progress);
    }

    /** The exact neighbours of the given points only (rows of the result follow {@code queries}). */
    public static Knn exactFor(float[][] x, int[] queries, int k) {
        int[][] idx = new int[queries.length][k];
        float[][] dist = new float[queries.length][k];
        IntStream.range(0, queries.length).parallel().forEach(q -> nearestTo(x, queries[q], idx[q], dist[q]));
        return new Knn(idx, dist);
    }

    public static Knn exact(float[][] x, int k, Progress progress) {
        int n = x.length;
        if (k >= n) {
            throw new IllegalArgumentException(k + " neighbours need more than " + n + " points");
        }
        int[][] idx = new int[n][k];
        float[][] dist = new float[n][k];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            if ((i & 255) == 0) {
                progress.checkCancelled();
            }
            nearestTo(x, i, idx[i], dist[i]);
            int c = done.incrementAndGet();
            if ((c & 1023) == 0) {
                progress.update((double) c / n, "Nearest neighbours " + c + " / " + n);
            }
        });
        return new Knn(idx, dist);
    }

    /** Fills {@code bestI}/{@code bestD} (length k) with i's k nearest other points, nearest first, Euclidean. */
    private static void nearestTo(float[][] x, int i, int[] bestI, float[] bestD) {
        int k = bestI.length;
        java.util.Arrays.fill(bestD, Float.POSITIVE_INFINITY);
        float[] xi = x[i];
        for (int j = 0; j < x.length; j++) {
            if (j == i) {
                continue;
            }
            float d = squared(xi, x[j], bestD[k - 1]);
            if (d < bestD[k - 1] || (d == bestD[k - 1] && d != Float.POSITIVE_INFINITY && j < bestI[k - 1])) {
                insert(bestI, bestD, j, d);
            }
        }
        for (int m = 0; m < k; m++) {
            bestD[m] = (float) Math.sqrt(bestD[m]);
        }
    }

    /**
     * Squared distance, stopping early once it exceeds {@code bound} (then any value above it).
     * Four running sums, not one: a single sum is one long chain of dependent additions, which
     * the JIT may not reorder (floating point), and four independent chains run about three
     * times faster on the same core. The order is fixed, so results stay deterministic.
     */
    static float squared(float[] a, float[] b, float bound) {
        int n = a.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 16 <= n; d += 16) {
            for (int u = d; u < d + 16; u += 4) {
                float t0 = a[u] - b[u];
                float t1 = a[u + 1] - b[u + 1];
                float t2 = a[u + 2] - b[u + 2];
                float t3 = a[u + 3] - b[u + 3];
                s0 += t0 * t0;
                s1 += t1 * t1;
                s2 += t2 * t2;
                s3 += t3 * t3;
            }
            if ((s0 + s1) + (s2 + s3) > bound) {
                return (s0 + s1) + (s2 + s3);
            }
        }
        for (; d < n; d++) {
            float t = a[d] - b[d];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Puts j at (squared) distance d into its place in a list sorted by (distance, index), dropping the last entry. */
    static void insert(int[] idx, float[] dist, int j, float d) {
        int p = idx.length - 1;
        while (p > 0 && (dist[p - 1] > d || (dist[p - 1] == d && idx[p - 1] > j))) {
            idx[p] = idx[p - 1];
            dist[p] = dist[p - 1];
            p--;
        }
        idx[p] = j;
        dist[p] = d;
    }
}
