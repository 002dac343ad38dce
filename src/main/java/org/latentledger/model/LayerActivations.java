package org.latentledger.model;

/**
 * One layer's activations over a data set: one row of float32 per point.
 *
 * <p>For convolutional layers {@code values} holds the full flattened map
 * and {@code channels} is the number of feature maps; {@link #perChannelMean()} gives the smaller
 * view the map uses by default. Immutable by contract (arrays are shared, never written).
 *
 * @param layer    the layer's row in the layer table
 * @param values   points x units
 * @param channels     feature maps for a convolutional layer, 0 for a dense one
 * @param channelsLast true when a map is flattened as (row, column, channel), as Keras lays it out
 */
public record LayerActivations(LayerInfo layer, float[][] values, int channels, boolean channelsLast) {

    public int size() {
        return values.length;
    }

    public int width() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public boolean isConvolutional() {
        return channels > 0;
    }

    /** The mean of each feature map per point; the identity for dense layers. */
    public float[][] perChannelMean() {
        if (!isConvolutional()) {
            return values;
        }
        int per = width() / channels;
        float[][] out = new float[values.length][channels];
        for (int i = 0; i < values.length; i++) {
            float[] row = values[i];
            double[] sums = new double[channels];
            for (int k = 0; k < row.length; k++) {
                sums[channelsLast ? k % channels : k / per] += row[k];
            }
            for (int c = 0; c < channels; c++) {
                out[i][c] = (float) (sums[c] / per);
            }
        }
        return out;
    }

    /** The fraction of exactly-zero activations (ReLU's own zeros) over all points and units. */
    public double zeroFraction() {
        long zeros = 0;
        long all = 0;
        for (float[] row : values) {
            for (float v : row) {
                if (v == 0f) {
                    zeros++;
                }
            }
            all += row.length;
        }
        return all == 0 ? 0 : (double) zeros / all;
    }
}
