package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Shapes, parameters and dense MACs against counts done by hand. */
class LayerTableTest {

    @Test
    void convolutionalNetworkCountedByHand() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(10, 10, 1))
                .build());
        net.init();
        List<LayerInfo> t = new SequentialNetwork(net).layers();
        assertEquals(4, t.size());
        // conv 3x3, 1 -> 4 channels on 10x10: output 8x8x4; MACs = 8*8*4 outputs x 3*3*1 taps.
        assertEquals("Conv2D", t.get(0).type());
        assertEquals("1x10x10", t.get(0).inputShape());
        assertEquals("4x8x8", t.get(0).outputShape());
        assertEquals(8 * 8 * 4 * 3 * 3, t.get(0).denseMacs());
        assertEquals(4 * 9 + 4, t.get(0).parameters());
        // 2x2 max pooling: 4x4x4, no multiply-accumulates.
        assertEquals("MaxPool", t.get(1).type());
        assertEquals("4x4x4", t.get(1).outputShape());
        assertEquals(0, t.get(1).denseMacs());
        // dense 64 -> 5 and output 5 -> 3.
        assertEquals(64 * 5, t.get(2).denseMacs());
        assertEquals(64 * 5 + 5, t.get(2).parameters());
        assertEquals(5 * 3, t.get(3).denseMacs());
        assertEquals(3, t.get(3).units());
        assertEquals("softmax", t.get(3).activation());
    }

    @Test
    void layersKeepTheNamesTheFileGivesThem() {
        // The first layer is named "layer7" though it sits at index 0 (as after removing layers):
        // the table must say the file's name, not make one from the index.
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).list()
                .layer(new DenseLayer.Builder().name("layer7").nIn(4).nOut(3).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(3).nOut(3).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        try (LoadedModel m = new LoadedModel("named", "named.zip", "0", net)) {
            assertEquals(List.of("layer7", "layer1", "layer2"), m.layers().stream().map(LayerInfo::name).toList());
            for (String ref : List.of("layer7", "layer 7", "0")) {
                assertEquals(0, m.layer(ref).index(), ref);
            }
            for (String ref : List.of("layer1", "layer 1", " 1 ")) {
                assertEquals(1, m.layer(ref).index(), ref);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.layer("layer0"));
            assertTrue(e.getMessage().contains("its layers are 0..2: layer7, layer1, layer2"), e.getMessage());
        }
    }

    @Test
    void dropoutShowsNoActivationAndAnActivationLayerShowsItsOwn() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(6).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.5).nIn(5).nOut(5).build())
                .layer(new ActivationLayer.Builder().activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder().nIn(5).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        List<LayerInfo> t = new SequentialNetwork(net).layers();
        assertEquals(List.of("relu", "-", "tanh", "softmax"), t.stream().map(LayerInfo::activation).toList());
        assertEquals(0, t.get(1).denseMacs(), "dropout multiplies nothing, whatever nIn and nOut it was given");
        assertEquals("Dropout", t.get(1).type());
    }

    @Test
    void denseNetworkOfTheDigitsSample() {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModel.DIGITS_MLP.configuration());
        net.init();
        List<LayerInfo> t = new SequentialNetwork(net).layers();
        long[] macs = t.stream().mapToLong(LayerInfo::denseMacs).toArray();
        assertEquals(List.of(64L * 256, 256L * 128, 128L * 64, 64L * 10),
                java.util.Arrays.stream(macs).boxed().toList());
        assertEquals("hidden1", t.get(0).name());
        assertEquals("64", t.get(0).inputShape());
        assertEquals(64 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10,
                t.stream().mapToLong(LayerInfo::parameters).sum());
    }
}
