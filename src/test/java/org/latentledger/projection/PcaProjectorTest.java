package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Progress;

/** Smile's PCA checked against an independent power iteration on the covariance matrix. */
class PcaProjectorTest {

    @Test
    void firstComponentMatchesPowerIteration() {
        float[][] x = correlated(500, 6, 9);
        Projection p = new PcaProjector().project(x, 2, Progress.NONE);
        assertEquals(2, p.dimensions());
        assertEquals(500, p.size());

        double[][] cov = covariance(x);
        double[] u = topEigenvector(cov);
        double lambda = rayleigh(cov, u);
        double trace = 0;
        for (int i = 0; i < cov.length; i++) {
            trace += cov[i][i];
        }
        assertEquals(lambda / trace, p.explained()[0], 1e-6);

        // Coordinates on PC1 are (x - mean) . u up to sign; our sign rule makes it deterministic.
        double[] mean = mean(x);
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                s += (x[i][j] - mean[j]) * u[j];
            }
            dot += s * p.axis(0)[i];
            normA += s * s;
            normB += p.axis(0)[i] * p.axis(0)[i];
        }
        assertEquals(1.0, Math.abs(dot) / Math.sqrt(normA * normB), 1e-5);
        // Variance of the coordinates along PC1 is the top eigenvalue (population vs sample: n-1).
        assertEquals(lambda, normB / (x.length - 1), lambda * 1e-4);
    }

    @Test
    void sameInputSamePictureAndConstantDataAtOrigin() {
        float[][] x = correlated(200, 4, 3);
        Projection a = new PcaProjector().project(x, 2, Progress.NONE);
        Projection b = new PcaProjector().project(x, 2, Progress.NONE);
        assertArrayEquals(a.axis(0), b.axis(0));
        assertArrayEquals(a.axis(1), b.axis(1));

        float[][] constant = new float[10][3];
        Projection c = new PcaProjector().project(constant, 2, Progress.NONE);
        assertArrayEquals(new float[10], c.axis(0));
    }

    @Test
    void aFitIsKeptByContentAndServesFewerComponentsOfTheSameDataOnly() {
        float[][] x = correlated(300, 60, 11);
        PcaModel three = PcaProjector.fit(x, 3, Progress.NONE);
        assertEquals(3, three.count());
        // A copy of the same values finds the kept fit; its first two components are the first two of three.
        float[][] copy = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        assertNotNull(PcaMemo.find(PcaMemo.keyOf(copy), 2), "the same values are found again");
        PcaModel two = PcaProjector.fit(copy, 2, Progress.NONE);
        assertEquals(2, two.count());
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(three.components()[c], two.components()[c]);
            assertEquals(three.explained()[c], two.explained()[c]);
        }
        // What a caller does with its fit does not reach the next one.
        two.components()[0][0] = 1e9;
        two.mean()[0] = 1e9;
        PcaModel again = PcaProjector.fit(x, 2, Progress.NONE);
        assertArrayEquals(three.components()[0], again.components()[0]);
        assertArrayEquals(three.mean(), again.mean());
        // An array changed in place is another input: not found, fitted anew to its own values.
        x[5][7] += 40f;
        assertNull(PcaMemo.find(PcaMemo.keyOf(x), 2), "changed values are not the kept ones");
        PcaModel changed = PcaProjector.fit(x, 2, Progress.NONE);
        assertNotEquals(three.mean()[7], changed.mean()[7]);
        assertEquals(mean(x)[7], changed.mean()[7], 1e-9);
        // More components than were kept are fitted anew, not cut short.
        float[][] wide = correlated(400, 80, 12);
        PcaProjector.fit(wide, 2, Progress.NONE);
        assertNotNull(PcaMemo.find(PcaMemo.keyOf(wide), PcaMemo.KEPT));
        assertNull(PcaMemo.find(PcaMemo.keyOf(wide), PcaMemo.KEPT + 1), "only " + PcaMemo.KEPT + " of 80 were kept");
        assertEquals(70, PcaProjector.fit(wide, 70, Progress.NONE).count());
    }

    static float[][] correlated(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            double t = r.nextGaussian();
            double s = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                row[j] = (float) ((j + 1) * t + (d - j) * 0.5 * s + 0.1 * r.nextGaussian());
            }
        }
        return x;
    }

    private static double[] mean(float[][] x) {
        double[] m = new double[x[0].length];
        for (float[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / (double) x.length;
            }
        }
        return m;
    }

    private static double[][] covariance(float[][] x) {
        double[] m = mean(x);
        int d = m.length;
        double[][] c = new double[d][d];
        for (float[] row : x) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += (row[a] - m[a]) * (row[b] - m[b]) / (x.length - 1);
                }
            }
        }
        return c;
    }

    private static double[] topEigenvector(double[][] c) {
        double[] v = new double[c.length];
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < 2000; it++) {
            double[] w = new double[v.length];
            for (int a = 0; a < v.length; a++) {
                for (int b = 0; b < v.length; b++) {
                    w[a] += c[a][b] * v[b];
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(w).map(z -> z * z).sum());
            for (int a = 0; a < v.length; a++) {
                v[a] = w[a] / norm;
            }
        }
        return v;
    }

    private static double rayleigh(double[][] c, double[] v) {
        double s = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                s += v[a] * c[a][b] * v[b];
            }
        }
        return s;
    }
}
