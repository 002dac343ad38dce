package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Progress;

/** The Z-order renumbering is a permutation that keeps every affinity with its pair of points. */
class LayoutOrderTest {

    @Test
    void orderIsAPermutationThatKeepsEachQuadrantTogether() {
        int n = 2_000;
        SplittableRandom r = new SplittableRandom(3);
        double[] y = new double[2 * n];
        for (int e = 0; e < y.length; e++) {
            y[e] = r.nextDouble(-1, 1);
        }
        int[] perm = LayoutOrder.of(y, n);
        int[] sorted = perm.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < n; k++) {
            assertEquals(k, sorted[k]);
        }
        // The curve visits the layout's quadrants one after another: the quadrant changes three times.
        int changes = 0;
        for (int k = 1; k < n; k++) {
            if (quadrant(y, perm[k], y) != quadrant(y, perm[k - 1], y)) {
                changes++;
            }
        }
        assertEquals(3, changes);
    }

    @Test
    void permutedAffinitiesKeepEachValueWithItsPair() {
        int n = 300;
        SplittableRandom r = new SplittableRandom(5);
        float[][] x = new float[n][8];
        for (float[] row : x) {
            for (int d = 0; d < row.length; d++) {
                row[d] = (float) r.nextGaussian();
            }
        }
        TsneAffinities p = TsneAffinities.of(x, 10, Progress.NONE);
        double[] y = new double[2 * n];
        for (int e = 0; e < y.length; e++) {
            y[e] = r.nextGaussian();
        }
        int[] perm = LayoutOrder.of(y, n);
        TsneAffinities q = LayoutOrder.permuted(p, perm);
        assertEquals(p.values().length, q.values().length);
        for (int k = 0; k < n; k++) {
            int i = perm[k];
            assertEquals(p.rowStart()[i + 1] - p.rowStart()[i], q.rowStart()[k + 1] - q.rowStart()[k]);
            for (int e = q.rowStart()[k]; e < q.rowStart()[k + 1]; e++) {
                if (e > q.rowStart()[k]) {
                    assertTrue(q.columns()[e - 1] < q.columns()[e], "columns ascending");
                }
                assertEquals(value(p, i, perm[q.columns()[e]]), q.values()[e], 0.0);
            }
        }
        double[] rows = LayoutOrder.permutedRows(y, perm);
        for (int k = 0; k < n; k++) {
            assertEquals(y[2 * perm[k]], rows[2 * k], 0.0);
            assertEquals(y[2 * perm[k] + 1], rows[2 * k + 1], 0.0);
        }
    }

    @Test
    void fftLayoutRenumberedTwiceComesBackInTheInputsOrder() {
        // Four separated clusters; the FFT path renumbers the points at iterations 100 and 350, and
        // the layout it returns must still be by input row: each point's layout neighbours share its cluster.
        int n = 500;
        SplittableRandom r = new SplittableRandom(9);
        float[][] x = new float[n][10];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(4);
            for (int d = 0; d < x[i].length; d++) {
                x[i][d] = (float) (r.nextGaussian() + (d == labels[i] ? 12 : 0));
            }
        }
        List<float[][]> seen = new ArrayList<>();
        float[][] layout = BarnesHutTsne.fit(x, new ProjectionSpec.Tsne(2, 30, 400, 0.5, 4), Progress.NONE, seen::add, 0);
        assertTrue(LayoutQuality.knnAccuracy(rows(layout), labels, 5) > 0.99, "5-NN accuracy of the final layout");
        assertTrue(LayoutQuality.knnAccuracy(rows(seen.get(seen.size() - 1)), labels, 5) > 0.99, "of the last published layout");
    }

    /** [dims][n] to [n][dims]. */
    private static float[][] rows(float[][] axes) {
        float[][] out = new float[axes[0].length][axes.length];
        for (int d = 0; d < axes.length; d++) {
            for (int i = 0; i < out.length; i++) {
                out[i][d] = axes[d][i];
            }
        }
        return out;
    }

    private static double value(TsneAffinities p, int i, int j) {
        for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
            if (p.columns()[e] == j) {
                return p.values()[e];
            }
        }
        throw new AssertionError("no entry " + i + ", " + j);
    }

    private static int quadrant(double[] y, int i, double[] all) {
        // The curve's square: the larger of the two ranges, from each axis's low end.
        double half = Math.max(max(all, 0) - min(all, 0), max(all, 1) - min(all, 1)) / 2;
        double midX = min(all, 0) + half;
        double midY = min(all, 1) + half;
        return (y[2 * i] >= midX ? 1 : 0) + (y[2 * i + 1] >= midY ? 2 : 0);
    }

    private static double max(double[] y, int axis) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = axis; i < y.length; i += 2) {
            m = Math.max(m, y[i]);
        }
        return m;
    }

    private static double min(double[] y, int axis) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = axis; i < y.length; i += 2) {
            m = Math.min(m, y[i]);
        }
        return m;
    }
}
