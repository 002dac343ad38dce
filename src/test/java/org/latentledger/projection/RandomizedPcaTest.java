package org.latentledger.projection;

import org.latentledger.natives.SmileNatives;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Progress;

/** The randomized top-k PCA of wide data against the exact one (Smile's), and Jacobi against its definition. */
class RandomizedPcaTest {

    @Test
    void agreesWithExactPcaOnWideLowRankData() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 400;
        int d = 1200;
        double[][] basis = new double[6][d];
        for (double[] b : basis) {
            for (int j = 0; j < d; j++) {
                b[j] = r.nextGaussian();
            }
        }
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            double[] w = {8 * r.nextGaussian(), 5 * r.nextGaussian(), 3 * r.nextGaussian(), 2 * r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int j = 0; j < d; j++) {
                double v = 0.1 * r.nextGaussian();
                for (int k = 0; k < 6; k++) {
                    v += w[k] * basis[k][j];
                }
                x[i][j] = (float) v;
            }
        }
        PcaModel fast = RandomizedPca.fit(x, 3, 1, Progress.NONE);
        // The exact reference: Smile through the same class, below the width threshold's switch.
        PcaModel exact = exact(x, 3);
        for (int c = 0; c < 3; c++) {
            assertEquals(exact.explained()[c], fast.explained()[c], 1e-4, "explained share of component " + (c + 1));
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += exact.components()[c][j] * fast.components()[c][j];
            }
            assertTrue(Math.abs(dot) > 0.9999, "component " + (c + 1) + " cos " + dot);
        }
    }

    @Test
    void jacobiDiagonalisesASymmetricMatrix() {
        double[][] a = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
        double[][] copy = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
        double[][] v = new double[3][3];
        double[] values = Jacobi.eigen(a, v);
        assertTrue(values[0] >= values[1] && values[1] >= values[2]);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 3; i++) {
                double av = 0;
                for (int j = 0; j < 3; j++) {
                    av += copy[i][j] * v[j][c];
                }
                assertEquals(values[c] * v[i][c], av, 1e-10);
            }
        }
        assertEquals(12, values[0] + values[1] + values[2], 1e-10, "the trace");
    }

    private static PcaModel exact(float[][] x, int k) {
        double[][] data = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                data[i][j] = x[i][j];
            }
        }
        SmileNatives.ensureLoaded();
        smile.feature.extraction.PCA pca = smile.feature.extraction.PCA.fit(data);
        double[][] comps = new double[k][x[0].length];
        double[] explained = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < x[0].length; j++) {
                comps[c][j] = pca.loadings().get(j, c);
            }
            explained[c] = pca.varianceProportion().get(c);
        }
        return new PcaModel(null, comps, explained);
    }
}
