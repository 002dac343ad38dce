package org.latentledger.economy;

/**
 * z = b + sum_i a_i W_i over the rows of W (row i = the weights leaving input i), in plain Java.
 * Rows are separate {@code float[]}s so C2 vectorises the inner loop (over one flat array it
 * cannot rule out aliasing and does not). The sparse form visits only the live rows: the work
 * and the weights read both scale with the number of non-zero inputs.
 */
public final class DenseKernel {

    private DenseKernel() {
    }

    /** Every row, zeros included: the dense baseline. */
    public static void all(float[][] w, float[] bias, float[] a, float[] z) {
        System.arraycopy(bias, 0, z, 0, z.length);
        int[] rows = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            rows[i] = i;
        }
        blocked(w, a, rows, a.length, z);
    }

    /** Only the rows of non-zero inputs; returns how many. */
    public static int live(float[][] w, float[] bias, float[] a, float[] z) {
        System.arraycopy(bias, 0, z, 0, z.length);
        int[] rows = new int[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0f) {
                rows[n++] = i;
            }
        }
        blocked(w, a, rows, n, z);
        return n;
    }

    /**
     * z += sum over the listed rows of a_i W_i, four rows at a time: one pass over z per four
     * rows, and four independent streams from memory for the hardware to overlap.
     */
    public static void blocked(float[][] w, float[] a, int[] rows, int count, float[] z) {
        int m = 0;
        int len = z.length;
        for (; m + 3 < count; m += 4) {
            float a0 = a[rows[m]];
            float a1 = a[rows[m + 1]];
            float a2 = a[rows[m + 2]];
            float a3 = a[rows[m + 3]];
            float[] r0 = w[rows[m]];
            float[] r1 = w[rows[m + 1]];
            float[] r2 = w[rows[m + 2]];
            float[] r3 = w[rows[m + 3]];
            for (int j = 0; j < len; j++) {
                z[j] += a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
            }
        }
        for (; m < count; m++) {
            axpy(a[rows[m]], w[rows[m]], z);
        }
    }

    /**
     * Only the chosen output columns, over the live rows (LatentRouted's exact part); returns the
     * multiplies done: the non-zero weights met (a pruned weight is skipped, not multiplied).
     */
    public static long columns(float[][] w, float[] bias, float[] a, int[] cols, float[] z) {
        java.util.Arrays.fill(z, 0f);
        for (int c : cols) {
            z[c] = bias[c];
        }
        long done = 0;
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != 0f) {
                float[] row = w[i];
                for (int c : cols) {
                    float x = row[c];
                    if (x != 0f) {
                        z[c] += v * x;
                        done++;
                    }
                }
            }
        }
        return done;
    }

    public static void axpy(float a, float[] row, float[] z) {
        for (int j = 0; j < z.length; j++) {
            z[j] += a * row[j];
        }
    }
}
