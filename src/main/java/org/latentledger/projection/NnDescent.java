package org.latentledger.projection;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * Approximate k nearest neighbours for large inputs: a random-projection forest to start (each
 * point's leaf-mates in every tree), then nearest-neighbour descent (Dong, Moses and Li 2011, as
 * in pynndescent, which umap-learn uses): a neighbour of a neighbour is likely a neighbour.
 *
 * <p>Deterministic whatever the thread count: trees are built from seeds drawn up front, and each
 * descent round reads candidate sets fixed at the start of the round; each candidate pair is
 * measured once, by the task of its lower index, and offered to both lists under each list's
 * lock. A list keeps the k best of all it is offered by (distance, index), which does not depend
 * on the order offers arrive in, and a round's change count is taken from the lists at its end.
 * (Until 2026-12-03 each point updated only its own list, lock-free, measuring every pair from
 * both ends: twice the distances.)
 */
final class NnDescent {

    /**
     * Up to this many points the exact search is used. Measured at 10,000 x 50 (bench --knn): for
     * UMAP's 15 neighbours the descent takes 0.8 s against 2.3 s exact at recall 0.997; for
     * t-SNE's 90 it is no faster than exact there, and only wins well above that.
     */
    static final int EXACT_UP_TO = 20_000;
    /** For few neighbours (UMAP's), exact only up to this many points, as umap-learn does. */
    static final int EXACT_UP_TO_FEW = 4_096;
    static final int FEW = 30;
    static final int MAX_ROUNDS = 12;
    /** Stop when a round changes fewer than this share of all list entries. */
    static final double DELTA = 0.01;
    /** Sampled new (and old) neighbours per point and round: pynndescent's 60 measured slower here for the same recall. */
    static final int MAX_CANDIDATES = 30;
    /** Below this many points the search is cheap (Fashion 10k: about a second) and {@link #rough} saves nothing worth a different graph. */
    static final int ROUGH_FROM = 20_000;

    private NnDescent() {
    }

    /** Exact up to {@link #EXACT_UP_TO} points ({@link #EXACT_UP_TO_FEW} for at most {@link #FEW} neighbours), approximate above. */
    static Knn search(float[][] x, int k, long seed, Progress progress) {
        return x.length <= (k <= FEW ? EXACT_UP_TO_FEW : EXACT_UP_TO) ? Knn.exact(x, k, progress) : approximate(x, k, seed, progress);
    }

    static Knn approximate(float[][] x, int k, long seed, Progress progress) {
        return approximate(x, k, seed, progress, trees(x.length), MAX_ROUNDS);
    }

    /** pynndescent's number of trees: min(64, 5 + n^(1/4)), 21 at 70,000 points. */
    static int trees(int n) {
        return Math.min(64, 5 + (int) Math.round(Math.pow(n, 0.25)));
    }

    /**
     * A cheaper start for lists that will be refined in the input's own space anyway (UMAP on a
     * reduced input, {@link Umap#refined}): from {@link #ROUGH_FROM} points half the trees and one
     * descent round, below that the same search as {@link #search}. Measured at Fashion-MNIST
     * 70,000 x 50, 21 neighbours, one thread: 4.5 s instead of 7-8 s, and after the re-ranking and
     * one refinement in the 784 dimensions, recall of the 15 true neighbours 0.896 instead of 0.900.
     */
    static Knn rough(float[][] x, int k, long seed, Progress progress) {
        return x.length < ROUGH_FROM ? search(x, k, seed, progress)
                : approximate(x, k, seed, progress, Math.max(1, trees(x.length) / 2), 1);
    }

    private static Knn approximate(float[][] x, int k, long seed, Progress progress, int trees, int maxRounds) {
        int n = x.length;
        if (k >= n) {
            throw new IllegalArgumentException(k + " neighbours need more than " + n + " points");
        }
        int[][] idx = new int[n][k];
        float[][] dist = new float[n][k];
        boolean[][] fresh = new boolean[n][k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(idx[i], -1);
            java.util.Arrays.fill(dist[i], Float.POSITIVE_INFINITY);
        }
        progress.update(0, "Neighbours: random-projection forest");
        Forest forest = Forest.grow(x, trees, Math.max(10, k), seed, progress);
        // Every pair of leaf-mates, leaf by leaf: a leaf's rows are read once for all its pairs.
        for (int t = 0; t < forest.trees(); t++) {
            int tree = t;
            IntStream.range(0, forest.leafStart[t].length - 1).parallel().forEach(leaf -> {
                int[] order = forest.order[tree];
                int from = forest.leafStart[tree][leaf];
                int to = forest.leafStart[tree][leaf + 1];
                for (int p = from; p < to; p++) {
                    for (int q = p + 1; q < to; q++) {
                        pair(x, order[p], order[q], idx, dist, fresh);
                    }
                }
            });
            progress.checkCancelled();
        }
        // A leaf smaller than k leaves gaps only with very few trees; fill them with seeded picks.
        IntStream.range(0, n).parallel().forEach(i -> {
            SplittableRandom fill = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
            while (idx[i][k - 1] < 0) {
                int j = fill.nextInt(n);
                if (j != i) {
                    offerLocked(i, j, Knn.squared(x[i], x[j], Float.POSITIVE_INFINITY), idx[i], dist[i], fresh[i]);
                }
            }
        });
        int maxCandidates = Math.min(k, MAX_CANDIDATES);
        for (int round = 0; round < maxRounds; round++) {
            progress.checkCancelled();
            progress.update((round + 1.0) / (maxRounds + 1), "Neighbours: descent round " + (round + 1));
            long changed = descend(x, idx, dist, fresh, maxCandidates, progress);
            if (changed <= DELTA * n * k) {
                break;
            }
        }
        float[][] euclid = new float[n][k];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                euclid[i][m] = (float) Math.sqrt(dist[i][m]);
            }
        }
        return new Knn(idx, euclid);
    }

    /** One round; returns how many list entries changed. */
    private static long descend(float[][] x, int[][] idx, float[][] dist, boolean[][] fresh, int maxC, Progress progress) {
        int n = idx.length;
        int k = idx[0].length;
        // Each point's sampled new and old neighbours, nearest first; sampled new ones become old.
        int[][] newFwd = new int[n][];
        int[][] oldFwd = new int[n][];
        IntStream.range(0, n).parallel().forEach(v -> {
            int[] nw = new int[maxC];
            int[] od = new int[maxC];
            int a = 0;
            int o = 0;
            for (int m = 0; m < k; m++) {
                if (fresh[v][m] && a < maxC) {
                    nw[a++] = idx[v][m];
                    fresh[v][m] = false;
                } else if (!fresh[v][m] && o < maxC) {
                    od[o++] = idx[v][m];
                }
            }
            newFwd[v] = java.util.Arrays.copyOf(nw, a);
            oldFwd[v] = java.util.Arrays.copyOf(od, o);
        });
        // Add reverse neighbours (at most maxC each, first come in index order) to both sets.
        int[][] newAll = withReverse(newFwd, maxC);
        int[][] oldAll = withReverse(oldFwd, maxC);
        int[][] before = new int[n][];
        IntStream.range(0, n).parallel().forEach(u -> before[u] = idx[u].clone());
        // The local join of each v: every new member with every other new one and every old one.
        // Going by v, not by the point whose list grows, keeps v's few dozen rows in cache for
        // all their pairs.
        int blocks = (n + 255) / 256;
        IntStream.range(0, blocks).parallel().forEach(blk -> {
            progress.checkCancelled();
            for (int v = blk * 256, end = Math.min(n, v + 256); v < end; v++) {
                int[] nw = newAll[v];
                int[] od = oldAll[v];
                for (int a = 0; a < nw.length; a++) {
                    for (int c = a + 1; c < nw.length; c++) {
                        pair(x, nw[a], nw[c], idx, dist, fresh);
                    }
                    for (int o : od) {
                        pair(x, nw[a], o, idx, dist, fresh);
                    }
                }
            }
        });
        // Entries that were not in the lists at the round's start: a count that does not depend
        // on the order the offers arrived in (the number of insertions would).
        return IntStream.range(0, n).parallel().mapToLong(u -> {
            int c = 0;
            for (int w : idx[u]) {
                boolean old = false;
                for (int o : before[u]) {
                    old |= o == w;
                }
                c += old ? 0 : 1;
            }
            return c;
        }).sum();
    }

    /**
     * Measures p against q once and offers each to the other's list, as pynndescent's local join
     * does. Bounds read without the lock can only be stale from above (lists only improve), so
     * nothing that belongs in a list is filtered out; the insert checks again under the lock.
     */
    private static void pair(float[][] x, int p, int q, int[][] idx, float[][] dist, boolean[][] fresh) {
        if (p == q) {
            return;
        }
        int k = idx[p].length;
        float bound = Math.max(dist[p][k - 1], dist[q][k - 1]);
        float d = Knn.squared(x[p], x[q], bound);
        if (d <= dist[p][k - 1]) {
            offerLocked(p, q, d, idx[p], dist[p], fresh[p]);
        }
        if (d <= dist[q][k - 1]) {
            offerLocked(q, p, d, idx[q], dist[q], fresh[q]);
        }
    }

    /**
     * Inserts j at distance d into i's list unless it is there already or not among the k best.
     * Lists are written from several tasks, one lock each; which offer comes first does not
     * change the result: a list ends as the k best of all it was offered, by (distance, index).
     */
    private static void offerLocked(int i, int j, float d, int[] idx, float[] dist, boolean[] fresh) {
        synchronized (idx) {
            int k = idx.length;
            if (d > dist[k - 1] || (d == dist[k - 1] && idx[k - 1] >= 0 && j > idx[k - 1])) {
                return;
            }
            for (int m = 0; m < k; m++) {
                if (idx[m] == j) {
                    return;
                }
            }
            insert(j, d, idx, dist, fresh);
        }
    }

    private static int[][] withReverse(int[][] forward, int maxC) {
        int n = forward.length;
        int[] count = new int[n];
        int[][] reverse = new int[n][maxC];
        for (int v = 0; v < n; v++) {
            for (int u : forward[v]) {
                if (count[u] < maxC) {
                    reverse[u][count[u]++] = v;
                }
            }
        }
        int[][] all = new int[n][];
        for (int v = 0; v < n; v++) {
            int[] a = java.util.Arrays.copyOf(forward[v], forward[v].length + count[v]);
            System.arraycopy(reverse[v], 0, a, forward[v].length, count[v]);
            all[v] = a;
        }
        return all;
    }

    /** Puts j at distance d into its place in the sorted list, dropping the last entry. */
    private static void insert(int j, float d, int[] idx, float[] dist, boolean[] fresh) {
        int p = idx.length - 1;
        while (p > 0 && (dist[p - 1] > d || (dist[p - 1] == d && idx[p - 1] > j))) {
            idx[p] = idx[p - 1];
            dist[p] = dist[p - 1];
            fresh[p] = fresh[p - 1];
            p--;
        }
        idx[p] = j;
        dist[p] = d;
        fresh[p] = true;
    }

    /** Random-projection trees: each split is the hyperplane halfway between two random points of the node. */
    private static final class Forest {
        final int[][] order;
        final int[][] leafStart;
        final int[][] leafOf;

        private Forest(int[][] order, int[][] leafStart, int[][] leafOf) {
            this.order = order;
            this.leafStart = leafStart;
            this.leafOf = leafOf;
        }

        int trees() {
            return order.length;
        }

        static Forest grow(float[][] x, int trees, int leafSize, long seed, Progress progress) {
            int n = x.length;
            long[] seeds = new long[trees];
            SplittableRandom r = new SplittableRandom(seed);
            for (int t = 0; t < trees; t++) {
                seeds[t] = r.nextLong();
            }
            int[][] order = new int[trees][];
            int[][] leafStart = new int[trees][];
            int[][] leafOf = new int[trees][];
            IntStream.range(0, trees).parallel().forEach(t -> {
                progress.checkCancelled();
                SplittableRandom tr = new SplittableRandom(seeds[t]);
                int[] perm = IntStream.range(0, n).toArray();
                java.util.List<Integer> starts = new java.util.ArrayList<>();
                java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
                stack.push(new int[] {0, n});
                int d = x[0].length;
                double[] normal = new double[d];
                while (!stack.isEmpty()) {
                    int[] range = stack.pop();
                    int lo = range[0];
                    int hi = range[1];
                    if (hi - lo <= leafSize) {
                        starts.add(lo);
                        continue;
                    }
                    int a = perm[lo + tr.nextInt(hi - lo)];
                    int b = perm[lo + tr.nextInt(hi - lo)];
                    double offset = 0;
                    for (int c = 0; c < d; c++) {
                        normal[c] = x[a][c] - x[b][c];
                        offset += normal[c] * (x[a][c] + x[b][c]) / 2;
                    }
                    int mid = lo;
                    for (int m = lo; m < hi; m++) {
                        int p = perm[m];
                        double s = -offset;
                        for (int c = 0; c < d; c++) {
                            s += normal[c] * x[p][c];
                        }
                        if (s > 0) {
                            perm[m] = perm[mid];
                            perm[mid++] = p;
                        }
                    }
                    if (mid == lo || mid == hi) {
                        mid = (lo + hi) >>> 1; // no split (duplicates, or a == b): halve the node as it is
                    }
                    stack.push(new int[] {mid, hi});
                    stack.push(new int[] {lo, mid});
                }
                starts.sort(null);
                int[] st = new int[starts.size() + 1];
                int[] of = new int[n];
                for (int l = 0; l < starts.size(); l++) {
                    st[l] = starts.get(l);
                }
                st[starts.size()] = n;
                for (int l = 0; l < starts.size(); l++) {
                    for (int m = st[l]; m < st[l + 1]; m++) {
                        of[perm[m]] = l;
                    }
                }
                order[t] = perm;
                leafStart[t] = st;
                leafOf[t] = of;
            });
            return new Forest(order, leafStart, leafOf);
        }
    }
}
