package org.latentledger.data;

/** The height, width and channels of an image input (channels-first order, as DL4J expects). */
public record ImageShape(int height, int width, int channels) {

    public ImageShape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive: " + height + "x" + width + "x" + channels);
        }
    }

    public int size() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + (channels == 1 ? "" : "x" + channels);
    }
}
