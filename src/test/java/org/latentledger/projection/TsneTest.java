package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentledger.data.BundledData;
import org.latentledger.data.ResourceRoot;
import org.latentledger.work.CancelledException;
import org.latentledger.work.Progress;

/** Barnes-Hut t-SNE: its pieces against exact computations, its layouts against the quality bar. */
class TsneTest {

    @Test
    void affinitiesHaveThePerplexityAndFormASymmetricDistribution() {
        float[][] x = NeighboursAndQualityTest.random(200, 5, 2);
        Knn knn = Knn.exact(x, 30, Progress.NONE);
        double[] p = TsneAffinities.conditional(knn.distances()[7], 10);
        double entropy = 0;
        for (double v : p) {
            entropy -= v > 0 ? v * Math.log(v) : 0;
        }
        assertEquals(10, Math.exp(entropy), 1e-3);
        TsneAffinities a = TsneAffinities.of(x, 10, Progress.NONE);
        double total = 0;
        for (double v : a.values()) {
            total += v;
        }
        assertEquals(1.0, total, 1e-9);
        assertEquals(value(a, 3, a.columns()[a.rowStart()[3]]), value(a, a.columns()[a.rowStart()[3]], 3), 1e-15);
    }

    @Test
    void barnesHutGradientWithThetaZeroIsTheExactGradient() {
        float[][] x = NeighboursAndQualityTest.random(60, 4, 5);
        TsneAffinities p = TsneAffinities.of(x, 5, Progress.NONE);
        int n = x.length;
        double[] y = new double[n * 2];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int e = 0; e < y.length; e++) {
            y[e] = r.nextGaussian();
        }
        double[] grad = new double[n * 2];
        BarnesHutTsne.gradient(p, y, 2, n, 1, 0, grad, new double[n]);
        // dC/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j), q_ij = w_ij / Z, with the dense P.
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                dense[i][p.columns()[e]] = p.values()[e];
            }
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    z += 1 / (1 + d2(y, i, j));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 2; d++) {
                double g = 0;
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        double w = 1 / (1 + d2(y, i, j));
                        g += 4 * (dense[i][j] - w / z) * w * (y[i * 2 + d] - y[j * 2 + d]);
                    }
                }
                assertEquals(g, grad[i * 2 + d], 1e-10);
            }
        }
        // And with theta 0.5 the approximation stays close.
        double[] approx = new double[n * 2];
        BarnesHutTsne.gradient(p, y, 2, n, 1, 0.5, approx, new double[n]);
        double err = 0;
        double norm = 0;
        for (int e = 0; e < grad.length; e++) {
            err += (approx[e] - grad[e]) * (approx[e] - grad[e]);
            norm += grad[e] * grad[e];
        }
        assertTrue(Math.sqrt(err / norm) < 0.05, "relative error " + Math.sqrt(err / norm));
    }

    @Test
    void digitsLayoutIsTrustworthyDeterministicAndAnimated() throws Exception {
        float[][] x = BundledData.DIGITS.load(ResourceRoot.directory(Path.of("."))).features();
        List<Projection> frames = new ArrayList<>();
        ProjectionSpec.Tsne spec = new ProjectionSpec.Tsne(2, 30, 500, 0.5, 11);
        Projection a = Projections.run(x, spec, Progress.NONE, frames::add);
        double t = Trustworthiness.of(x, Projections.rows(a), 5);
        assertTrue(t > 0.985, "trustworthiness " + t);
        assertEquals(50, frames.size(), "a layout every 10 iterations");
        Projection b = Projections.run(x, spec, Progress.NONE, null);
        assertArrayEquals(a.axis(0), b.axis(0));
        assertArrayEquals(a.axis(1), b.axis(1));
    }

    @Test
    void threeDimensionsAndCancel() {
        float[][] x = NeighboursAndQualityTest.random(300, 10, 8);
        Projection p = Projections.run(x, new ProjectionSpec.Tsne(3, 20, 300, 0.5, 1), Progress.NONE, null);
        assertEquals(3, p.dimensions());
        int[] calls = {0};
        Progress cancelAfterFirst = new Progress() {
            @Override
            public void update(double fraction, String message) {
                calls[0]++;
            }

            @Override
            public boolean isCancelled() {
                return calls[0] > 1;
            }
        };
        assertThrows(CancelledException.class, () -> Projections.run(x, ProjectionSpec.Tsne.defaults(2, 1), cancelAfterFirst, null));
        assertThrows(IllegalArgumentException.class,
                () -> Projections.run(NeighboursAndQualityTest.random(20, 3, 1), ProjectionSpec.Tsne.defaults(2, 1), Progress.NONE, null));
    }

    private static double d2(double[] y, int i, int j) {
        double a = y[i * 2] - y[j * 2];
        double b = y[i * 2 + 1] - y[j * 2 + 1];
        return a * a + b * b;
    }

    private static double value(TsneAffinities a, int i, int j) {
        for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
            if (a.columns()[e] == j) {
                return a.values()[e];
            }
        }
        return 0;
    }
}
