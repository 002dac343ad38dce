package org.latentledger.economy;

/**
 * z = b + sum_i a_i W_i over the rows of W (row i = the weights leaving input i), in plain Java.
 * Rows are separate {@code float[]}s so C2 vectorises the inner loop (over one flat array it
 * cannot rule out aliasing and does not). The sparse form visits only the live rows: the work
 * and the weights read both scale with the number of non-zero inputs.
 */
final class DenseKernel {

    private DenseKernel() {
    }

    /** Every row, zeros included: the dense baseline. */
    static void all(float[][] w, float[] bias, float[] a, float[] z) {
        System.arraycopy(bias, 0, z, 0, z.length);
        for (int i = 0; i < a.length; i++) {
            axpy(a[i], w[i], z);
        }
    }

    /** Only the rows of non-zero inputs; returns how many. */
    static int live(float[][] w, float[] bias, float[] a, float[] z) {
        System.arraycopy(bias, 0, z, 0, z.length);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != 0f) {
                axpy(v, w[i], z);
                n++;
            }
        }
        return n;
    }

    /** Only the chosen output columns, over the live rows (LatentRouted's exact part). */
    static void columns(float[][] w, float[] bias, float[] a, int[] cols, float[] z) {
        java.util.Arrays.fill(z, 0f);
        for (int c : cols) {
            z[c] = bias[c];
        }
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != 0f) {
                float[] row = w[i];
                for (int c : cols) {
                    z[c] += v * row[c];
                }
            }
        }
    }

    static void axpy(float a, float[] row, float[] z) {
        for (int j = 0; j < z.length; j++) {
            z[j] += a * row[j];
        }
    }
}
