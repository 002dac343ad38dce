package org.latentledger.atlas;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * k-means (Lloyd's algorithm) with k-means++ seeding (Arthur and Vassilvitskii 2007), seeded:
 * the same points, k and seed give the same clusters on any number of threads.
 *
 * @param assignment cluster of each point
 * @param centroids  mean of each cluster's points
 * @param iterations Lloyd steps taken
 */
public record KMeans(int[] assignment, float[][] centroids, int iterations) {

    static final int MAX_ITERATIONS = 100;

    public static KMeans fit(float[][] x, int k, long seed, Progress progress) {
        int n = x.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in 1.." + n + ", got " + k);
        }
        Object key = KMeansMemo.keyOf(x, k, seed);
        KMeans kept = KMeansMemo.find(key);
        if (kept != null) {
            return kept;
        }
        KMeans fitted = lloyd(x, k, seed, progress);
        KMeansMemo.keep(key, fitted);
        return fitted.copy();
    }

    /** A copy whose arrays are its own: what a caller does with its clusters never reaches the memo's. */
    KMeans copy() {
        float[][] c = new float[centroids.length][];
        for (int m = 0; m < c.length; m++) {
            c[m] = centroids[m].clone();
        }
        return new KMeans(assignment.clone(), c, iterations);
    }

    private static KMeans lloyd(float[][] x, int k, long seed, Progress progress) {
        int n = x.length;
        int d = x[0].length;
        float[][] c = seed(x, k, new SplittableRandom(seed));
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        int iter = 0;
        while (iter < MAX_ITERATIONS) {
            progress.checkCancelled();
            iter++;
            float[][] centres = c;
            int[] next = IntStream.range(0, n).parallel().map(i -> nearest(x[i], centres)).toArray();
            boolean changed = !Arrays.equals(next, assign);
            assign = next;
            if (!changed) {
                break;
            }
            double[][] sum = new double[k][d];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
                for (int j = 0; j < d; j++) {
                    sum[assign[i]][j] += x[i][j];
                }
            }
            for (int m = 0; m < k; m++) {
                if (count[m] == 0) {
                    c[m] = x[farthest(x, c, assign)].clone(); // an empty cluster restarts at the worst-fitted point
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    c[m][j] = (float) (sum[m][j] / count[m]);
                }
            }
        }
        return new KMeans(assign, c, iter);
    }

    private static float[][] seed(float[][] x, int k, SplittableRandom r) {
        int n = x.length;
        float[][] c = new float[k][];
        c[0] = x[r.nextInt(n)].clone();
        double[] d2 = new double[n];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int m = 1; m < k; m++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], squared(x[i], c[m - 1]));
                total += d2[i];
            }
            double pick = r.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                pick -= d2[i];
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            c[m] = x[chosen].clone();
        }
        return c;
    }

    static int nearest(float[] a, float[][] c) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int m = 0; m < c.length; m++) {
            double dd = squared(a, c[m], bestD);
            if (dd < bestD) {
                bestD = dd;
                best = m;
            }
        }
        return best;
    }

    private static int farthest(float[][] x, float[][] c, int[] assign) {
        int worst = 0;
        double worstD = -1;
        for (int i = 0; i < x.length; i++) {
            double dd = squared(x[i], c[assign[i]]);
            if (dd > worstD) {
                worstD = dd;
                worst = i;
            }
        }
        return worst;
    }

    static double squared(float[] a, float[] b) {
        return squared(a, b, Double.POSITIVE_INFINITY);
    }

    /**
     * The squared distance, or, once the sum so far exceeds {@code bound}, that partial sum (no
     * less than the whole would be: every term is non-negative). Four running sums: one chain of
     * additions waits on each one before it (about three times slower at 784 dimensions). The same
     * loop as {@code Knn.squared}, but summed in double: the regions' assignments were made in
     * double before, and summing in float would move points between near-equidistant centres.
     */
    static double squared(float[] a, float[] b, double bound) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 16 <= n; j += 16) {
            for (int u = j; u < j + 16; u += 4) {
                double t0 = a[u] - b[u];
                double t1 = a[u + 1] - b[u + 1];
                double t2 = a[u + 2] - b[u + 2];
                double t3 = a[u + 3] - b[u + 3];
                s0 += t0 * t0;
                s1 += t1 * t1;
                s2 += t2 * t2;
                s3 += t3 * t3;
            }
            if ((s0 + s1) + (s2 + s3) > bound) {
                return (s0 + s1) + (s2 + s3);
            }
        }
        for (; j < n; j++) {
            double t = a[j] - b[j];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
