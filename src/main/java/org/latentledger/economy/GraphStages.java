package org.latentledger.economy;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.latentledger.model.GraphNetwork;
import org.latentledger.model.LayerInfo;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The stages of a DL4J ComputationGraph (a Keras functional model, a branch-and-merge network):
 * vertices in topological order, each reading the rows its inputs are. A dense layer vertex runs on
 * our kernel, other layers through DL4J as in a layer-by-layer network, and merges and element-wise
 * vertices through DL4J at 0 MACs.
 */
final class GraphStages {

    private GraphStages() {
    }

    static List<Stage> of(GraphNetwork g, List<LayerInfo> table) {
        ComputationGraph graph = g.graph();
        List<String> names = g.vertexNames();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            int[] from = g.rowInputs(i);
            GraphVertex v = graph.getVertex(names.get(i));
            if (v instanceof LayerVertex lv && from.length == 1) {
                Layer layer = lv.getLayer();
                org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
                var pre = lv.getLayerPreProcessor();
                if (conf instanceof FeedForwardLayer && !(conf instanceof ConvolutionLayer) && layer.getParam("W") != null && pre == null) {
                    stages.add(Stage.Dense.of(table.get(i), from, Dl4jStages.rows(layer.getParam("W").castTo(DataType.FLOAT)),
                            layer.getParam("b").castTo(DataType.FLOAT).dup('c').data().asFloat(),
                            ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn()));
                } else {
                    long weights = layer.getParam("W") == null ? 0 : layer.getParam("W").length();
                    ConvolutionLayer plain = Dl4jStages.countable(conf);
                    stages.add(new Stage.Library(table.get(i), from, layer, pre, plain, conf instanceof ConvolutionLayer, weights));
                }
            } else {
                stages.add(new Stage.Vertex(table.get(i), from, v));
            }
        }
        return stages;
    }
}
