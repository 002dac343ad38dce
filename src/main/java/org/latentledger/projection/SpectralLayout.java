package org.latentledger.projection;

import java.util.SplittableRandom;

/**
 * UMAP's starting layout as umap-learn makes it: the eigenvectors of the fuzzy graph's
 * normalised Laplacian L = I - D^-1/2 W D^-1/2 with the smallest eigenvalues after the trivial
 * one (Belkin and Niyogi 2003, "Laplacian eigenmaps"). A PCA start knows only the input's two
 * widest directions; this one already keeps the graph's clusters apart, which SGD alone does not
 * fully undo at 70,000 points.
 *
 * <p>Solved as the largest eigenvalues of A = (I + D^-1/2 W D^-1/2) / 2 (spectrum in [0, 1],
 * the wanted end at 1) by thick-restart Lanczos (Wu and Simon 2000) with full
 * re-orthogonalisation, the trivial eigenvector sqrt(degree) projected out of every basis vector.
 * The start vector is seeded and every sum runs in a fixed order, so the result does not depend
 * on the thread count. Returns null when the graph is not connected (each piece would need its own
 * layout, as umap-learn's multi-component layout does) or the iteration does not converge; the
 * caller then starts from PCA.
 */
final class SpectralLayout {

    static final int BASIS = 48;
    static final int KEEP = 16;
    static final int MAX_RESTARTS = 60;
    /** Ritz residual at which an eigenvector counts as converged (umap-learn asks eigsh for 1e-4). */
    static final double TOLERANCE = 1e-4;

    /** Eigenpairs of L, smallest eigenvalue first, trivial one excluded; {@code vectors[c][i]}. */
    record Eigen(double[] values, double[][] vectors, int products) {
    }

    private final int n;
    private final int[] start;
    private final int[] column;
    private final double[] value; // D^-1/2 W D^-1/2, row by row
    private final double[] trivial; // sqrt(degree), unit length

    private SpectralLayout(int n, int[] start, int[] column, double[] value, double[] trivial) {
        this.n = n;
        this.start = start;
        this.column = column;
        this.value = value;
        this.trivial = trivial;
    }

    /** {@code dims} coordinates per point, row-major, or null (see the class comment). */
    static double[] layout(Umap.Graph g, int n, int dims, long seed) {
        if (!connected(g, n)) {
            return null;
        }
        Eigen e = of(g, n, dims, seed);
        if (e == null) {
            return null;
        }
        double[] y = new double[n * dims];
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < n; i++) {
                y[i * dims + d] = e.vectors()[d][i];
            }
        }
        return y;
    }

    /** The {@code count} nontrivial eigenpairs of the normalised Laplacian with the smallest eigenvalues, or null. */
    static Eigen of(Umap.Graph g, int n, int count, long seed) {
        return normalised(g, n).solve(count, seed);
    }

    /** True when every point can reach every other along the graph's edges (union-find). */
    static boolean connected(Umap.Graph g, int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int pieces = n;
        for (int e = 0; e < g.head().length; e++) {
            int a = root(parent, g.head()[e]);
            int b = root(parent, g.tail()[e]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
                pieces--;
            }
        }
        return pieces == 1;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static SpectralLayout normalised(Umap.Graph g, int n) {
        int edges = g.head().length;
        double[] degree = new double[n];
        int[] start = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            degree[g.head()[e]] += g.weight()[e];
            start[g.head()[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = java.util.Arrays.copyOf(start, n);
        int[] column = new int[edges];
        double[] value = new double[edges];
        for (int e = 0; e < edges; e++) {
            int i = g.head()[e];
            int j = g.tail()[e];
            int p = fill[i]++;
            column[p] = j;
            value[p] = g.weight()[e] / Math.sqrt(degree[i] * degree[j]);
        }
        double[] trivial = new double[n];
        for (int i = 0; i < n; i++) {
            trivial[i] = Math.sqrt(degree[i]);
        }
        scale(trivial, 1 / norm(trivial));
        return new SpectralLayout(n, start, column, value, trivial);
    }

    /** out = (v + M v) / 2. */
    private void apply(double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                s += value[p] * v[column[p]];
            }
            out[i] = 0.5 * (v[i] + s);
        }
    }

    private Eigen solve(int count, long seed) {
        int m = Math.min(BASIS, n - 1);
        int keep = Math.min(KEEP, m / 2);
        if (count >= keep) {
            throw new IllegalArgumentException("at most " + (keep - 1) + " eigenvectors, not " + count);
        }
        double[][] basis = new double[m][];
        double[][] h = new double[m][m];
        SplittableRandom random = new SplittableRandom(seed);
        double[] v0 = new double[n];
        for (int i = 0; i < n; i++) {
            v0[i] = random.nextGaussian();
        }
        deflate(v0);
        scale(v0, 1 / norm(v0));
        basis[0] = v0;
        int filled = 0; // columns of h already computed
        int products = 0;
        for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
            double[] w = new double[n];
            for (int j = filled; j < m; j++) {
                apply(basis[j], w);
                products++;
                deflate(w);
                // Two passes of Gram-Schmidt against the whole basis (full re-orthogonalisation);
                // the coefficients are column j of the projected matrix.
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i <= j; i++) {
                        double c = dot(basis[i], w);
                        h[i][j] += c;
                        axpy(-c, basis[i], w);
                    }
                }
                for (int i = 0; i < j; i++) {
                    h[j][i] = h[i][j];
                }
                if (j + 1 < m) {
                    double beta = norm(w);
                    if (beta < 1e-12) {
                        return null; // an invariant subspace this small means a degenerate graph
                    }
                    basis[j + 1] = w.clone();
                    scale(basis[j + 1], 1 / beta);
                }
            }
            double residual = norm(w); // what the last product left outside the basis
            double[][] s = new double[m][m];
            double[][] copy = new double[m][];
            for (int i = 0; i < m; i++) {
                copy[i] = h[i].clone();
            }
            double[] theta = Jacobi.eigen(copy, s);
            boolean converged = true;
            for (int c = 0; c < count; c++) {
                converged &= residual * Math.abs(s[m - 1][c]) < TOLERANCE;
            }
            double[][] ritz = new double[keep][];
            for (int c = 0; c < keep; c++) {
                double[] r = new double[n];
                for (int i = 0; i < m; i++) {
                    axpy(s[i][c], basis[i], r);
                }
                ritz[c] = r;
            }
            if (converged) {
                double[] values = new double[count];
                double[][] vectors = new double[count][];
                for (int c = 0; c < count; c++) {
                    values[c] = 2 - 2 * theta[c]; // back from A = (I + M) / 2 to L = I - M
                    vectors[c] = ritz[c];
                }
                return new Eigen(values, vectors, products);
            }
            // Thick restart: keep the best Ritz vectors, continue from the residual direction.
            for (double[] row : h) {
                java.util.Arrays.fill(row, 0);
            }
            for (int c = 0; c < keep; c++) {
                basis[c] = ritz[c];
                h[c][c] = theta[c];
            }
            scale(w, 1 / residual);
            basis[keep] = w;
            filled = keep;
        }
        return null;
    }

    private void deflate(double[] w) {
        axpy(-dot(trivial, w), trivial, w);
    }

    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        if (i < a.length) {
            s0 += a[i] * b[i];
        }
        return s0 + s1;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }
}
