package org.latentledger.model;

/**
 * A 2D convolution's shape, enough to count its work exactly from its input's zeros: input
 * channels x height x width, output likewise, kernel, strides, the top and left padding (the
 * bottom and right follow from the sizes), dilations, groups, and the activation layout.
 */
public record ConvGeometry(int inChannels, int inHeight, int inWidth, int outChannels, int outHeight, int outWidth, int kernelH,
                           int kernelW, int strideH, int strideW, int padTop, int padLeft, int dilationH, int dilationW, int groups,
                           boolean channelsLast) {

    /** Multiply-accumulates of one dense pass: every output value meets C_in / groups x kH x kW weights. */
    public long denseMacs() {
        return (long) outChannels * outHeight * outWidth * (inChannels / groups) * kernelH * kernelW;
    }

    public long weights() {
        return (long) outChannels * (inChannels / groups) * kernelH * kernelW;
    }
}
