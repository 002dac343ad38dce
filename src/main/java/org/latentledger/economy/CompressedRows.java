package org.latentledger.economy;

/**
 * A pruned weight matrix in compressed row form: for each input row, the columns of its non-zero
 * weights and their values. The kernel over it visits only those weights, so a layer pruned to 5%
 * density does 5% of the multiplies and reads 5% of the weights of its live rows.
 */
final class CompressedRows {

    private final int[][] columns;
    private final float[][] values;
    private final int[] rowNonZeros;
    private final double density;

    private CompressedRows(int[][] columns, float[][] values, int[] rowNonZeros, double density) {
        this.columns = columns;
        this.values = values;
        this.rowNonZeros = rowNonZeros;
        this.density = density;
    }

    static CompressedRows of(float[][] w) {
        int[][] cols = new int[w.length][];
        float[][] vals = new float[w.length][];
        int[] nnz = new int[w.length];
        long all = 0;
        long kept = 0;
        for (int i = 0; i < w.length; i++) {
            int n = 0;
            for (float x : w[i]) {
                n += x != 0f ? 1 : 0;
            }
            cols[i] = new int[n];
            vals[i] = new float[n];
            for (int j = 0, k = 0; j < w[i].length; j++) {
                if (w[i][j] != 0f) {
                    cols[i][k] = j;
                    vals[i][k++] = w[i][j];
                }
            }
            nnz[i] = n;
            kept += n;
            all += w[i].length;
        }
        return new CompressedRows(cols, vals, nnz, all == 0 ? 1 : (double) kept / all);
    }

    /** The share of weights that are not zero. */
    double density() {
        return density;
    }

    /** Non-zero weights per input row. */
    int[] rowNonZeros() {
        return rowNonZeros;
    }

    /** z = b + sum over the live inputs i of a_i times row i's non-zero weights. */
    void live(float[] bias, float[] a, float[] z) {
        System.arraycopy(bias, 0, z, 0, z.length);
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != 0f) {
                int[] c = columns[i];
                float[] x = values[i];
                for (int k = 0; k < c.length; k++) {
                    z[c[k]] += v * x[k];
                }
            }
        }
    }
}
