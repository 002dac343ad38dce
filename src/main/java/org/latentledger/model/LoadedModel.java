package org.latentledger.model;

import java.util.List;

/**
 * A network opened from a file, with its identity (source, hash), its origin (a DL4J zip or a
 * Keras file) and its layer table.
 *
 * <p>The wrapped network is not thread-safe: forward passes go through one executor.
 */
public final class LoadedModel implements AutoCloseable {

    private final String name;
    private final String source;
    private final String hash;
    private final String kind;
    private final Network network;

    /**
     * @param kind "MultiLayerNetwork", "ComputationGraph" or "Keras" (the file it came from)
     */
    public LoadedModel(String name, String source, String hash, String kind, Network network) {
        this.name = name;
        this.source = source;
        this.hash = hash;
        this.kind = kind;
        this.network = network;
    }

    /** A DL4J MultiLayerNetwork built or restored in code. */
    public LoadedModel(String name, String source, String hash, org.deeplearning4j.nn.multilayer.MultiLayerNetwork net) {
        this(name, source, hash, "MultiLayerNetwork", new SequentialNetwork(net));
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

    public String kind() {
        return kind;
    }

    public Network network() {
        return network;
    }

    public List<LayerInfo> layers() {
        return network.layers();
    }

    public InputSpec input() {
        return network.input();
    }

    /** Number of input values per inference. */
    public long inputSize() {
        return network.input().size();
    }

    /**
     * The layer a person most likely wants to map first: the bottleneck of an autoencoder (output
     * as wide as the input), else the last hidden layer, the most abstract view before the answer.
     */
    public LayerInfo defaultMapLayer() {
        List<LayerInfo> layers = layers();
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

    /**
     * A layer by its index in the table (0-based) or its name, as every command's {@code --layer}
     * and the window take it. A layer DL4J left unnamed is shown by DL4J's own name, "layer3", and
     * is also found as "layer 3", the form earlier versions showed.
     *
     * @throws IllegalArgumentException listing the layers there are
     */
    public LayerInfo layer(String ref) {
        List<LayerInfo> layers = layers();
        String wanted = ref.strip();
        String older = wanted.matches("layer \\d+") ? wanted.replace(" ", "") : wanted;
        for (LayerInfo l : layers) {
            if (l.name().equals(wanted)) {
                return l;
            }
        }
        for (LayerInfo l : layers) {
            if (l.name().equals(older)) {
                return l;
            }
        }
        if (wanted.matches("\\d{1,9}") && Integer.parseInt(wanted) < layers.size()) {
            return layers.get(Integer.parseInt(wanted));
        }
        throw new IllegalArgumentException("model " + name + " has no layer '" + ref + "'; its layers are 0.."
                + (layers.size() - 1) + ": " + String.join(", ", layers.stream().map(LayerInfo::name).toList()));
    }

    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public void close() {
        network.close();
    }
}
