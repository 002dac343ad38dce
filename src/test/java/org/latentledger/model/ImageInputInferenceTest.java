package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Networks built with {@code setInputType(InputType.convolutional(...))}, whose first layer is a
 * convolution with no preprocessor: saved, then opened as the app opens files.
 */
class ImageInputInferenceTest {

    @Test
    void standardCnnOpensWithItsImageSizeAndRuns(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        Path file = dir.resolve("cnn.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);

        try (LoadedModel m = ModelLoader.load(file)) {
            assertEquals(InputSpec.image(28, 28, 1, false, false), m.input());
            assertEquals("1x28x28", m.layers().getFirst().inputShape());
            assertEquals("4x26x26", m.layers().getFirst().outputShape());
            float[][] x = images(5, 28 * 28, 11);
            float[][] y = ActivationRecorder.predict(m, x);
            float[][] direct = net.output(Nd4j.create(x).reshape('c', 5, 1, 28, 28), false).castTo(DataType.FLOAT).toFloatMatrix();
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(direct[i], y[i], 1e-6f, "row " + i + " as DL4J computes it on the 1x28x28 image");
            }
        }
    }

    @Test
    void paddingDilationAndSameModeAreWorkedBackOnAnOblongImage() {
        // 3 x 20 x 24: zero padding 1 all round -> 22x26; conv 3x3 dilation 2 (5x5 reach) -> 18x22;
        // Same-mode conv of stride 2 -> 9x11; pooling 3x3 of stride 2 -> 4x5; then dense.
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ZeroPaddingLayer.Builder(1, 1).build())
                .layer(new ConvolutionLayer.Builder(3, 3).dilation(2, 2).nOut(2).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).convolutionMode(ConvolutionMode.Same).nOut(2).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(3, 3).stride(2, 2).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(20, 24, 3))
                .build());
        net.init();
        assertEquals(InputType.convolutional(20, 24, 3, CNN2DFormat.NCHW), LayerTable.inputType(net));
    }

    @Test
    void aNetworkThatNeverFlattensIsRefusedSayingWhy(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        Path file = dir.resolve("pooled.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cannot infer the input shape"), e.getMessage());
        assertTrue(e.getMessage().contains("layer 1 (GlobalPoolingLayer)"), e.getMessage());
    }

    private static float[][] images(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][size];
        for (float[] row : x) {
            for (int i = 0; i < size; i++) {
                row[i] = (float) r.nextDouble();
            }
        }
        return x;
    }
}
