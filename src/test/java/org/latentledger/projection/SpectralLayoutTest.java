package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralLayoutTest {

    /** Undirected weighted edges as the directed list Umap.Graph holds (both directions). */
    static Umap.Graph graph(List<int[]> pairs, List<Double> weights) {
        int m = pairs.size();
        int[] head = new int[2 * m];
        int[] tail = new int[2 * m];
        double[] weight = new double[2 * m];
        for (int e = 0; e < m; e++) {
            head[2 * e] = pairs.get(e)[0];
            tail[2 * e] = pairs.get(e)[1];
            head[2 * e + 1] = pairs.get(e)[1];
            tail[2 * e + 1] = pairs.get(e)[0];
            weight[2 * e] = weights.get(e);
            weight[2 * e + 1] = weights.get(e);
        }
        return new Umap.Graph(head, tail, weight);
    }

    /** A ring with seeded random weights: no closed form, but L v = lambda v can be checked directly. */
    static Umap.Graph ring(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(new int[] {i, (i + 1) % n});
            weights.add(0.5 + r.nextDouble());
            pairs.add(new int[] {i, (i + 2) % n}); // a few chords, so the graph is not bipartite
            weights.add(0.2 * r.nextDouble());
        }
        return graph(pairs, weights);
    }

    /** || L v - lambda v || for the normalised Laplacian of g. */
    static double residual(Umap.Graph g, int n, double[] v, double lambda) {
        double[] degree = new double[n];
        for (int e = 0; e < g.head().length; e++) {
            degree[g.head()[e]] += g.weight()[e];
        }
        double[] lv = v.clone();
        for (int e = 0; e < g.head().length; e++) {
            int i = g.head()[e];
            int j = g.tail()[e];
            lv[i] -= g.weight()[e] / Math.sqrt(degree[i] * degree[j]) * v[j];
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (lv[i] - lambda * v[i]) * (lv[i] - lambda * v[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void vectorsAreEigenvectorsOfTheNormalisedLaplacian() {
        int n = 300;
        Umap.Graph g = ring(n, 7);
        SpectralLayout.Eigen e = SpectralLayout.of(g, n, 2, 11);
        assertNotNull(e);
        double[] degree = new double[n];
        for (int k = 0; k < g.head().length; k++) {
            degree[g.head()[k]] += g.weight()[k];
        }
        double total = java.util.Arrays.stream(degree).sum();
        for (int c = 0; c < 2; c++) {
            double[] v = e.vectors()[c];
            double norm = 0;
            double alongTrivial = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
                alongTrivial += v[i] * Math.sqrt(degree[i] / total);
            }
            assertEquals(1, norm, 1e-6, "unit length");
            assertEquals(0, alongTrivial, 1e-5, "orthogonal to the trivial eigenvector sqrt(degree)");
            assertTrue(residual(g, n, v, e.values()[c]) < 2e-4, "L v = lambda v for vector " + c);
            assertTrue(e.values()[c] > 0 && e.values()[c] < 0.01, "a ring's slowest modes are near 0: " + e.values()[c]);
        }
        assertTrue(e.values()[0] <= e.values()[1], "smallest first");
    }

    @Test
    void theSmallestNontrivialEigenvaluesAreFound() {
        // A path of n points: the normalised Laplacian's eigenvalues are 1 - cos(pi k / (n - 1)) (Chung 1997).
        int n = 200;
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            pairs.add(new int[] {i, i + 1});
            weights.add(1.0);
        }
        SpectralLayout.Eigen e = SpectralLayout.of(graph(pairs, weights), n, 3, 3);
        double[] expected = new double[3];
        for (int k = 1; k <= 3; k++) {
            expected[k - 1] = 1 - Math.cos(Math.PI * k / (n - 1));
        }
        assertArrayEquals(expected, e.values(), 1e-6);
    }

    @Test
    void twoClustersJoinedByOneWeakEdgeLandApart() {
        int half = 30;
        SplittableRandom r = new SplittableRandom(5);
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            for (int i = 0; i < half; i++) {
                for (int j = i + 1; j < half; j++) {
                    if (r.nextDouble() < 0.4) {
                        pairs.add(new int[] {side * half + i, side * half + j});
                        weights.add(0.5 + 0.5 * r.nextDouble());
                    }
                }
            }
        }
        pairs.add(new int[] {0, half});
        weights.add(0.05);
        Umap.Graph g = graph(pairs, weights);
        double[] y = SpectralLayout.layout(g, 2 * half, 2, 1);
        assertNotNull(y);
        // The first coordinate (the Fiedler vector) has one sign on each cluster.
        double sign = Math.signum(y[0]);
        for (int i = 0; i < 2 * half; i++) {
            assertEquals(i < half ? sign : -sign, Math.signum(y[2 * i]), "point " + i);
        }
    }

    @Test
    void aDisconnectedGraphHasNoSpectralLayout() {
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(new int[] {i, (i + 1) % 10});
            pairs.add(new int[] {10 + i, 10 + (i + 1) % 10});
            weights.add(1.0);
            weights.add(1.0);
        }
        assertNull(SpectralLayout.layout(graph(pairs, weights), 20, 2, 1));
    }

    @Test
    void theSameSeedGivesTheSameLayout() {
        Umap.Graph g = ring(150, 2);
        assertArrayEquals(SpectralLayout.layout(g, 150, 2, 9), SpectralLayout.layout(g, 150, 2, 9));
    }
}
