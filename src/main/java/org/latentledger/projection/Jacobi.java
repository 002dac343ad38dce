package org.latentledger.projection;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: exact to machine
 * precision, sorted by decreasing eigenvalue. For the l x l problems of randomized PCA (l <= 60).
 */
final class Jacobi {

    private Jacobi() {
    }

    /**
     * @param a       symmetric matrix (destroyed)
     * @param vectors receives the eigenvectors as columns
     * @return the eigenvalues, largest first (columns of {@code vectors} in the same order)
     */
    static double[] eigen(double[][] a, double[][] vectors) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vectors[k][p];
                        double vkq = vectors[k][q];
                        vectors[k][p] = c * vkp - s * vkq;
                        vectors[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] sorted = new double[n];
        double[][] v = new double[n][n];
        for (int c = 0; c < n; c++) {
            sorted[c] = values[order[c]];
            for (int r = 0; r < n; r++) {
                v[r][c] = vectors[r][order[c]];
            }
        }
        for (int r = 0; r < n; r++) {
            System.arraycopy(v[r], 0, vectors[r], 0, n);
        }
        return sorted;
    }
}
