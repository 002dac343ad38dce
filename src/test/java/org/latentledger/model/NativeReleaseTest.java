package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Closing a model frees its parameters as DL4J's own close() does, also where they are handed out as a view. */
class NativeReleaseTest {

    @Test
    void aGraphBuiltInMemoryAndAChainFreeTheirParameters() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(4).graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3).activation(Activation.SOFTMAX)
                        .build(), "a")
                .setOutputs("out").setInputTypes(InputType.feedForward(6)).build());
        g.init();
        INDArray graphParams = g.params();
        // What needed care: built in memory, the graph hands its flat parameters out as a view, which will not close.
        assertTrue(graphParams.isView() && !graphParams.closeable(), "the case this test is about");
        new GraphNetwork(g).close();
        assertTrue(graphParams.data().originalDataBuffer().wasClosed(), "the graph's parameters are freed");

        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        INDArray chainParams = net.params();
        new SequentialNetwork(net).close();
        assertTrue(chainParams.wasClosed(), "the chain's parameters are freed");
    }
}
