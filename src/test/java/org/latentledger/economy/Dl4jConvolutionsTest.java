package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentledger.model.LayerInfo;
import org.latentledger.model.LoadedModel;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** DL4J's other convolutions: their dense MACs by hand, a depthwise one counted exactly from its input's zeros. */
class Dl4jConvolutionsTest {

    @Test
    void depthwiseIsCountedExactlyAndSeparableHasItsTwoStagesDenseMacs() throws Exception {
        // 6x6x2 (channels first) -> depthwise 3x3, multiplier 2 -> 4x4x4 -> batch norm -> separable 3x3, multiplier 1, 3 out -> 2x2x3 -> 2
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DepthwiseConvolution2D.Builder(3, 3).depthMultiplier(2).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SeparableConvolution2D.Builder(3, 3).nOut(3).depthMultiplier(1).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(6, 6, 2)).build());
        net.init();
        try (LoadedModel m = new LoadedModel("convs", "convs", "h", net)) {
            List<LayerInfo> t = m.layers();
            assertEquals(List.of("DepthwiseConv2D", "BatchNormalization", "SeparableConv2D", "Output"), t.stream().map(LayerInfo::type).toList());
            assertEquals(4 * 4 * 4 * 3 * 3, t.get(0).denseMacs(), "each of 4 output channels reads only its own input channel");
            assertEquals(0, t.get(1).denseMacs(), "a scale and a shift per unit");
            assertEquals("-", t.get(1).activation(), "DL4J's batch norm never applies the sigmoid its configuration carries");
            assertEquals(2 * 2 * (4 * 3 * 3 + 3 * 4), t.get(2).denseMacs(), "depthwise 4 x 3 x 3, then 1x1 from 4 to 3, per position");
            assertEquals(12 * 2, t.get(3).denseMacs());

            // Input (channels first, flat): channel 0 lit at (0,0) and (2,3); channel 1 at (5,5).
            float[] x = new float[2 * 36];
            x[0] = 1;
            x[2 * 6 + 3] = 1;
            x[36 + 5 * 6 + 5] = 1;
            Pass p = new SparseNetwork(m).run(x, new SparsityPolicy.NaturalZeros());
            // (0,0) is in the window of output (0,0) only; (2,3) in outputs rows 0-2 x columns 1-3 = 9; (5,5) in (3,3) only.
            // Each meeting costs the 2 output channels of its input channel: (1 + 9 + 1) x 2 = 22.
            LayerCost depthwise = p.costs().get(0);
            assertEquals(22, depthwise.effectiveMacs());
            assertFalse(depthwise.estimate(), "a depthwise convolution is counted, not estimated");
            // Weights read: those meeting a non-zero input. Channel 0's two pixels meet offsets (0,0) and all 9 of (2,3)'s windows
            // (one of them (0,0) again): 9 offsets; channel 1's (5,5) only offset (2,2) of output (3,3): 1. Each x 2 output channels.
            ConvCount.Work w = ConvCount.of(new org.latentledger.model.ConvGeometry(2, 6, 6, 4, 4, 4, 3, 3, 1, 1, 0, 0, 1, 1, 2, false), x);
            assertEquals((9 + 1) * 2, depthwise.weightsRead());
            assertEquals(w.weightsRead(), depthwise.weightsRead());
            assertEquals(22, w.macs());
            assertTrue(p.costs().get(2).estimate(), "a separable convolution is still estimated");
        }
    }
}
