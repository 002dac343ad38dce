package org.latentledger.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentledger.work.Progress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a real batched forward pass of a network over a data set and keeps every layer's
 * activations (inference mode: dropout off).
 */
public final class ActivationRecorder {

    /** Rows per forward pass: large enough to amortise JNI overhead, small enough for 28x28 CNNs. */
    static final int BATCH = 256;

    private ActivationRecorder() {
    }

    /**
     * @return one entry per layer of the table, in order
     */
    public static List<LayerActivations> record(LoadedModel model, float[][] inputs, Progress progress) {
        MultiLayerNetwork net = model.network();
        List<LayerInfo> table = model.layers();
        if (inputs.length > 0 && inputs[0].length != model.inputSize()) {
            throw new IllegalArgumentException("the model expects " + model.inputSize() + " inputs per point, the data has "
                    + inputs[0].length + " columns");
        }
        int n = inputs.length;
        List<float[][]> layers = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            layers.add(new float[n][]);
        }
        int[] channels = new int[table.size()];
        for (int start = 0; start < n; start += BATCH) {
            progress.checkCancelled();
            int end = Math.min(n, start + BATCH);
            float[][] batch = java.util.Arrays.copyOfRange(inputs, start, end);
            List<INDArray> acts;
            try (INDArray x = Nd4j.create(batch)) {
                acts = net.feedForward(x, false);
            }
            // acts.get(0) is the input itself; layer i's output is acts.get(i + 1).
            for (int l = 0; l < table.size(); l++) {
                INDArray a = acts.get(l + 1);
                if (a.rank() == 4) {
                    channels[l] = (int) a.size(1);
                }
                int width = (int) table.get(l).units();
                float[][] rows = a.castTo(DataType.FLOAT).reshape('c', a.size(0), width).toFloatMatrix();
                System.arraycopy(rows, 0, layers.get(l), start, rows.length);
            }
            progress.update((double) end / n, "Forward pass " + end + " / " + n);
        }
        List<LayerActivations> result = new ArrayList<>();
        for (int l = 0; l < table.size(); l++) {
            result.add(new LayerActivations(table.get(l), layers.get(l), channels[l]));
        }
        return List.copyOf(result);
    }

    /** The network's output for each input (the last layer), a convenience for evaluation. */
    public static float[][] predict(LoadedModel model, float[][] inputs) {
        MultiLayerNetwork net = model.network();
        int n = inputs.length;
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            try (INDArray x = Nd4j.create(java.util.Arrays.copyOfRange(inputs, start, end))) {
                INDArray y = net.output(x, false);
                float[][] rows = y.castTo(DataType.FLOAT).toFloatMatrix();
                System.arraycopy(rows, 0, out, start, rows.length);
            }
        }
        return out;
    }
}
