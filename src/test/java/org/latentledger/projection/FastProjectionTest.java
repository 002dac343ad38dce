package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Parallelism;
import org.latentledger.work.Progress;

/** The pieces that make t-SNE and UMAP fast, each against a slow reference, and thread-count independence. */
class FastProjectionTest {

    @Test
    void quadTreeGivesTheSameSumsAsTheGeneralTree() {
        int n = 500;
        double[] y = new double[2 * n];
        SplittableRandom r = new SplittableRandom(4);
        for (int e = 0; e < y.length; e++) {
            y[e] = r.nextGaussian() * (e % 7 == 0 ? 10 : 1);
        }
        y[2] = y[0]; // an exact duplicate of point 0
        y[3] = y[1];
        QuadTree quad = new QuadTree(8);
        quad.build(y, n);
        SpaceTree general = new SpaceTree(y, 2, n);
        for (double theta : new double[] {0, 0.5, 1}) {
            for (int i = 0; i < n; i += 7) {
                double[] f1 = new double[2];
                double[] f2 = new double[2];
                double z1 = quad.repulsion(y[2 * i], y[2 * i + 1], theta, f1, new int[QuadTree.stackSize() * 4]);
                double z2 = general.repulsion(i, y, theta, f2, new int[general.stackSize() * 4]);
                assertEquals(z2, z1, 1e-9 * Math.abs(z2), "Z part of " + i + " at theta " + theta);
                assertEquals(f2[0], f1[0], 1e-9 * (Math.abs(f2[0]) + 1e-12));
                assertEquals(f2[1], f1[1], 1e-9 * (Math.abs(f2[1]) + 1e-12));
            }
        }
        // With theta 0 it is the exact sum over all other points (duplicates excluded, as the reference does).
        double[] f = new double[2];
        double z = quad.repulsion(y[8], y[9], 0, f, new int[QuadTree.stackSize() * 4]);
        double zExact = 0;
        double fx = 0;
        for (int j = 0; j < n; j++) {
            double dx = y[8] - y[2 * j];
            double dy = y[9] - y[2 * j + 1];
            double d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                double w = 1 / (1 + d2);
                zExact += w;
                fx += w * w * dx;
            }
        }
        assertEquals(zExact, z, 1e-9 * zExact);
        assertEquals(fx, f[0], 1e-9 * Math.abs(fx));
    }

    @Test
    void threeDimensionalGradientWithThetaZeroIsExact() {
        float[][] x = NeighboursAndQualityTest.random(50, 5, 6);
        TsneAffinities p = TsneAffinities.of(x, 5, Progress.NONE);
        int n = x.length;
        double[] y = new double[n * 3];
        SplittableRandom r = new SplittableRandom(8);
        for (int e = 0; e < y.length; e++) {
            y[e] = r.nextGaussian();
        }
        double[] grad = new double[n * 3];
        BarnesHutTsne.gradient(p, y, 3, n, 1, 0, grad, new double[n]);
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    z += 1 / (1 + d2(y, i, j, 3));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                double g = 0;
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        double w = 1 / (1 + d2(y, i, j, 3));
                        g += 4 * (value(p, i, j) - w / z) * w * (y[i * 3 + d] - y[j * 3 + d]);
                    }
                }
                assertEquals(g, grad[i * 3 + d], 1e-10);
            }
        }
    }

    @Test
    void distanceWithFourSumsMatchesTheOneSumDistance() {
        float[][] x = NeighboursAndQualityTest.random(20, 37, 2); // 37: two blocks of 16 and a tail of 5
        for (float[] a : x) {
            for (float[] b : x) {
                double plain = 0;
                for (int d = 0; d < a.length; d++) {
                    plain += (double) (a[d] - b[d]) * (a[d] - b[d]);
                }
                assertEquals(plain, Knn.squared(a, b, Float.POSITIVE_INFINITY), 1e-4 * (plain + 1e-6));
                float early = Knn.squared(a, b, (float) plain / 4);
                assertTrue(plain == 0 || early > plain / 4, "stops only once past the bound");
            }
        }
    }

    @Test
    void approximateNeighboursFindAlmostAllExactOnesTheSameOnAnyThreadCount() throws Exception {
        // Clustered data in 30 dimensions, like a reduced image set: 3,000 points around 12 centres.
        SplittableRandom r = new SplittableRandom(21);
        float[][] centres = NeighboursAndQualityTest.random(12, 30, 22);
        float[][] x = new float[3000][30];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 30; d++) {
                x[i][d] = centres[i % 12][d] * 4 + (float) r.nextGaussian();
            }
        }
        for (int k : new int[] {15, 45}) {
            Knn exact = Knn.exact(x, k, Progress.NONE);
            Knn approx = Parallelism.with(1, () -> Knn.approximate(x, k, 5, Progress.NONE));
            Knn again = Parallelism.with(2, () -> Knn.approximate(x, k, 5, Progress.NONE));
            long hits = 0;
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(approx.indices()[i], again.indices()[i], "1 and 2 threads, point " + i);
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int j : exact.indices()[i]) {
                    truth.add(j);
                }
                for (int m = 0; m < k; m++) {
                    int j = approx.indices()[i][m];
                    hits += truth.contains(j) ? 1 : 0;
                    assertTrue(j != i, "never itself");
                    assertEquals(Math.sqrt(Knn.squared(x[i], x[j], Float.POSITIVE_INFINITY)), approx.distances()[i][m], 1e-4);
                    assertTrue(m == 0 || approx.distances()[i][m - 1] <= approx.distances()[i][m], "nearest first");
                }
            }
            double recall = (double) hits / (x.length * (long) k);
            assertTrue(recall > 0.98, "recall at k=" + k + ": " + recall);
        }
    }

    @Test
    void knnAccuracyCountsLeaveOneOutMajorityVotes() {
        // Independent count: sort all distances, take the 5 nearest, vote.
        float[][] layout = NeighboursAndQualityTest.random(120, 2, 9);
        int[] labels = new int[120];
        for (int i = 0; i < 120; i++) {
            labels[i] = layout[i][0] > 0 ? (layout[i][1] > 0 ? 0 : 1) : 2;
            if (i % 11 == 0) {
                labels[i] = (labels[i] + 1) % 3; // some noise so it is not 1.0
            }
        }
        int right = 0;
        for (int i = 0; i < 120; i++) {
            int self = i;
            Integer[] order = java.util.stream.IntStream.range(0, 120).filter(j -> j != self).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(order, (a, b) -> Double.compare(dist(layout[self], layout[a]), dist(layout[self], layout[b])));
            int[] votes = new int[3];
            for (int m = 0; m < 5; m++) {
                votes[labels[order[m]]]++;
            }
            int most = java.util.Arrays.stream(votes).max().orElseThrow();
            int predicted = -1;
            for (int m = 0; m < 5 && predicted < 0; m++) {
                if (votes[labels[order[m]]] == most) {
                    predicted = labels[order[m]];
                }
            }
            right += predicted == labels[i] ? 1 : 0;
        }
        double acc = LayoutQuality.knnAccuracy(layout, labels, 5);
        assertEquals(right / 120.0, acc, 1e-12);
        assertTrue(acc > 0.7 && acc < 1, "accuracy " + acc);
        // A tie (two votes each for two classes) goes to the class of the nearest neighbour.
        float[][] line = {{0}, {1}, {2}, {3}, {4}, {5}};
        assertEquals(1, LayoutQuality.predict(line, new int[] {0, 1, 2, 1, 2, 0}, 0, 5));
        assertEquals(2, LayoutQuality.predict(line, new int[] {0, 2, 1, 2, 1, 0}, 0, 5));
        assertEquals(0, LayoutQuality.predict(line, new int[] {0, 0, 2, 1, 2, 0}, 0, 5), "a clear majority of one class wins");
    }

    @Test
    void layoutsDoNotDependOnTheThreadCount() throws Exception {
        float[][] x = NeighboursAndQualityTest.random(600, 20, 12);
        for (ProjectionSpec spec : List.of(new ProjectionSpec.Tsne(2, 20, 300, 0.5, 3), new ProjectionSpec.Tsne(3, 20, 300, 0.5, 3),
                new ProjectionSpec.Umap(2, 15, 0.1, 100, 3))) {
            Projection one = Parallelism.with(1, () -> Projections.run(x, spec, Progress.NONE, null));
            Projection two = Parallelism.with(2, () -> Projections.run(x, spec, Progress.NONE, null));
            Projection all = Projections.run(x, spec, Progress.NONE, null);
            for (int d = 0; d < spec.dimensions(); d++) {
                assertArrayEquals(one.axis(d), two.axis(d), spec + " axis " + d + ": 1 vs 2 threads");
                assertArrayEquals(one.axis(d), all.axis(d), spec + " axis " + d + ": 1 thread vs the common pool");
            }
        }
    }

    @Test
    void trustworthinessOfSeveralLayoutsAtOnceEqualsEachAlone() {
        float[][] x = NeighboursAndQualityTest.random(150, 6, 3);
        float[][] a = NeighboursAndQualityTest.random(150, 2, 4);
        float[][] b = new float[150][];
        for (int i = 0; i < 150; i++) {
            b[i] = new float[] {x[i][0], x[i][1]};
        }
        double[] both = Trustworthiness.ofEach(x, List.of(a, b), 5, 150, 1);
        assertEquals(Trustworthiness.of(x, a, 5), both[0], 1e-12);
        assertEquals(Trustworthiness.of(x, b, 5), both[1], 1e-12);
        assertTrue(both[1] > both[0], "two real coordinates keep more neighbours than random ones");
        double[] sampled = Trustworthiness.ofEach(x, List.<float[][]>of(a), 5, 60, 7);
        assertEquals(Trustworthiness.sampled(x, a, 5, 60, 7), sampled[0], 1e-12);
    }

    private static double dist(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) (a[d] - b[d]) * (a[d] - b[d]);
        }
        return s;
    }

    private static double d2(double[] y, int i, int j, int dims) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            double t = y[i * dims + d] - y[j * dims + d];
            s += t * t;
        }
        return s;
    }

    private static double value(TsneAffinities p, int i, int j) {
        for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
            if (p.columns()[e] == j) {
                return p.values()[e];
            }
        }
        return 0;
    }
}
