package org.latentledger.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentledger.work.Progress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a real batched forward pass of a network over a data set and keeps every layer's
 * activations (inference mode: dropout off), as float32.
 */
public final class ActivationRecorder {

    /** Activations of one batch kept under this size, so JNI overhead is amortised and memory stays flat. */
    static final long BATCH_BYTES = 64L << 20;
    static final int MAX_BATCH = 1024;

    private ActivationRecorder() {
    }

    /**
     * @param inputs one row per point, flattened in the network's input order
     * @return one entry per layer of the table, in order
     * @throws IllegalArgumentException when the rows do not fit the model's input
     * @throws IllegalStateException when the activations would not fit in memory (before starting)
     */
    public static List<LayerActivations> record(LoadedModel model, float[][] inputs, Progress progress) {
        Network net = model.network();
        List<LayerInfo> table = model.layers();
        checkWidth(model, inputs);
        int n = inputs.length;
        long unitsPerRow = table.stream().mapToLong(LayerInfo::units).sum();
        checkMemory(model, n, unitsPerRow);
        int batch = batchSize(unitsPerRow);
        List<float[][]> layers = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            layers.add(new float[n][]);
        }
        int[] channels = new int[table.size()];
        for (int start = 0; start < n; start += batch) {
            progress.checkCancelled();
            int end = Math.min(n, start + batch);
            List<INDArray> acts = net.forward(toBatch(net.input(), Arrays.copyOfRange(inputs, start, end)));
            for (int l = 0; l < table.size(); l++) {
                INDArray a = acts.get(l);
                if (a.rank() == 4) {
                    channels[l] = (int) a.size(net.channelsLast(l) ? 3 : 1);
                }
                float[][] rows = a.castTo(DataType.FLOAT).reshape('c', a.size(0), table.get(l).units()).toFloatMatrix();
                System.arraycopy(rows, 0, layers.get(l), start, rows.length);
            }
            progress.update((double) end / n, "Forward pass " + end + " / " + n);
        }
        List<LayerActivations> result = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            result.add(new LayerActivations(table.get(l), layers.get(l), channels[l], net.channelsLast(l)));
        }
        return List.copyOf(result);
    }

    /** The network's output for each input (its last layer), for evaluation. */
    public static float[][] predict(LoadedModel model, float[][] inputs) {
        checkWidth(model, inputs);
        Network net = model.network();
        int n = inputs.length;
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += MAX_BATCH / 4) {
            int end = Math.min(n, start + MAX_BATCH / 4);
            INDArray y = net.output(toBatch(net.input(), Arrays.copyOfRange(inputs, start, end)));
            float[][] rows = y.castTo(DataType.FLOAT).reshape('c', y.size(0), -1).toFloatMatrix();
            System.arraycopy(rows, 0, out, start, rows.length);
        }
        return out;
    }

    /** Rows as one array shaped as the network takes it (flat, NCHW or NHWC). */
    static INDArray toBatch(InputSpec spec, float[][] rows) {
        INDArray flat = Nd4j.create(rows);
        long[] shape = spec.batchShape(rows.length);
        return shape.length == 2 ? flat : flat.reshape('c', shape);
    }

    static int batchSize(long unitsPerRow) {
        long rows = BATCH_BYTES / Math.max(1, unitsPerRow * Float.BYTES);
        return (int) Math.max(8, Math.min(MAX_BATCH, rows));
    }

    /**
     * The checks every recording of {@code inputs} through {@code model} makes before it starts:
     * the rows' width, and memory for every layer's activations.
     */
    public static void checkFits(LoadedModel model, float[][] inputs) {
        checkWidth(model, inputs);
        checkMemory(model, inputs.length, model.layers().stream().mapToLong(LayerInfo::units).sum());
    }

    private static void checkWidth(LoadedModel model, float[][] inputs) {
        if (inputs.length > 0 && inputs[0].length != model.inputSize()) {
            throw new IllegalArgumentException("the model expects " + model.inputSize() + " inputs per point, the data has "
                    + inputs[0].length + " columns");
        }
    }

    private static void checkMemory(LoadedModel model, int n, long unitsPerRow) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = n * unitsPerRow * Float.BYTES;
        if (needed > 0.7 * free) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "recording every layer of %s for %,d points needs %,d MB, but only %,d MB of memory is free; "
                            + "open fewer points or start Java with a larger -Xmx", model.name(), n, needed >> 20, free >> 20));
        }
    }
}
