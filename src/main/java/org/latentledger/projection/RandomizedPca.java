package org.latentledger.projection;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentledger.work.Progress;

/**
 * The top principal components of wide data by randomized SVD (Halko, Martinsson and Tropp,
 * "Finding structure with randomness", SIAM Review 53, 2011): a seeded Gaussian sketch of the
 * centred data, two power iterations with re-orthonormalisation, then the exact eigen-decomposition
 * of the small projected problem. Costs O(n d l) per pass with l = k + 10, instead of the O(n d^2
 * + d^3) of a full covariance eigen-decomposition, and checks for cancellation between passes.
 * Shares of variance are exact: they divide by the data's total variance.
 */
final class RandomizedPca {

    static final int OVERSAMPLE = 10;
    static final int POWER_ITERATIONS = 2;

    private RandomizedPca() {
    }

    static PcaModel fit(float[][] x, int k, long seed, Progress progress) {
        int n = x.length;
        int d = x[0].length;
        int l = Math.min(Math.min(n, d), k + OVERSAMPLE);
        double[] mean = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double total = IntStream.range(0, n).parallel().mapToDouble(i -> {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = x[i][j] - mean[j];
                s += t * t;
            }
            return s;
        }).sum();
        SplittableRandom r = new SplittableRandom(seed);
        double[][] omega = new double[d][l];
        for (double[] row : omega) {
            for (int c = 0; c < l; c++) {
                row[c] = r.nextGaussian();
            }
        }
        progress.update(-1, "PCA (randomized) of " + n + " x " + d);
        double[][] y = times(x, mean, omega); // n x l
        orthonormalise(y);
        for (int q = 0; q < POWER_ITERATIONS; q++) {
            progress.checkCancelled();
            double[][] z = transposeTimes(x, mean, y); // d x l
            orthonormalise(z);
            progress.checkCancelled();
            y = times(x, mean, z);
            orthonormalise(y);
        }
        progress.checkCancelled();
        double[][] b = transposeTimes(x, mean, y); // d x l: columns are (Q^T A)^T
        // Eigen-decomposition of the small l x l matrix B^T B gives the right singular vectors.
        double[][] btb = new double[l][l];
        for (int a = 0; a < l; a++) {
            for (int c = a; c < l; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += b[j][a] * b[j][c];
                }
                btb[a][c] = s;
                btb[c][a] = s;
            }
        }
        double[][] vectors = new double[l][l];
        double[] values = Jacobi.eigen(btb, vectors);
        int count = Math.min(k, l);
        double[][] components = new double[count][d];
        double[] explained = new double[count];
        for (int c = 0; c < count; c++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int m = 0; m < l; m++) {
                    v += b[j][m] * vectors[m][c];
                }
                components[c][j] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            int argmax = 0;
            for (int j = 0; j < d; j++) {
                components[c][j] /= norm;
                if (Math.abs(components[c][j]) > Math.abs(components[c][argmax])) {
                    argmax = j;
                }
            }
            if (components[c][argmax] < 0) {
                for (int j = 0; j < d; j++) {
                    components[c][j] = -components[c][j];
                }
            }
            explained[c] = total == 0 ? 0 : values[c] / total;
        }
        return new PcaModel(mean, components, explained);
    }

    /** (X - mean) M, for M of d x l. */
    private static double[][] times(float[][] x, double[] mean, double[][] m) {
        int l = m[0].length;
        int d = mean.length;
        double[] shift = new double[l];
        for (int j = 0; j < d; j++) {
            for (int c = 0; c < l; c++) {
                shift[c] += mean[j] * m[j][c];
            }
        }
        double[][] out = new double[x.length][];
        IntStream.range(0, x.length).parallel().forEach(i -> {
            double[] row = new double[l];
            float[] xi = x[i];
            for (int j = 0; j < d; j++) {
                double v = xi[j];
                if (v != 0) {
                    double[] mj = m[j];
                    for (int c = 0; c < l; c++) {
                        row[c] += v * mj[c];
                    }
                }
            }
            for (int c = 0; c < l; c++) {
                row[c] -= shift[c];
            }
            out[i] = row;
        });
        return out;
    }

    /** (X - mean)^T Y, for Y of n x l: d x l, summed in row order per column block (deterministic). */
    private static double[][] transposeTimes(float[][] x, double[] mean, double[][] y) {
        int d = mean.length;
        int l = y[0].length;
        double[] ySum = new double[l];
        for (double[] row : y) {
            for (int c = 0; c < l; c++) {
                ySum[c] += row[c];
            }
        }
        double[][] out = new double[d][l];
        int blocks = Math.max(1, (d + 255) / 256);
        IntStream.range(0, blocks).parallel().forEach(bk -> {
            int j0 = bk * 256;
            int j1 = Math.min(d, j0 + 256);
            for (int i = 0; i < x.length; i++) {
                float[] xi = x[i];
                double[] yi = y[i];
                for (int j = j0; j < j1; j++) {
                    double v = xi[j];
                    if (v != 0) {
                        double[] o = out[j];
                        for (int c = 0; c < l; c++) {
                            o[c] += v * yi[c];
                        }
                    }
                }
            }
            for (int j = j0; j < j1; j++) {
                for (int c = 0; c < l; c++) {
                    out[j][c] -= mean[j] * ySum[c];
                }
            }
        });
        return out;
    }

    /** Modified Gram-Schmidt on the columns, in place. */
    static void orthonormalise(double[][] a) {
        int rows = a.length;
        int cols = a[0].length;
        for (int c = 0; c < cols; c++) {
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < rows; i++) {
                    dot += a[i][c] * a[i][p];
                }
                for (int i = 0; i < rows; i++) {
                    a[i][c] -= dot * a[i][p];
                }
            }
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                norm += a[i][c] * a[i][c];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < rows; i++) {
                a[i][c] = norm > 1e-300 ? a[i][c] / norm : 0;
            }
        }
    }
}
