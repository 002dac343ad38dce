package org.latentledger.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network opened from a file, with its identity (source, hash) and its layer table.
 *
 * <p>The wrapped network is not thread-safe: forward passes go through one executor.
 */
public final class LoadedModel implements AutoCloseable {

    private final String name;
    private final String source;
    private final String hash;
    private final MultiLayerNetwork network;
    private final List<LayerInfo> layers;

    public LoadedModel(String name, String source, String hash, MultiLayerNetwork network) {
        this.name = name;
        this.source = source;
        this.hash = hash;
        this.network = network;
        this.layers = LayerTable.of(network);
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public String hash() {
        return hash;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public List<LayerInfo> layers() {
        return layers;
    }

    /** Number of input values per inference. */
    public long inputSize() {
        return LayerTable.inputType(network).arrayElementsPerExample();
    }

    /**
     * The layer a person most likely wants to map first: the bottleneck of an autoencoder (output
     * as wide as the input), else the last hidden layer, the most abstract view before the answer.
     */
    public LayerInfo defaultMapLayer() {
        if (layers.size() == 1) {
            return layers.getFirst();
        }
        List<LayerInfo> hidden = layers.subList(0, layers.size() - 1);
        if (layers.getLast().units() != inputSize()) {
            return hidden.getLast();
        }
        LayerInfo smallest = hidden.getFirst();
        for (LayerInfo l : hidden) {
            if (l.units() <= smallest.units()) {
                smallest = l;
            }
        }
        return smallest;
    }

    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public void close() {
        network.close();
    }
}
