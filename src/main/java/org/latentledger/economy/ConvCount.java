package org.latentledger.economy;

import org.latentledger.model.ConvGeometry;

/**
 * The exact work of a convolution on one input, from the input's zeros: for each output position,
 * the non-zero inputs in its receptive field times the output channels of their group (padding is
 * zeros: never multiplied); weights read = the weights that meet at least one non-zero input.
 */
final class ConvCount {

    /** Multiply-accumulates done and weights read. */
    record Work(long macs, long weightsRead) {
    }

    private ConvCount() {
    }

    static Work of(ConvGeometry g, float[] x) {
        int cIn = g.inChannels();
        int h = g.inHeight();
        int w = g.inWidth();
        int perGroupOut = g.outChannels() / g.groups();
        int kh = g.kernelH();
        int kw = g.kernelW();
        boolean[] met = new boolean[cIn * kh * kw]; // (input channel, kernel offset) met a non-zero
        long macs = 0;
        for (int oh = 0; oh < g.outHeight(); oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) {
                for (int i = 0; i < kh; i++) {
                    int ih = oh * g.strideH() - g.padTop() + i * g.dilationH();
                    if (ih < 0 || ih >= h) {
                        continue;
                    }
                    for (int j = 0; j < kw; j++) {
                        int iw = ow * g.strideW() - g.padLeft() + j * g.dilationW();
                        if (iw < 0 || iw >= w) {
                            continue;
                        }
                        for (int c = 0; c < cIn; c++) {
                            float v = g.channelsLast() ? x[(ih * w + iw) * cIn + c] : x[(c * h + ih) * w + iw];
                            if (v != 0f) {
                                macs += perGroupOut;
                                met[(c * kh + i) * kw + j] = true;
                            }
                        }
                    }
                }
            }
        }
        long read = 0;
        for (boolean m : met) {
            read += m ? perGroupOut : 0;
        }
        return new Work(macs, read);
    }
}
