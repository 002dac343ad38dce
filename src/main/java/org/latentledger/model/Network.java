package org.latentledger.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loaded neural network, whatever DL4J structure holds it: the layer table, the input it
 * takes, and a forward pass that returns every layer's activations. Not thread-safe.
 */
public sealed interface Network extends AutoCloseable permits SequentialNetwork, GraphNetwork, OnnxNetwork {

    /** "MultiLayerNetwork", "ComputationGraph" or "ONNX graph". */
    String structure();

    InputSpec input();

    List<LayerInfo> layers();

    /** Activations of every row of the table, in table order, for one batch shaped as {@link InputSpec#batchShape}. */
    List<INDArray> forward(INDArray batch);

    /**
     * Runs the rest of the network from layer {@code layer}'s activations (shaped as that layer
     * outputs them) and returns the network's output: what "steering" a layer needs.
     *
     * @throws UnsupportedOperationException for networks that cannot be resumed from one layer
     */
    INDArray forwardFrom(int layer, INDArray activation);

    /**
     * Steering's resumption: the output when row {@code layer}'s activation is replaced by {@code
     * activation} and every other tensor is what {@code batch} (the query) computes. Where nothing
     * after the row reads anything from before it, that is {@link #forwardFrom}; a graph whose
     * branch or residual crosses the row overrides this.
     */
    default INDArray forwardFrom(int layer, INDArray activation, INDArray batch) {
        return forwardFrom(layer, activation);
    }

    /** The network's (first) output for one batch. */
    INDArray output(INDArray batch);

    /** True where a layer's rank-4 activations are laid out channels last (NHWC). */
    boolean channelsLast(int layer);

    long parameterCount();

    /**
     * Why only part of the model could be opened (an operator no framework here runs), as the rest
     * of "the model was opened in part: ..." ("it stops before node ..."); empty for a whole model.
     * A partial model has rows to map but no answer.
     */
    default java.util.Optional<String> limitation() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
