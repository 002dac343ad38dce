package org.latentledger.model;

import java.util.Locale;

/**
 * What one input of a network looks like: a vector of {@code size} values, or an image of
 * height x width x channels whose values are given flattened in the network's own order
 * (channels first, or channels last for Keras models).
 *
 * @param size         values per input
 * @param height       image height, 0 for a plain vector
 * @param width        image width, 0 for a plain vector
 * @param channels     image channels, 0 for a plain vector
 * @param channelsLast true when the network takes NHWC images (Keras' channels_last)
 * @param flat         true when the network takes the image as a flat row (DL4J's convolutionalFlat)
 */
public record InputSpec(long size, int height, int width, int channels, boolean channelsLast, boolean flat) {

    public static InputSpec vector(long size) {
        return new InputSpec(size, 0, 0, 0, false, true);
    }

    public static InputSpec image(int height, int width, int channels, boolean channelsLast, boolean flat) {
        return new InputSpec((long) height * width * channels, height, width, channels, channelsLast, flat);
    }

    public boolean isImage() {
        return height > 0;
    }

    /** "64 values" or "28x28x1 image (channels first)". */
    public String describe() {
        if (!isImage()) {
            return size + " values";
        }
        return String.format(Locale.ROOT, "%dx%dx%d image (%d values, channels %s)", height, width, channels, size,
                channelsLast ? "last" : "first");
    }

    /** The array shape one batch of {@code n} inputs must have. */
    public long[] batchShape(long n) {
        if (!isImage() || flat) {
            return new long[] {n, size};
        }
        return channelsLast ? new long[] {n, height, width, channels} : new long[] {n, channels, height, width};
    }
}
