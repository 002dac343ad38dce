package org.latentledger.projection;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Discrete convolution of values on an m x m grid of equispaced nodes with a radial kernel:
 * {@code out[u] = sum_v K(|u - v| * spacing) in[v]}, by FFT. The Toeplitz sums become circular
 * ones on an L x L grid (L a power of two >= 2m - 1, the kernel embedded with its mirror image),
 * so the cost is O(L^2 log L) instead of O(m^4).
 *
 * <p>Inputs are real, so two grids travel as the real and imaginary parts of one complex grid,
 * and the kernel's spectrum is real (the kernel is even), so one product convolves both. Only the
 * m rows that hold values are transformed along rows; each column is transformed, multiplied and
 * transformed back in one pass while it is in a small buffer.
 */
final class GridConvolution {

    /** Columns per task: a cache line of each row read at once when gathering columns. */
    private static final int COLUMNS = 8;

    private final int m;
    private final int size;
    private final Fft fft;
    /** The kernel's spectrum, divided by L^2 (the inverse transform's normalisation). */
    private final double[] spectrum;
    /** The kernel's rows below m after the row transforms (work space of setKernel). */
    private final double[] kernelRows;

    GridConvolution(int nodes, int size) {
        if (size < 2 * nodes - 1) {
            throw new IllegalArgumentException("an FFT of " + size + " cannot hold the convolution of " + nodes + " nodes");
        }
        this.m = nodes;
        this.size = size;
        this.fft = new Fft(size);
        this.spectrum = new double[size * size];
        this.kernelRows = new double[nodes * size];
    }

    int nodes() {
        return m;
    }

    int size() {
        return size;
    }

    /** A grid buffer of m rows of L values (values in the first m columns; the rest is padding). */
    double[] newGrid() {
        return new double[m * size];
    }

    /** Sets the kernel, as a function of the squared distance, for nodes {@code spacing} apart. */
    void setKernel(DoubleUnaryOperator kernelOfSquaredDistance, double spacing) {
        int l = size;
        double[] offsets = new double[m];
        for (int d = 0; d < m; d++) {
            offsets[d] = d * spacing;
        }
        // Every row and column of the embedded kernel is real and even, so its transform is real and
        // even: two rows (then two columns) share one complex transform, one as the real and one as
        // the imaginary part, and only rows below m and columns up to L / 2 need transforming.
        double[] rows = kernelRows;
        IntStream.range(0, (m + 1) / 2).parallel().forEach(pair -> {
            int u1 = 2 * pair;
            int u2 = u1 + 1;
            double[] bre = new double[l];
            double[] bim = new double[l];
            fillKernelRow(bre, offsets[u1], offsets, kernelOfSquaredDistance);
            if (u2 < m) {
                fillKernelRow(bim, offsets[u2], offsets, kernelOfSquaredDistance);
            }
            fft.forward(bre, bim, 0);
            System.arraycopy(bre, 0, rows, u1 * l, l);
            if (u2 < m) {
                System.arraycopy(bim, 0, rows, u2 * l, l);
            }
        });
        double scale = 1.0 / ((double) l * l);
        int half = l / 2;
        IntStream.range(0, half / 2 + 1).parallel().forEach(pair -> {
            int c1 = 2 * pair;
            int c2 = c1 + 1;
            double[] bre = new double[l];
            double[] bim = new double[l];
            // Column c of the row transforms, rows above L - m mirroring rows below m, the gap zero.
            for (int r = 0; r < m; r++) {
                bre[r] = rows[r * l + c1];
                bim[r] = c2 <= half ? rows[r * l + c2] : 0;
                if (r > 0) {
                    bre[l - r] = bre[r];
                    bim[l - r] = bim[r];
                }
            }
            fft.forward(bre, bim, 0);
            // Stored column by column, the order in which convolve() reads it; column L - c is column c.
            for (int r = 0; r < l; r++) {
                spectrum[c1 * l + r] = bre[r] * scale;
                if (c1 > 0 && c1 < half) {
                    spectrum[(l - c1) * l + r] = bre[r] * scale;
                }
                if (c2 <= half) {
                    spectrum[c2 * l + r] = bim[r] * scale;
                    if (c2 < half) {
                        spectrum[(l - c2) * l + r] = bim[r] * scale;
                    }
                }
            }
        });
    }

    private void fillKernelRow(double[] out, double du, double[] offsets, DoubleUnaryOperator kernel) {
        java.util.Arrays.fill(out, 0);
        for (int v = 0; v < m; v++) {
            double k = kernel.applyAsDouble(du * du + offsets[v] * offsets[v]);
            out[v] = k;
            if (v > 0) {
                out[size - v] = k;
            }
        }
    }

    /**
     * Convolves two grids at once, in place: {@code a} and {@code b} (from {@link #newGrid}) hold
     * values at nodes (row r, column c) at {@code r * L + c}, r, c below m; they come back as
     * their convolutions with the kernel (the padding columns hold garbage).
     */
    void convolve(double[] a, double[] b) {
        int l = size;
        for (int c = 0; c < m; c++) {
            // Padding must be zero going in; it held garbage from the last call.
            java.util.Arrays.fill(a, c * l + m, c * l + l, 0);
            java.util.Arrays.fill(b, c * l + m, c * l + l, 0);
        }
        IntStream.range(0, m).parallel().forEach(r -> fft.forward(a, b, r * l));
        IntStream.range(0, l / COLUMNS).parallel().forEach(block -> {
            int c0 = block * COLUMNS;
            double[] re = new double[COLUMNS * l];
            double[] im = new double[COLUMNS * l];
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < COLUMNS; k++) {
                    re[k * l + r] = a[r * l + c0 + k];
                    im[k * l + r] = b[r * l + c0 + k];
                }
            }
            for (int k = 0; k < COLUMNS; k++) {
                int off = k * l;
                fft.forward(re, im, off);
                int s = (c0 + k) * l;
                for (int f = 0; f < l; f++) {
                    re[off + f] *= spectrum[s + f];
                    im[off + f] *= spectrum[s + f];
                }
                fft.inverse(re, im, off);
            }
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < COLUMNS; k++) {
                    a[r * l + c0 + k] = re[k * l + r];
                    b[r * l + c0 + k] = im[k * l + r];
                }
            }
        });
        IntStream.range(0, m).parallel().forEach(r -> fft.inverse(a, b, r * l));
    }
}
