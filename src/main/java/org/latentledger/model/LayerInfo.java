package org.latentledger.model;

/**
 * One row of a model's layer table.
 *
 * @param index       position in the network (0 = first layer after the input)
 * @param name        layer name as the file has it (DL4J names an unnamed layer "layerN")
 * @param type        "Dense", "Output", "Conv2D", "MaxPool", ...
 * @param inputShape  shape of one input, e.g. "784" or "1x28x28"
 * @param outputShape shape of one output
 * @param units       number of output values per inference (the width of its activations)
 * @param parameters  trainable parameters (weights and biases)
 * @param activation  activation function name
 * @param denseMacs   multiply-accumulates of one dense inference, exact (0 for pooling)
 */
public record LayerInfo(int index, String name, String type, String inputShape, String outputShape, long units,
                        long parameters, String activation, long denseMacs) {
}
