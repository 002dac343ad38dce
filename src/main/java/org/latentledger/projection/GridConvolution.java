package org.latentledger.projection;

import java.util.stream.IntStream;

/**
 * Discrete convolution of charges on an m x m grid of equispaced nodes with the t-SNE kernels, by
 * FFT: three charge grids (ones, xs, ys) come back convolved with the squared Cauchy kernel
 * {@code 1 / (1 + r^2)^2}, and the call returns the energy of the first grid under the Cauchy
 * kernel itself, {@code E = sum_u sum_v ones(u) ones(v) / (1 + |u - v|^2)} (distances are node
 * offsets times the spacing). The Toeplitz sums become circular ones on an L x L grid (L a power of
 * two >= 2m - 1, the kernels embedded with their mirror images), so the cost is O(L^2 log L)
 * instead of O(m^4).
 *
 * <p>Inputs are real. xs and ys travel as the real and imaginary parts of one complex grid; the
 * kernels' spectra are real (the kernels are even), so one product convolves both. The ones grid
 * is transformed as real data: two rows per complex transform, unpacked to the half spectrum
 * (columns 0..L/2, the rest being conjugate), its columns transformed there, and two rows per
 * complex transform on the way back. E needs no transform back: by Parseval it is the sum over the
 * spectrum of |ONES|^2 times the Cauchy kernel's spectrum. Only the m rows that hold nodes are
 * transformed along rows; each column is transformed, multiplied and transformed back in one pass
 * while it is in a small buffer.
 */
final class GridConvolution {

    /** Columns per task: a cache line of each row read at once when gathering columns. */
    private static final int COLUMNS = 8;

    private final int m;
    private final int size;
    /** Columns of a half spectrum, 0..L/2. */
    private final int half;
    private final Fft fft;
    /** The squared Cauchy kernel's spectrum over L^2, column by column ({@code [c * L + f]}, all L columns). */
    private final double[] spectrum;
    /** The Cauchy kernel's spectrum over L^2, columns 0..L/2, laid out as {@link #spectrum}. */
    private final double[] energySpectrum;
    /** The ones grid's half spectrum between the passes: m rows of {@link #half} values. */
    private final double[] halfRe;
    private final double[] halfIm;
    /** Each half-spectrum column's share of the energy, summed in column order. */
    private final double[] energyByColumn;

    GridConvolution(int nodes, int size) {
        if (size < 2 * nodes - 1) {
            throw new IllegalArgumentException("an FFT of " + size + " cannot hold the convolution of " + nodes + " nodes");
        }
        this.m = nodes;
        this.size = size;
        this.half = size / 2 + 1;
        this.fft = new Fft(size);
        this.spectrum = new double[size * size];
        this.energySpectrum = new double[half * size];
        this.halfRe = new double[nodes * half];
        this.halfIm = new double[nodes * half];
        this.energyByColumn = new double[half];
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

    /** Sets the kernels for nodes {@code spacing} apart. */
    void setKernel(double spacing) {
        evenSpectrum(d2 -> {
            double w = 1 / (1 + d2);
            return w * w;
        }, spacing, spectrum, true);
        evenSpectrum(d2 -> 1 / (1 + d2), spacing, energySpectrum, false);
    }

    /** The spectrum over L^2 of a radial kernel, into {@code out} ({@code [c * L + f]}), columns 0..L/2 and, if {@code all}, the rest. */
    private void evenSpectrum(java.util.function.DoubleUnaryOperator kernelOfSquaredDistance, double spacing, double[] out,
                              boolean all) {
        int l = size;
        double[] offsets = new double[m];
        for (int d = 0; d < m; d++) {
            offsets[d] = d * spacing;
        }
        // Every row and column of the embedded kernel is real and even, so its transform is real and
        // even: two rows (then two columns) share one complex transform, one as the real and one as
        // the imaginary part, and only rows below m and columns up to L / 2 need transforming.
        double[] rows = new double[m * half];
        IntStream.range(0, (m + 1) / 2).parallel().forEach(pair -> {
            int u1 = 2 * pair;
            int u2 = u1 + 1;
            double[] re = new double[l];
            double[] im = new double[l];
            for (int v = 0; v < m; v++) {
                re[v] = kernelOfSquaredDistance.applyAsDouble(offsets[u1] * offsets[u1] + offsets[v] * offsets[v]);
                if (u2 < m) {
                    im[v] = kernelOfSquaredDistance.applyAsDouble(offsets[u2] * offsets[u2] + offsets[v] * offsets[v]);
                }
                if (v > 0) {
                    re[l - v] = re[v];
                    im[l - v] = im[v];
                }
            }
            fft.forward(re, im, 0);
            System.arraycopy(re, 0, rows, u1 * half, half);
            if (u2 < m) {
                System.arraycopy(im, 0, rows, u2 * half, half);
            }
        });
        double scale = 1.0 / ((double) l * l);
        int mid = l / 2;
        IntStream.range(0, (half + 1) / 2).parallel().forEach(pair -> {
            int c1 = 2 * pair;
            int c2 = c1 + 1;
            double[] re = new double[l];
            double[] im = new double[l];
            // Column c of the row transforms, rows above L - m mirroring rows below m, the gap zero.
            for (int r = 0; r < m; r++) {
                re[r] = rows[r * half + c1];
                im[r] = c2 <= mid ? rows[r * half + c2] : 0;
                if (r > 0) {
                    re[l - r] = re[r];
                    im[l - r] = im[r];
                }
            }
            fft.forward(re, im, 0);
            // Stored column by column, the order in which convolve() reads it; column L - c is column c.
            for (int f = 0; f < l; f++) {
                out[c1 * l + f] = re[f] * scale;
                if (all && c1 > 0 && c1 < mid) {
                    out[(l - c1) * l + f] = re[f] * scale;
                }
                if (c2 <= mid) {
                    out[c2 * l + f] = im[f] * scale;
                    if (all && c2 < mid) {
                        out[(l - c2) * l + f] = im[f] * scale;
                    }
                }
            }
        });
    }

    /**
     * Convolves three grids (from {@link #newGrid}) in place with the squared Cauchy kernel: they
     * hold values at nodes (row r, column c) at {@code r * L + c}, r, c below m, and come back as
     * their convolutions (the padding columns hold garbage). Returns the energy of {@code ones}
     * under the Cauchy kernel.
     */
    double convolve(double[] ones, double[] xs, double[] ys) {
        int l = size;
        for (int r = 0; r < m; r++) {
            // Padding must be zero going in; it held garbage from the last call.
            java.util.Arrays.fill(ones, r * l + m, r * l + l, 0);
            java.util.Arrays.fill(xs, r * l + m, r * l + l, 0);
            java.util.Arrays.fill(ys, r * l + m, r * l + l, 0);
        }
        int pairs = (m + 1) / 2;
        // Rows: xs + i ys one row per transform; the ones grid two rows per transform.
        IntStream.range(0, m + pairs).parallel().forEach(t -> {
            if (t < m) {
                fft.forward(xs, ys, t * l);
            } else {
                onesRowsForward(ones, t - m);
            }
        });
        int complexBlocks = l / COLUMNS;
        int halfBlocks = (half + COLUMNS - 1) / COLUMNS;
        IntStream.range(0, complexBlocks + halfBlocks).parallel().forEach(t -> {
            if (t < complexBlocks) {
                complexColumns(xs, ys, t * COLUMNS);
            } else {
                halfColumns((t - complexBlocks) * COLUMNS);
            }
        });
        IntStream.range(0, m + pairs).parallel().forEach(t -> {
            if (t < m) {
                fft.inverse(xs, ys, t * l);
            } else {
                onesRowsInverse(ones, t - m);
            }
        });
        double e = 0;
        for (int c = 0; c < half; c++) {
            e += energyByColumn[c];
        }
        return e;
    }

    /** Rows 2p and 2p + 1 of the ones grid as one complex transform Z = X + iY, unpacked: X[c] = (Z[c] + conj Z[L-c]) / 2, Y[c] = (Z[c] - conj Z[L-c]) / 2i. */
    private void onesRowsForward(double[] ones, int pair) {
        int l = size;
        int h = half;
        int r1 = 2 * pair;
        int r2 = r1 + 1;
        double[] re = new double[l];
        double[] im = new double[l];
        System.arraycopy(ones, r1 * l, re, 0, m);
        if (r2 < m) {
            System.arraycopy(ones, r2 * l, im, 0, m);
        }
        fft.forward(re, im, 0);
        for (int c = 0; c < h; c++) {
            int mc = (l - c) & (l - 1);
            halfRe[r1 * h + c] = 0.5 * (re[c] + re[mc]);
            halfIm[r1 * h + c] = 0.5 * (im[c] - im[mc]);
            if (r2 < m) {
                halfRe[r2 * h + c] = 0.5 * (im[c] + im[mc]);
                halfIm[r2 * h + c] = -0.5 * (re[c] - re[mc]);
            }
        }
    }

    /** Rows 2p and 2p + 1 of the ones grid back from their half spectra G1, G2: the inverse of G1 + i G2 (conjugates above L/2) is row 1 + i row 2. */
    private void onesRowsInverse(double[] ones, int pair) {
        int l = size;
        int h = half;
        int r1 = 2 * pair;
        int r2 = r1 + 1;
        boolean second = r2 < m;
        double[] re = new double[l];
        double[] im = new double[l];
        for (int c = 0; c < h; c++) {
            double ar = halfRe[r1 * h + c];
            double ai = halfIm[r1 * h + c];
            double br = second ? halfRe[r2 * h + c] : 0;
            double bi = second ? halfIm[r2 * h + c] : 0;
            re[c] = ar - bi;
            im[c] = ai + br;
            if (c > 0 && c < l / 2) {
                re[l - c] = ar + bi;
                im[l - c] = br - ai;
            }
        }
        fft.inverse(re, im, 0);
        System.arraycopy(re, 0, ones, r1 * l, m);
        if (second) {
            System.arraycopy(im, 0, ones, r2 * l, m);
        }
    }

    /** Columns c0 .. c0 + 7 of the complex grid xs + i ys: forward, times the spectrum, back. */
    private void complexColumns(double[] a, double[] b, int c0) {
        int l = size;
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
    }

    /** Columns c0 .. (at most) c0 + 7 of the ones grid's half spectrum: forward, the energy, times the spectrum, back. */
    private void halfColumns(int c0) {
        int l = size;
        int h = half;
        int count = Math.min(COLUMNS, h - c0);
        double[] re = new double[COLUMNS * l];
        double[] im = new double[COLUMNS * l];
        for (int r = 0; r < m; r++) {
            for (int k = 0; k < count; k++) {
                re[k * l + r] = halfRe[r * h + c0 + k];
                im[k * l + r] = halfIm[r * h + c0 + k];
            }
        }
        for (int k = 0; k < count; k++) {
            int c = c0 + k;
            int off = k * l;
            fft.forward(re, im, off);
            int s = c * l;
            double e = 0;
            for (int f = 0; f < l; f++) {
                double x = re[off + f];
                double y = im[off + f];
                e += (x * x + y * y) * energySpectrum[s + f];
                re[off + f] = x * spectrum[s + f];
                im[off + f] = y * spectrum[s + f];
            }
            // Columns 1 .. L/2 - 1 stand for their conjugate mirrors L - c too.
            energyByColumn[c] = c == 0 || c == l / 2 ? e : 2 * e;
            fft.inverse(re, im, off);
        }
        for (int r = 0; r < m; r++) {
            for (int k = 0; k < count; k++) {
                halfRe[r * h + c0 + k] = re[k * l + r];
                halfIm[r * h + c0 + k] = im[k * l + r];
            }
        }
    }
}
