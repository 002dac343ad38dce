package org.latentledger.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Parallelism;

/** The FFT, the grid convolution and the interpolated repulsion, each against its direct O(n^2) sum. */
class FftRepulsionTest {

    @Test
    void fftIsTheDiscreteFourierTransformAndInvertsToTheInput() {
        int n = 64;
        SplittableRandom r = new SplittableRandom(1);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int t = 0; t < n; t++) {
            re[t] = r.nextGaussian();
            im[t] = r.nextGaussian();
        }
        double[] re0 = re.clone();
        double[] im0 = im.clone();
        Fft fft = new Fft(n);
        fft.forward(re, im, 0);
        for (int f = 0; f < n; f++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * f * t / n;
                sr += re0[t] * Math.cos(a) - im0[t] * Math.sin(a);
                si += re0[t] * Math.sin(a) + im0[t] * Math.cos(a);
            }
            assertEquals(sr, re[f], 1e-10, "re " + f);
            assertEquals(si, im[f], 1e-10, "im " + f);
        }
        fft.inverse(re, im, 0);
        for (int t = 0; t < n; t++) {
            re[t] /= n;
            im[t] /= n;
        }
        assertArrayEquals(re0, re, 1e-12);
        assertArrayEquals(im0, im, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Fft(48));
    }

    @Test
    void gridConvolutionIsTheDirectSumOverNodes() {
        int m = 9;
        int l = 32;
        double spacing = 0.7;
        GridConvolution g = new GridConvolution(m, l);
        g.setKernel(spacing);
        SplittableRandom r = new SplittableRandom(2);
        double[] ones = g.newGrid();
        double[] xs = g.newGrid();
        double[] ys = g.newGrid();
        for (int u = 0; u < m; u++) {
            for (int v = 0; v < m; v++) {
                ones[u * l + v] = r.nextDouble();
                xs[u * l + v] = r.nextGaussian();
                ys[u * l + v] = r.nextGaussian();
            }
        }
        double[] ones0 = ones.clone();
        double[] xs0 = xs.clone();
        double[] ys0 = ys.clone();
        double energy = g.convolve(ones, xs, ys);
        double exactEnergy = 0;
        for (int u = 0; u < m; u++) {
            for (int v = 0; v < m; v++) {
                double so = 0;
                double sx = 0;
                double sy = 0;
                for (int s = 0; s < m; s++) {
                    for (int t = 0; t < m; t++) {
                        double w = 1 / (1 + spacing * spacing * ((u - s) * (u - s) + (v - t) * (v - t)));
                        so += ones0[s * l + t] * w * w;
                        sx += xs0[s * l + t] * w * w;
                        sy += ys0[s * l + t] * w * w;
                        exactEnergy += ones0[u * l + v] * ones0[s * l + t] * w;
                    }
                }
                assertEquals(so, ones[u * l + v], 1e-10);
                assertEquals(sx, xs[u * l + v], 1e-10);
                assertEquals(sy, ys[u * l + v], 1e-10);
            }
        }
        assertEquals(exactEnergy, energy, 1e-10 * exactEnergy);
    }

    @Test
    void interpolatedRepulsionAgreesWithTheExactSums() {
        // Clusters of different sizes and spreads, as a t-SNE layout has, about 100 units wide: boxes
        // of nearly the widest width on a 512 grid.
        int n = 600;
        double[] y = layout(n, 48, 4);
        double[] exact = new double[2 * n];
        double exactZ = 0;
        double errorSq = 0;
        double normSq = 0;
        for (int i = 0; i < n; i++) {
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    exactZ += w;
                    fx += w * w * dx;
                    fy += w * w * dy;
                }
            }
            exact[2 * i] = fx;
            exact[2 * i + 1] = fy;
        }
        // Boxes at most 1.25 units wide, three nodes each: no worse than Barnes-Hut at theta 0.5 (its
        // cells' half-width below theta times their distance); the error falls as the cube of the box
        // width (Lagrange, degree 2).
        double[] rep = new double[2 * n];
        double z = new FftRepulsion().repulsion(y, n, rep);
        double[] barnesHut = new double[2 * n];
        double barnesHutZ = barnesHut(y, n, barnesHut);
        assertTrue(relativeError(rep, exact) < relativeError(barnesHut, exact), "relative force error " + relativeError(rep, exact));
        // Z only scales all repulsion at once; its error (from the cancellation in the x^2 + y^2 charge)
        // is about twice Barnes-Hut's here, 2% against 0.8%, as a repulsion 2% weaker would be.
        assertEquals(exactZ, z, 2.5e-2 * exactZ, "Barnes-Hut's Z " + barnesHutZ);
        // Fine boxes (a tenth of a unit) converge on the exact sums; on a layout a tenth as wide, so
        // that the grid stays small and the test quick.
        double[] small = y.clone();
        for (int e = 0; e < small.length; e++) {
            small[e] /= 10;
        }
        double[] smallExact = exactForces(small, n);
        new FftRepulsion(0.1).repulsion(small, n, rep);
        assertTrue(relativeError(rep, smallExact) < 1e-4, "relative force error, fine boxes " + relativeError(rep, smallExact));
    }

    private static double[] exactForces(double[] y, int n) {
        double[] f = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    f[2 * i] += w * w * dx;
                    f[2 * i + 1] += w * w * dy;
                }
            }
        }
        return f;
    }

    /** Barnes-Hut's repulsion at theta 0.5 into {@code bh}; returns its Z. */
    private static double barnesHut(double[] y, int n, double[] bh) {
        QuadTree tree = new QuadTree(2 * n);
        tree.build(y, n);
        double z = 0;
        double[] force = new double[2];
        int[] stack = new int[QuadTree.stackSize() * 4];
        for (int i = 0; i < n; i++) {
            force[0] = 0;
            force[1] = 0;
            z += tree.repulsion(y[2 * i], y[2 * i + 1], 0.5, force, stack);
            bh[2 * i] = force[0];
            bh[2 * i + 1] = force[1];
        }
        return z;
    }

    private static double relativeError(double[] approx, double[] exact) {
        double errorSq = 0;
        double normSq = 0;
        for (int e = 0; e < exact.length; e++) {
            errorSq += (approx[e] - exact[e]) * (approx[e] - exact[e]);
            normSq += exact[e] * exact[e];
        }
        return Math.sqrt(errorSq / normSq);
    }

    @Test
    void repulsionIsTheSameOnOneThreadAndOnTwo() throws Exception {
        int n = 3000;
        double[] y = layout(n, 30, 9);
        double[] one = new double[2 * n];
        double[] two = new double[2 * n];
        double z1 = Parallelism.with(1, () -> new FftRepulsion().repulsion(y, n, one));
        double z2 = Parallelism.with(2, () -> new FftRepulsion().repulsion(y, n, two));
        assertEquals(z1, z2, 0);
        assertArrayEquals(one, two, 0);
        // State kept between calls (grids, the kernel's spectrum) does not leak into the next layout.
        FftRepulsion reused = new FftRepulsion();
        reused.repulsion(layout(n, 30, 10), n, new double[2 * n]);
        double[] again = new double[2 * n];
        assertEquals(z1, reused.repulsion(y, n, again), 0);
        assertArrayEquals(one, again, 0);
    }

    /** Seeded Gaussian clusters, {@code spread} units around the origin. */
    static double[] layout(int n, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int clusters = 7;
        double[][] centres = new double[clusters][2];
        for (double[] c : centres) {
            c[0] = (r.nextDouble() - 0.5) * 2 * spread;
            c[1] = (r.nextDouble() - 0.5) * 2 * spread;
        }
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(clusters);
            double s = 0.3 + c;
            y[2 * i] = centres[c][0] + s * r.nextGaussian();
            y[2 * i + 1] = centres[c][1] + s * r.nextGaussian();
        }
        return y;
    }
}
