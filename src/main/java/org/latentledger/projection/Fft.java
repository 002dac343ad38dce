package org.latentledger.projection;

/**
 * An in-place radix-2 complex FFT (stages fused in pairs) of one power-of-two length, on split real and imaginary arrays
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
        int half = 1;
        if (Integer.numberOfTrailingZeros(n) % 2 == 1) {
            // An odd number of stages: one radix-2 stage (twiddle 1) first, the rest in pairs.
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
            half = 2;
        }
        // Two radix-2 stages (spans h and 2h) per pass over the data: half the loads and stores, and
        // the second stage's odd twiddle is the first's times -i (+i inverse), which costs nothing.
        for (; half < n; half <<= 2) {
            int h = half;
            int step1 = n / (2 * h);
            int step2 = n / (4 * h);
            for (int start = off; start < off + n; start += 4 * h) {
                for (int k = 0; k < h; k++) {
                    double w1r = cos[k * step1];
                    double w1i = sign * sin[k * step1];
                    double w2r = cos[k * step2];
                    double w2i = sign * sin[k * step2];
                    int i0 = start + k;
                    int i1 = i0 + h;
                    int i2 = i1 + h;
                    int i3 = i2 + h;
                    double t1r = re[i1] * w1r - im[i1] * w1i;
                    double t1i = re[i1] * w1i + im[i1] * w1r;
                    double t3r = re[i3] * w1r - im[i3] * w1i;
                    double t3i = re[i3] * w1i + im[i3] * w1r;
                    double b0r = re[i0] + t1r;
                    double b0i = im[i0] + t1i;
                    double b1r = re[i0] - t1r;
                    double b1i = im[i0] - t1i;
                    double b2r = re[i2] + t3r;
                    double b2i = im[i2] + t3i;
                    double b3r = re[i2] - t3r;
                    double b3i = im[i2] - t3i;
                    double ur = b2r * w2r - b2i * w2i;
                    double ui = b2r * w2i + b2i * w2r;
                    // v = w2 * b3 * (-i sign): (a + ib)(-i s) = s b - i s a
                    double cr = b3r * w2r - b3i * w2i;
                    double ci = b3r * w2i + b3i * w2r;
                    double vr = sign * ci;
                    double vi = -sign * cr;
                    re[i0] = b0r + ur;
                    im[i0] = b0i + ui;
                    re[i2] = b0r - ur;
                    im[i2] = b0i - ui;
                    re[i1] = b1r + vr;
                    im[i1] = b1i + vi;
                    re[i3] = b1r - vr;
                    im[i3] = b1i - vi;
                }
            }
        }
    }
}
