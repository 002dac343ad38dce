package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Progress;

/** Exact kNN and trustworthiness against naive recounts by sorting. */
class NeighboursAndQualityTest {

    static float[][] random(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    static double dist(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (double) (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    static Integer[] bySortedDistance(float[][] x, int i) {
        Integer[] order = IntStream.range(0, x.length).filter(j -> j != i).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> dist(x[i], x[j])).thenComparingInt(j -> j));
        return order;
    }

    @Test
    void exactKnnMatchesSorting() {
        float[][] x = random(300, 20, 4);
        Knn knn = Knn.exact(x, 7, Progress.NONE);
        for (int i = 0; i < x.length; i += 13) {
            Integer[] sorted = bySortedDistance(x, i);
            for (int m = 0; m < 7; m++) {
                assertEquals(sorted[m].intValue(), knn.indices()[i][m]);
                assertEquals(dist(x[i], x[sorted[m]]), knn.distances()[i][m], 1e-4);
            }
        }
    }

    @Test
    void trustworthinessMatchesTheDefinitionCountedByHand() {
        float[][] x = random(120, 6, 9);
        float[][] layout = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            layout[i] = new float[] {x[i][0], x[i][1]}; // a poor 2D view: the first two coordinates
        }
        int n = x.length;
        int k = 5;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Integer[] inOrder = bySortedDistance(x, i);
            Integer[] outOrder = bySortedDistance(layout, i);
            java.util.List<Integer> inK = Arrays.asList(inOrder).subList(0, k);
            for (int m = 0; m < k; m++) {
                int j = outOrder[m];
                if (!inK.contains(j)) {
                    sum += Arrays.asList(inOrder).indexOf(j) + 1 - k;
                }
            }
        }
        double expected = 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * sum;
        assertEquals(expected, Trustworthiness.of(x, layout, k), 1e-12);
        assertTrue(expected < 0.95);
        assertEquals(1.0, Trustworthiness.of(x, x, k), 1e-12, "a layout that is the input is perfectly trustworthy");
        double sampled = Trustworthiness.sampled(x, layout, k, 60, 1);
        assertTrue(Math.abs(sampled - expected) < 0.05, sampled + " vs " + expected);
        // A kept figure is found by content, and only for the same input, layout and settings.
        assertEquals(expected, Trustworthiness.sampled(x, layout, k, n, 1), 1e-12, "all points");
        float[][] copy = new float[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = layout[i].clone();
        }
        assertEquals(sampled, Trustworthiness.sampled(x, copy, k, 60, 1));
        assertNotEquals(sampled, Trustworthiness.sampled(x, copy, k, 60, 2), "another sample of points");
        for (int i = 0; i < n; i++) {
            layout[i][1] = x[i][2]; // the same arrays, another view: measured anew, not the kept figure
        }
        double view = Trustworthiness.sampled(x, layout, k, n, 1);
        assertNotEquals(expected, view);
        assertEquals(Trustworthiness.of(x, layout, k), view, 1e-12);
    }

    @Test
    void cacheRoundTripAndDamagedEntriesAreIgnored(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ProjectionCache cache = new ProjectionCache(dir);
        Projection p = new Projection(new float[][] {{1, 2, 3}, {4, 5, 6}}, java.util.List.of("a", "b"), new double[] {0.5, Double.NaN}, "m");
        String key = ProjectionCache.key("model", "data", "layer", "means", ProjectionSpec.Umap.defaults(2, 7));
        assertEquals(null, cache.get(key));
        cache.put(key, p);
        Projection back = cache.get(key);
        assertArrayEquals(p.axis(1), back.axis(1));
        assertEquals("m", back.method());
        assertTrue(Double.isNaN(back.explained()[1]));
        assertTrue(!key.equals(ProjectionCache.key("model", "data", "layer", "means", ProjectionSpec.Umap.defaults(2, 8))));
        java.nio.file.Files.write(dir.resolve(key + ".layout"), new byte[] {0, 0, 0, 1, 9});
        assertEquals(null, cache.get(key));
    }
}
