package org.latentledger.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J ComputationGraph with one input: every vertex (layers, merges, element-wise ops) in
 * topological order is one row of the table. The first network output is "the" output.
 */
public final class GraphNetwork implements Network {

    private final ComputationGraph graph;
    private final InputSpec input;
    private final List<String> vertices;
    private final List<LayerInfo> layers;
    private final boolean[] channelsLast;

    public GraphNetwork(ComputationGraph graph, InputType inputType) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1) {
            throw new IllegalArgumentException("graphs with " + conf.getNetworkInputs().size()
                    + " inputs are not supported (one input only)");
        }
        this.graph = graph;
        this.input = LayerTable.spec(inputType);
        Map<String, InputType> types = conf.getLayerActivationTypes(inputType);
        this.vertices = new ArrayList<>();
        for (String name : conf.getTopologicalOrderStr()) {
            if (!conf.getNetworkInputs().contains(name)) {
                vertices.add(name);
            }
        }
        this.layers = LayerTable.of(graph, vertices, types);
        this.channelsLast = new boolean[vertices.size()];
        for (int i = 0; i < vertices.size(); i++) {
            channelsLast[i] = types.get(vertices.get(i)) instanceof InputType.InputTypeConvolutional c
                    && c.getFormat() == CNN2DFormat.NHWC;
        }
    }

    public GraphNetwork(ComputationGraph graph) {
        this(graph, LayerTable.inputType(graph));
    }

    public ComputationGraph graph() {
        return graph;
    }

    /** The vertex of each row of the table, in table (topological) order. */
    public List<String> vertexNames() {
        return List.copyOf(vertices);
    }

    /** The rows row {@code row} reads, in its inputs' order (-1: the network's input). */
    public int[] rowInputs(int row) {
        List<String> in = graph.getConfiguration().getVertexInputs().get(vertices.get(row));
        return in.stream().mapToInt(vertices::indexOf).toArray(); // the network input is no row: -1
    }

    @Override
    public String structure() {
        return "ComputationGraph";
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public List<LayerInfo> layers() {
        return layers;
    }

    @Override
    public List<INDArray> forward(INDArray batch) {
        Map<String, INDArray> acts = graph.feedForward(new INDArray[] {batch}, false);
        List<INDArray> out = new ArrayList<>(vertices.size());
        for (String v : vertices) {
            out.add(acts.get(v));
        }
        return out;
    }

    @Override
    public INDArray forwardFrom(int layer, INDArray activation) {
        throw new UnsupportedOperationException("steering needs a layer-by-layer network (MultiLayerNetwork); "
                + "this is a ComputationGraph, whose branches cannot be resumed from one vertex");
    }

    @Override
    public INDArray output(INDArray batch) {
        return graph.output(false, batch)[0];
    }

    @Override
    public boolean channelsLast(int layer) {
        return channelsLast[layer];
    }

    @Override
    public long parameterCount() {
        return graph.numParams();
    }

    @Override
    public void close() {
        graph.close();
    }
}
