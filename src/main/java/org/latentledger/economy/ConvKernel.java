package org.latentledger.economy;

import org.latentledger.model.ConvGeometry;

/**
 * A plain 2D convolution (channels first, one group) and 2D max pooling in plain Java, one input
 * at a time. Each live input adds its value times one row of output-channel weights to every
 * output position its kernel offsets reach, so zeros cost nothing; the additions into each output
 * happen in one fixed order (input channel, row, column), whatever else runs beside it. That is
 * why the frontier runs the convolutions here rather than through DL4J: DL4J's batched GEMM
 * rounds a row differently from its batch-1 pass (up to 2e-6 on fashion-cnn), so its answers
 * would depend on the batch a query came in.
 */
final class ConvKernel {

    private ConvKernel() {
    }

    /**
     * The pre-activation, channels first: bias plus, for each non-zero input, its value times
     * the weights its position meets. {@code w[(c * kH + i) * kW + j]} holds the weights of input
     * channel c at kernel offset (i, j), one per output channel. Exact zeros are skipped: with
     * finite weights they add nothing.
     */
    static float[] convolve(ConvGeometry g, float[][] w, float[] b, float[] x) {
        int h = g.inHeight();
        int wd = g.inWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        float[][] acc = new float[oh * ow][]; // one row of output channels per position: C2 vectorises the adds
        for (int p = 0; p < acc.length; p++) {
            acc[p] = b.clone();
        }
        for (int c = 0; c < g.inChannels(); c++) {
            for (int ih = 0; ih < h; ih++) {
                for (int iw = 0; iw < wd; iw++) {
                    float v = x[(c * h + ih) * wd + iw];
                    if (v == 0f) {
                        continue;
                    }
                    for (int i = 0; i < kh; i++) {
                        int th = ih + g.padTop() - i * g.dilationH(); // = output row x stride
                        if (th < 0 || th % g.strideH() != 0 || th / g.strideH() >= oh) {
                            continue;
                        }
                        int row = th / g.strideH() * ow;
                        for (int j = 0; j < kw; j++) {
                            int tw = iw + g.padLeft() - j * g.dilationW();
                            if (tw < 0 || tw % g.strideW() != 0 || tw / g.strideW() >= ow) {
                                continue;
                            }
                            DenseKernel.axpy(v, w[(c * kh + i) * kw + j], acc[row + tw / g.strideW()]);
                        }
                    }
                }
            }
        }
        int cOut = g.outChannels();
        int plane = oh * ow;
        float[] z = new float[cOut * plane];
        for (int p = 0; p < plane; p++) {
            float[] a = acc[p];
            for (int o = 0; o < cOut; o++) {
                z[o * plane + p] = a[o];
            }
        }
        return z;
    }

    /**
     * Max pooling, channels first: each output the largest input in its window (padding never
     * wins). A maximum does not depend on the order it is taken in, so this is DL4J's pooling exactly.
     */
    static float[] maxPool(ConvGeometry g, float[] x) {
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
                        for (int j = 0; j < g.kernelW(); j++) {
                            int iw = q * g.strideW() - g.padLeft() + j * g.dilationW();
                            if (iw >= 0 && iw < wd) {
                                float v = x[(c * h + ih) * wd + iw];
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
