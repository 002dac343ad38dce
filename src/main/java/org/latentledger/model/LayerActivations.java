package org.latentledger.model;

/**
 * One layer's activations over a data set: one row of float32 per point.
 *
 * <p>For convolutional layers {@code values} holds the full flattened map
 * and {@code channels} is the number of feature maps; {@link #perChannelMean()} gives the smaller
 * view the map uses by default. Immutable by contract (arrays are shared, never written).
 *
 * <p>The values are either given, or recorded later: an opening records at once only the layers
 * its first views need, and the others the first time one of them is read. The
 * layer, its size and width are known either way, so asking them never runs a pass; reading the
 * values of a layer recorded later may (about a second for fashion-cnn's 10,000 images), so it is
 * done off the JavaFX thread, as every mapping is.
 */
public final class LayerActivations {

    private final LayerInfo layer;
    private final int channels;
    private final boolean channelsLast;
    private final int size;
    private final int width;
    /** Records the values of a layer recorded later (one pass for all such layers of an opening); null when given. */
    private final java.util.function.Function<org.latentledger.work.Progress, float[][]> deferred;
    private volatile float[][] values;

    /**
     * @param layer        the layer's row in the layer table
     * @param values       points x units
     * @param channels     feature maps for a convolutional layer, 0 for a dense one
     * @param channelsLast true when a map is flattened as (row, column, channel), as Keras lays it out
     */
    public LayerActivations(LayerInfo layer, float[][] values, int channels, boolean channelsLast) {
        this(layer, values, null, values.length, values.length == 0 ? 0 : values[0].length, channels, channelsLast);
    }

    private LayerActivations(LayerInfo layer, float[][] values, java.util.function.Function<org.latentledger.work.Progress, float[][]> deferred, int size, int width, int channels, boolean channelsLast) {
        this.layer = layer;
        this.values = values;
        this.deferred = deferred;
        this.size = size;
        this.width = width;
        this.channels = channels;
        this.channelsLast = channelsLast;
    }

    /**
     * A layer of {@code size} points of {@code width} units whose values {@code deferred} records when
     * first read (the same array every time), reporting to the reader's progress and stopping when it
     * is cancelled (then nothing is kept, and the next read records it).
     */
    public static LayerActivations later(LayerInfo layer, int size, int width, int channels, boolean channelsLast,
                                         java.util.function.Function<org.latentledger.work.Progress, float[][]> deferred) {
        return new LayerActivations(layer, null, java.util.Objects.requireNonNull(deferred), size, width, channels, channelsLast);
    }

    public LayerInfo layer() {
        return layer;
    }

    /** Points x units; for a layer recorded later, recorded now if it has not been (a forward pass: not on the JavaFX thread). */
    public float[][] values() {
        return values(org.latentledger.work.Progress.NONE);
    }

    /**
     * As {@link #values()}, a pass that records the layer now reporting to {@code progress}; it throws
     * the progress's {@code CancelledException} when stopped.
     */
    public float[][] values(org.latentledger.work.Progress progress) {
        float[][] v = values;
        if (v == null) {
            v = deferred.apply(progress);
            values = v;
        }
        return v;
    }

    /** Whether the values are in memory (given, or recorded since): reading them runs no pass. */
    public boolean recorded() {
        return values != null;
    }

    public int channels() {
        return channels;
    }

    public boolean channelsLast() {
        return channelsLast;
    }

    public int size() {
        return size;
    }

    public int width() {
        return width;
    }

    public boolean isConvolutional() {
        return channels > 0;
    }

    /** The mean of each feature map per point; the identity for dense layers. */
    public float[][] perChannelMean() {
        return perChannelMean(org.latentledger.work.Progress.NONE);
    }

    /** As {@link #perChannelMean()}, a pass that records the layer now reporting to {@code progress}. */
    public float[][] perChannelMean(org.latentledger.work.Progress progress) {
        float[][] values = values(progress);
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
        for (float[] row : values()) {
            for (float v : row) {
                if (v == 0f) {
                    zeros++;
                }
            }
            all += row.length;
        }
        return all == 0 ? 0 : (double) zeros / all;
    }

    @Override
    public String toString() {
        return "LayerActivations[" + layer.name() + ", " + size + " x " + width + (recorded() ? "" : ", not yet recorded") + "]";
    }
}
