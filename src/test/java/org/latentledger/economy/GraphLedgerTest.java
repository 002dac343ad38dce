package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.latentledger.model.GraphNetwork;
import org.latentledger.model.LoadedModel;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The ledger on a DL4J ComputationGraph with two branches, a merge and a residual add. */
class GraphLedgerTest {

    private static LoadedModel branchAndMerge() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(4).graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.RELU).build(), "in")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "a", "b")
                .addVertex("both", new MergeVertex(), "sum", "a")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX)
                        .build(), "both")
                .setOutputs("out").setInputTypes(InputType.feedForward(6)).build());
        g.init();
        return new LoadedModel("graph", "graph", "h", "ComputationGraph", new GraphNetwork(g));
    }

    @Test
    void theGraphsOwnOutputAndExactCountsThroughMerges() {
        try (LoadedModel m = branchAndMerge()) {
            SparseNetwork net = new SparseNetwork(m);
            float[] x = {0.5f, 0, -1, 2, 0, 0.25f};
            float[] expected = m.network().output(Nd4j.create(new float[][] {x})).data().asFloat();
            Pass dense = net.run(x, new SparsityPolicy.Dense());
            assertArrayEquals(expected, dense.output(), 1e-5f, "our pass equals DL4J's graph");
            Pass natural = net.run(x, new SparsityPolicy.NaturalZeros());
            assertArrayEquals(expected, natural.output(), 1e-5f);
            // a and b read the input's 4 non-zeros: 4 x 4 MACs each; the add and the merge none; out: the merge's non-zeros x 3.
            assertEquals(16, natural.costs().get(0).effectiveMacs());
            assertEquals(16, natural.costs().get(1).effectiveMacs());
            assertEquals(0, natural.costs().get(2).effectiveMacs());
            assertEquals(0, natural.costs().get(3).effectiveMacs());
            assertEquals(8, natural.costs().get(3).nIn(), "the merge reads both its inputs");
            assertEquals(SparseNetwork.nonZero(natural.activations().get(3)) * 3L, natural.costs().get(4).effectiveMacs());
            Pass topk = net.run(x, new SparsityPolicy.TopK(1, 0));
            assertEquals(3, topk.output().length, "a policy runs through the graph");
        }
    }
}
