package org.latentledger.projection;

/**
 * An in-place radix-2 complex FFT of one power-of-two length, on split real and imaginary arrays
 * (iterative Cooley-Tukey, decimation in time, twiddles and bit reversal computed once). Written
 * for the t-SNE repulsion grid ({@link GridConvolution}), where thousands of transforms of one
 * length run every iteration, so the tables are shared and nothing is allocated per call.
 */
final class Fft {

    private final int length;
    private final int[] reversed;
    private final double[] cos;
    private final double[] sin;

    Fft(int length) {
        if (length < 2 || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two >= 2, not " + length);
        }
        this.length = length;
        int bits = Integer.numberOfTrailingZeros(length);
        reversed = new int[length];
        for (int i = 0; i < length; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[length / 2];
        sin = new double[length / 2];
        for (int k = 0; k < length / 2; k++) {
            // Exact angles per entry rather than a recurrence: the tables stay accurate at any length.
            double a = -2 * Math.PI * k / length;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
    }

    int length() {
        return length;
    }

    /** X[f] = sum_t x[t] exp(-2 pi i f t / L), in place on {@code re[off..off+L)} and {@code im[off..off+L)}. */
    void forward(double[] re, double[] im, int off) {
        transform(re, im, off, 1);
    }

    /** The unnormalised inverse: x[t] = sum_f X[f] exp(+2 pi i f t / L) (divide by L yourself). */
    void inverse(double[] re, double[] im, int off) {
        transform(re, im, off, -1);
    }

    private void transform(double[] re, double[] im, int off, int sign) {
        int n = length;
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[off + i];
                re[off + i] = re[off + j];
                re[off + j] = t;
                t = im[off + i];
                im[off + i] = im[off + j];
                im[off + j] = t;
            }
        }
        // The first stage has only the twiddle 1.
        for (int i = off; i < off + n; i += 2) {
            double ar = re[i];
            double ai = im[i];
            double br = re[i + 1];
            double bi = im[i + 1];
            re[i] = ar + br;
            im[i] = ai + bi;
            re[i + 1] = ar - br;
            im[i + 1] = ai - bi;
        }
        for (int half = 2; half < n; half <<= 1) {
            int step = n / (2 * half);
            for (int start = off; start < off + n; start += 2 * half) {
                for (int k = 0, t = 0; k < half; k++, t += step) {
                    double wr = cos[t];
                    double wi = sign * sin[t];
                    int a = start + k;
                    int b = a + half;
                    double br = re[b] * wr - im[b] * wi;
                    double bi = re[b] * wi + im[b] * wr;
                    double ar = re[a];
                    double ai = im[a];
                    re[a] = ar + br;
                    im[a] = ai + bi;
                    re[b] = ar - br;
                    im[b] = ai - bi;
                }
            }
        }
    }
}
