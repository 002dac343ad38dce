package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentledger.data.BundledData;
import org.latentledger.data.ResourceRoot;
import org.latentledger.work.Parallelism;
import org.latentledger.work.Progress;

class UmapTest {

    @Test
    void curveParametersMatchUmapLearns() {
        // umap-learn's find_ab_params(1.0, 0.1) gives a = 1.5769, b = 0.8951.
        UmapCurve c = UmapCurve.fit(0.1, 1.0);
        assertEquals(1.577, c.a(), 0.01);
        assertEquals(0.895, c.b(), 0.01);
    }

    @Test
    void kernelTablesFollowTheFormulasClosely() {
        for (double minDist : new double[] {0.0, 0.1, 0.5}) {
            UmapCurve c = UmapCurve.fit(minDist, 1.0);
            UmapKernel kernel = new UmapKernel(c.a(), c.b());
            double worst = 0;
            java.util.SplittableRandom r = new java.util.SplittableRandom(7);
            for (int s = 0; s < 200_000; s++) {
                double d2 = Math.pow(2, r.nextDouble(-45, 45)); // beyond the tables at both ends too
                double pb = Math.pow(d2, c.b());
                double attraction = -2 * c.a() * c.b() * Math.pow(d2, c.b() - 1) / (1 + c.a() * pb);
                double repulsion = 2 * c.b() / ((0.001 + d2) * (1 + c.a() * pb));
                worst = Math.max(worst, Math.abs(kernel.attraction(d2) / attraction - 1));
                worst = Math.max(worst, Math.abs(kernel.repulsion(d2) / repulsion - 1));
            }
            assertTrue(worst < 3e-4, "min-dist " + minDist + ": worst relative error " + worst);
        }
        UmapKernel kernel = new UmapKernel(1.577, 0.895);
        assertEquals(kernel.exactRepulsion(1e-20), kernel.repulsion(1e-20), 0, "below the tables: the formula");
        assertEquals(kernel.exactAttraction(1e20), kernel.attraction(1e20), 0, "above the tables: the formula");
    }

    @Test
    void rerankingByTheOriginalDistancesFindsTheOriginalNeighbours() {
        float[][] original = NeighboursAndQualityTest.random(200, 12, 8);
        float[][] reduced = new float[200][];
        for (int i = 0; i < 200; i++) {
            reduced[i] = Arrays.copyOf(original[i], 2); // a crude "reduction": its neighbours differ
        }
        Knn exact = Knn.exact(original, 5, Progress.NONE);
        assertFalse(Arrays.deepEquals(exact.indices(), Knn.exact(reduced, 5, Progress.NONE).indices()),
                "the reduction alone gets the neighbours wrong");
        // With every point a candidate, re-ranking must give the original space's exact neighbours.
        Knn all = Knn.exact(reduced, 199, Progress.NONE);
        Knn reranked = Umap.reranked(all, original, 5);
        assertTrue(Arrays.deepEquals(exact.indices(), reranked.indices()));
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(exact.distances()[i], reranked.distances()[i], 1e-5f);
        }
    }

    @Test
    void neighboursOfNeighboursRecoverWhatTheReductionMissed() throws Exception {
        int n = 2_000;
        int k = 10;
        float[][] original = NeighboursAndQualityTest.random(n, 24, 11);
        float[][] reduced = new float[n][];
        for (int i = 0; i < n; i++) {
            reduced[i] = Arrays.copyOf(original[i], 6); // a crude reduction: many neighbours missed
        }
        Knn exact = Knn.exact(original, k, Progress.NONE);
        Knn start = Umap.reranked(Knn.exact(reduced, 14, Progress.NONE), original, k);
        Knn once = Parallelism.with(1, () -> Umap.refined(start, original, 8));
        Knn onTwo = Parallelism.with(2, () -> Umap.refined(start, original, 8));
        assertTrue(Arrays.deepEquals(once.indices(), onTwo.indices()), "the same lists on one thread and on two");
        double before = recall(start, exact);
        double after = recall(once, exact);
        assertTrue(after > before + 0.05, "recall " + before + " -> " + after);
        for (int i = 0; i < n; i++) {
            int[] row = once.indices()[i];
            int self = i;
            assertEquals(k, Arrays.stream(row).filter(j -> j != self).distinct().count(), "point " + i + ": k distinct others");
            for (int m = 0; m < k; m++) {
                double d = 0;
                for (int c = 0; c < original[i].length; c++) {
                    double t = original[i][c] - original[row[m]][c];
                    d += t * t;
                }
                assertEquals(Math.sqrt(d), once.distances()[i][m], 1e-4, "point " + i + ": distances in the original space");
                if (m > 0) {
                    assertTrue(once.distances()[i][m - 1] <= once.distances()[i][m], "point " + i + ": nearest first");
                }
            }
            assertTrue(once.distances()[i][k - 1] <= start.distances()[i][k - 1], "point " + i + ": a list only improves");
        }
    }

    @Test
    void theRoughSearchIsTheUsualOneBelowItsThresholdAndStillFindsMostNeighboursAbove() {
        float[][] small = NeighboursAndQualityTest.random(5_000, 10, 4);
        assertTrue(Arrays.deepEquals(NnDescent.search(small, 12, 42, Progress.NONE).indices(),
                NnDescent.rough(small, 12, 42, Progress.NONE).indices()), "below the threshold: the usual search");
        float[][] x = NeighboursAndQualityTest.random(NnDescent.ROUGH_FROM, 10, 5);
        int[] queries = new java.util.SplittableRandom(3).ints(200, 0, x.length).toArray();
        Knn exact = Knn.exactFor(x, queries, 12);
        Knn rough = NnDescent.rough(x, 12, 42, Progress.NONE);
        long hits = 0;
        for (int q = 0; q < queries.length; q++) {
            java.util.Set<Integer> found = new java.util.HashSet<>();
            for (int j : rough.indices()[queries[q]]) {
                found.add(j);
            }
            for (int j : exact.indices()[q]) {
                hits += found.contains(j) ? 1 : 0;
            }
        }
        double recall = hits / (queries.length * 12.0);
        assertTrue(recall > 0.6, "recall " + recall);
    }

    private static double recall(Knn found, Knn exact) {
        long hits = 0;
        for (int i = 0; i < exact.indices().length; i++) {
            java.util.Set<Integer> truth = new java.util.HashSet<>();
            for (int j : exact.indices()[i]) {
                truth.add(j);
            }
            for (int j : found.indices()[i]) {
                hits += truth.contains(j) ? 1 : 0;
            }
        }
        return (double) hits / (exact.indices().length * (long) exact.indices()[0].length);
    }

    @Test
    void membershipsSumToLog2OfK() {
        float[] d = {0.5f, 0.7f, 0.9f, 1.2f, 1.3f, 2f, 2.5f, 3f, 3f, 4f, 4.5f, 5f, 6f, 7f};
        double[] w = Umap.memberships(d, Math.log(15) / Math.log(2));
        assertEquals(1.0, w[0], 1e-12, "the nearest neighbour is fully connected");
        assertEquals(Math.log(15) / Math.log(2), Arrays.stream(w).sum(), 1e-4);
    }

    @Test
    void fuzzyUnionIsSymmetric() {
        float[][] x = NeighboursAndQualityTest.random(100, 5, 3);
        Knn knn = Knn.exact(x, 9, Progress.NONE);
        Umap.Graph g = Umap.Graph.of(knn, 10);
        // The directed memberships, recounted: w[i -> j] for each of i's 9 neighbours j (absent: 0).
        double target = Math.log(10) / Math.log(2);
        java.util.Map<Long, Double> directed = new java.util.HashMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] w = Umap.memberships(knn.distances()[i], target);
            for (int m = 0; m < w.length; m++) {
                directed.put((long) i * x.length + knn.indices()[i][m], w[m]);
            }
        }
        // Every directed kNN edge, in either direction, is in the graph exactly once per direction.
        java.util.Map<Long, Double> graph = new java.util.HashMap<>();
        for (int e = 0; e < g.head().length; e++) {
            assertTrue(g.head()[e] != g.tail()[e], "no self loops");
            Double before = graph.put((long) g.head()[e] * x.length + g.tail()[e], g.weight()[e]);
            assertEquals(null, before, "edge " + g.head()[e] + " -> " + g.tail()[e] + " listed twice");
        }
        java.util.Set<Long> union = new java.util.HashSet<>();
        for (long key : directed.keySet()) {
            union.add(key);
            union.add((key % x.length) * x.length + key / x.length);
        }
        assertEquals(union, graph.keySet(), "the graph's edges are the union of both directions of the kNN graph");
        int oneWay = 0;
        int mutual = 0;
        for (long key : union) {
            double wij = directed.getOrDefault(key, 0.0);
            double wji = directed.getOrDefault((key % x.length) * x.length + key / x.length, 0.0);
            double expected = wij + wji - wij * wji;
            assertEquals(expected, graph.get(key), 1e-12, "fuzzy union of " + (key / x.length) + " and " + (key % x.length));
            assertTrue(expected > 0 && expected <= 1);
            if (wij > 0 && wji > 0) {
                mutual++;
            } else {
                oneWay++;
            }
        }
        assertTrue(mutual > 0 && oneWay > 0, "both kinds of pair were checked: " + mutual + " mutual, " + oneWay + " one-way");
        for (long key : union) {
            assertEquals(graph.get(key), graph.get((key % x.length) * x.length + key / x.length), 0.0, "the same weight both ways, to the bit");
        }
        // Row-major, as umap-learn's SGD reads its sparse matrix: the two directions of a pair are
        // not next to each other (decision 0017: back to back they cost trustworthiness).
        for (int e = 1; e < g.head().length; e++) {
            long before = (long) g.head()[e - 1] * x.length + g.tail()[e - 1];
            long now = (long) g.head()[e] * x.length + g.tail()[e];
            assertTrue(before < now, "edge " + e + " in row-major order");
        }
    }

    @Test
    void digitsLayoutIsTrustworthyAndSeeded() throws Exception {
        float[][] x = BundledData.DIGITS.load(ResourceRoot.directory(Path.of("."))).features();
        Projection a = Projections.run(x, new ProjectionSpec.Umap(2, 15, 0.1, 200, 3), Progress.NONE, null);
        double t = Trustworthiness.of(x, Projections.rows(a), 5);
        assertTrue(t > 0.975, "trustworthiness " + t);
        Projection b = Projections.run(x, new ProjectionSpec.Umap(2, 15, 0.1, 200, 3), Progress.NONE, null);
        assertArrayEquals(a.axis(0), b.axis(0));
        Projection c = Projections.run(x, new ProjectionSpec.Umap(2, 15, 0.1, 200, 4), Progress.NONE, null);
        assertFalse(Arrays.equals(a.axis(0), c.axis(0)), "another seed, another layout");
        Projection three = Projections.run(x, new ProjectionSpec.Umap(3, 15, 0.1, 50, 3), Progress.NONE, null);
        assertEquals(3, three.dimensions());
    }
}
