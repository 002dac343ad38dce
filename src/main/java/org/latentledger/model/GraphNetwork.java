package org.latentledger.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
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
        throw new UnsupportedOperationException("a ComputationGraph cannot be resumed from one vertex alone: "
                + "its branches also read vertices from before it (steering gives the query too)");
    }

    /**
     * Every vertex's activation for the query, vertex {@code layer}'s replaced, then the vertices
     * after it in topological order recomputed from their inputs: a branch or residual that crosses
     * the vertex brings the query's own values.
     */
    @Override
    public INDArray forwardFrom(int layer, INDArray activation, INDArray batch) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        Map<String, INDArray> acts = new HashMap<>(graph.feedForward(new INDArray[] {batch}, false));
        acts.put(conf.getNetworkInputs().getFirst(), batch);
        acts.put(vertices.get(layer), activation);
        for (int i = layer + 1; i < vertices.size(); i++) {
            String name = vertices.get(i);
            GraphVertex v = graph.getVertex(name);
            INDArray[] ins = conf.getVertexInputs().get(name).stream().map(acts::get).toArray(INDArray[]::new);
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            if (v instanceof LayerVertex lv) {
                // a layer vertex's doForward reads an input field only the graph's own pass sets
                INDArray x = lv.getLayerPreProcessor() == null ? ins[0] : lv.getLayerPreProcessor().preProcess(ins[0], (int) batch.size(0), mgr);
                lv.getLayer().setInputMiniBatchSize((int) batch.size(0));
                acts.put(name, lv.getLayer().activate(x, false, mgr).dup());
            } else {
                v.setInputs(ins);
                acts.put(name, v.doForward(false, mgr).dup());
            }
        }
        return acts.get(conf.getNetworkOutputs().getFirst());
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
        var updater = graph.getUpdater(false);
        NativeRelease.close(graph.params(), graph.getFlattenedGradients(), updater == null ? null : updater.getStateViewArray());
    }
}
