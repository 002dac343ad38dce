package org.latentledger.economy;

/**
 * A pruned weight matrix in compressed row form (CSR): for each input row, the columns of its
 * non-zero weights and their values, all rows in one pair of flat arrays so that a pass streams
 * through memory. The kernel over it visits only those weights, so a layer pruned to 5% density
 * does 5% of the multiplies and reads 5% of the weights of its live rows.
 */
final class CompressedRows {

    private final int[] rowStart; // row i's weights are at [rowStart[i], rowStart[i + 1])
    private final int[] columns;
    private final float[] values;
    private final int[] rowNonZeros;
    private final double density;

    private CompressedRows(int[] rowStart, int[] columns, float[] values, int[] rowNonZeros, double density) {
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.rowNonZeros = rowNonZeros;
        this.density = density;
    }

    static CompressedRows of(float[][] w) {
        int[] start = new int[w.length + 1];
        int[] nnz = new int[w.length];
        long all = 0;
        for (int i = 0; i < w.length; i++) {
            int n = 0;
            for (float x : w[i]) {
                n += x != 0f ? 1 : 0;
            }
            nnz[i] = n;
            start[i + 1] = start[i] + n;
            all += w[i].length;
        }
        int[] cols = new int[start[w.length]];
        float[] vals = new float[start[w.length]];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0, k = start[i]; j < w[i].length; j++) {
                if (w[i][j] != 0f) {
                    cols[k] = j;
                    vals[k++] = w[i][j];
                }
            }
        }
        return new CompressedRows(start, cols, vals, nnz, all == 0 ? 1 : (double) start[w.length] / all);
    }

    /** The share of weights that are not zero. */
    double density() {
        return density;
    }

    /** Non-zero weights per input row. */
    int[] rowNonZeros() {
        return rowNonZeros;
    }

    /** What one pass of the kernel did: its multiplies (= weights read) and its live (non-zero) inputs. */
    record Work(long multiplies, int liveInputs) {
    }

    /**
     * z = b + sum over the live inputs i of a_i times row i's non-zero weights; the multiplies
     * done are the weights read: the non-zero weights of the live rows.
     */
    Work live(float[] bias, float[] a, float[] z) {
        System.arraycopy(bias, 0, z, 0, z.length);
        final int[] c = columns;
        final float[] x = values;
        long done = 0;
        int live = 0;
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != 0f) {
                int from = rowStart[i];
                int to = rowStart[i + 1];
                done += to - from;
                live++;
                for (int k = from; k < to; k++) {
                    z[c[k]] += v * x[k];
                }
            }
        }
        return new Work(done, live);
    }
}
