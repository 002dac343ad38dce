package org.latentledger.economy;

import org.latentledger.model.ConvGeometry;

/**
 * A plain 2D convolution (channels first, one group) and 2D max pooling in plain Java, one input
 * at a time, each output's additions in one fixed order whatever else runs beside it. That is
 * why the frontier runs the convolutions here rather than through DL4J: DL4J's batched GEMM
 * rounds a row differently from its batch-1 pass (up to 2e-6 on fashion-cnn), so its answers
 * would depend on the batch a query came in.
 */
final class ConvKernel {

    private ConvKernel() {
    }

    /** A convolution's pre-activation (channels first) and the work it took, counted as {@link ConvCount} counts it. */
    record Result(float[] z, ConvCount.Work work) {
    }

    /**
     * The pre-activation, channels first, by im2col one kernel tap at a time: for each (input
     * channel, kernel row, kernel column) the inputs it meets at every output position (padding
     * as zeros), then each output channel's plane += weight x that column, four live taps at a
     * time, in loops as long as the plane that C2 vectorises. A tap that meets only zeros is
     * skipped. Each output adds its bias and then its taps in one fixed order, whatever runs
     * beside it. The work is counted in the same pass: a non-zero met by a tap is C_out
     * multiplies, a tap that meets one reads C_out weights. {@code w[(c * kH + i) * kW + j]}
     * holds tap (c, i, j)'s weight for each output channel.
     */
    static Result convolve(ConvGeometry g, float[][] w, float[] b, float[] x) {
        int h = g.inHeight();
        int wd = g.inWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int cOut = g.outChannels();
        int plane = oh * ow;
        float[][] z = new float[cOut][plane]; // one array per channel: C2 vectorises only where it sees no aliasing
        for (int o = 0; o < cOut; o++) {
            java.util.Arrays.fill(z[o], b[o]);
        }
        float[][] cols = new float[4][plane]; // up to four live taps, added together: one pass over each output plane per four
        float[][] taps = new float[4][];
        int held = 0;
        long macs = 0;
        long read = 0;
        boolean unit = g.strideH() == 1 && g.strideW() == 1 && g.dilationH() == 1 && g.dilationW() == 1;
        int[] live = unit ? new int[(h + 1) * (wd + 1)] : null; // a channel's non-zeros above and left of each point
        for (int c = 0; c < g.inChannels(); c++) {
            if (unit) {
                liveCounts(x, c, h, wd, live);
            }
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    float[] col = cols[held];
                    int met = unit ? gatherUnit(g, x, c, i, j, live, col) : gather(g, x, c, i, j, col);
                    if (met == 0) {
                        continue;
                    }
                    macs += (long) met * cOut;
                    read += cOut;
                    taps[held++] = w[(c * g.kernelH() + i) * g.kernelW() + j];
                    if (held == 4) {
                        for (int o = 0; o < cOut; o++) {
                            add4(taps[0][o], taps[1][o], taps[2][o], taps[3][o], cols, z[o]);
                        }
                        held = 0;
                    }
                }
            }
        }
        for (int t = 0; t < held; t++) {
            for (int o = 0; o < cOut; o++) {
                DenseKernel.axpy(taps[t][o], cols[t], z[o]);
            }
        }
        float[] flat = new float[cOut * plane];
        for (int o = 0; o < cOut; o++) {
            System.arraycopy(z[o], 0, flat, o * plane, plane);
        }
        return new Result(flat, new ConvCount.Work(macs, read));
    }

    /** z += a0 c0 + a1 c1 + a2 c2 + a3 c3, one pass over z. */
    private static void add4(float a0, float a1, float a2, float a3, float[][] cols, float[] z) {
        float[] c0 = cols[0];
        float[] c1 = cols[1];
        float[] c2 = cols[2];
        float[] c3 = cols[3];
        for (int p = 0; p < z.length; p++) {
            z[p] += a0 * c0[p] + a1 * c1[p] + a2 * c2[p] + a3 * c3[p];
        }
    }

    /** Tap (c, i, j)'s column: the input it meets at each output position, 0 in the padding; returns how many are not zero. */
    private static int gather(ConvGeometry g, float[] x, int c, int i, int j, float[] col) {
        int h = g.inHeight();
        int wd = g.inWidth();
        int ow = g.outWidth();
        int met = 0;
        for (int r = 0; r < g.outHeight(); r++) {
            int ih = r * g.strideH() - g.padTop() + i * g.dilationH();
            for (int q = 0; q < ow; q++) {
                int iw = q * g.strideW() - g.padLeft() + j * g.dilationW();
                float v = ih < 0 || ih >= h || iw < 0 || iw >= wd ? 0f : x[(c * h + ih) * wd + iw];
                col[r * ow + q] = v;
                met += v != 0f ? 1 : 0;
            }
        }
        return met;
    }

    /**
     * The same for stride and dilation 1, where a tap meets one rectangle of its channel: its
     * non-zeros come from the counts (no scan), and only a tap that meets one is copied, row by row.
     */
    private static int gatherUnit(ConvGeometry g, float[] x, int c, int i, int j, int[] live, float[] col) {
        int h = g.inHeight();
        int wd = g.inWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int top = i - g.padTop(); // input row at output row 0
        int left = j - g.padLeft();
        int r0 = Math.max(0, top);
        int r1 = Math.min(h, top + oh);
        int c0 = Math.max(0, left);
        int c1 = Math.min(wd, left + ow);
        if (r1 <= r0 || c1 <= c0) {
            return 0;
        }
        int stride = wd + 1;
        int met = live[r1 * stride + c1] - live[r0 * stride + c1] - live[r1 * stride + c0] + live[r0 * stride + c0];
        if (met == 0) {
            return 0;
        }
        if (r1 - r0 < oh || c1 - c0 < ow) {
            java.util.Arrays.fill(col, 0f); // the tap reaches the padding
        }
        for (int ih = r0; ih < r1; ih++) {
            System.arraycopy(x, (c * h + ih) * wd + c0, col, (ih - top) * ow + c0 - left, c1 - c0);
        }
        return met;
    }

    /** {@code live[(r * (w + 1)) + q]}: the non-zeros of channel c in rows below r and columns below q (a summed-area table). */
    private static void liveCounts(float[] x, int c, int h, int wd, int[] live) {
        int stride = wd + 1;
        for (int r = 0; r < h; r++) {
            int row = 0;
            int base = (c * h + r) * wd;
            for (int q = 0; q < wd; q++) {
                row += x[base + q] != 0f ? 1 : 0;
                live[(r + 1) * stride + q + 1] = live[r * stride + q + 1] + row;
            }
        }
    }

    /**
     * Max pooling, channels first: each output the largest input in its window (padding never
     * wins, NaN is passed over). A maximum does not depend on the order it is taken in, so this is
     * DL4J's pooling exactly, but for a window whose largest value is a zero of both signs (+0 wins
     * here, the first one there): the same number.
     */
    static float[] maxPool(ConvGeometry g, float[] x) {
        int h = g.inHeight();
        int wd = g.inWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        if (g.padTop() != 0 || g.padLeft() != 0 || (oh - 1) * g.strideH() + (kh - 1) * g.dilationH() >= h
                || (ow - 1) * g.strideW() + (kw - 1) * g.dilationW() >= wd) {
            return maxPoolPadded(g, x); // a window reaches the padding: bounds to test
        }
        // Compared as ordered integers, whose maximum needs no branch: which input of a window is the
        // largest is a coin toss the branch predictor loses about half the time (a third of the pass's time went there).
        float[] out = new float[g.outChannels() * oh * ow];
        int sh = g.strideH();
        int sw = g.strideW();
        int dh = g.dilationH() * wd;
        int dw = g.dilationW();
        boolean two = kh == 2 && kw == 2;
        int o = 0;
        for (int c = 0; c < g.outChannels(); c++) {
            for (int r = 0; r < oh; r++) {
                int row = (c * h + r * sh) * wd;
                for (int q = 0; q < ow; q++) {
                    int corner = row + q * sw;
                    if (two) { // the common 2 x 2 window, unrolled
                        int top = Math.max(key(x[corner]), key(x[corner + dw]));
                        int bottom = Math.max(key(x[corner + dh]), key(x[corner + dh + dw]));
                        out[o++] = fromKey(Math.max(NEGATIVE_INFINITY_KEY, Math.max(top, bottom))); // -inf where all four are NaN
                        continue;
                    }
                    int best = NEGATIVE_INFINITY_KEY;
                    for (int i = 0; i < kh; i++) {
                        int at = corner + i * dh;
                        for (int j = 0; j < kw; j++) {
                            best = Math.max(best, key(x[at + j * dw]));
                        }
                    }
                    out[o++] = fromKey(best);
                }
            }
        }
        return out;
    }

    private static final int NEGATIVE_INFINITY_KEY = key(Float.NEGATIVE_INFINITY);

    /** An int that orders as the float does (-0 just below +0), NaN below everything (never the maximum). */
    private static int key(float v) {
        int b = Float.floatToRawIntBits(v);
        int k = b ^ ((b >> 31) & 0x7fffffff);
        return k > 0x7f800000 ? Integer.MIN_VALUE : k; // past +inf: a NaN
    }

    private static float fromKey(int k) {
        return Float.intBitsToFloat(k ^ ((k >> 31) & 0x7fffffff));
    }

    /** The same by comparing, every input's bounds tested: any geometry (where windows reach the padding). */
    static float[] maxPoolPadded(ConvGeometry g, float[] x) {
        int h = g.inHeight();
        int wd = g.inWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        float[] out = new float[g.outChannels() * oh * ow];
        for (int c = 0; c < g.outChannels(); c++) {
            for (int r = 0; r < oh; r++) {
                for (int q = 0; q < ow; q++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < g.kernelH(); i++) {
                        int ih = r * g.strideH() - g.padTop() + i * g.dilationH();
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int base = (c * h + ih) * wd;
                        for (int j = 0; j < g.kernelW(); j++) {
                            int iw = q * g.strideW() - g.padLeft() + j * g.dilationW();
                            if (iw >= 0 && iw < wd) {
                                float v = x[base + iw];
                                if (v > m) {
                                    m = v;
                                }
                            }
                        }
                    }
                    out[(c * oh + r) * ow + q] = m;
                }
            }
        }
        return out;
    }
}
