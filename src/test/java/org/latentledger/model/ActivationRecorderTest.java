package org.latentledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.latentledger.work.CancelledException;
import org.latentledger.work.Progress;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The recorded activations are the network's real ones, recounted here by hand. */
class ActivationRecorderTest {

    @Test
    void denseLayerEqualsReluOfAffineMapCountedByHand() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder().nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        LoadedModel model = new LoadedModel("t", "t", "h", net);
        float[][] x = randomRows(600, 6, 11); // more than two batches
        List<LayerActivations> acts = ActivationRecorder.record(model, x, Progress.NONE);

        INDArray w = net.getParam("0_W"); // nIn x nOut
        INDArray b = net.getParam("0_b");
        for (int i = 0; i < x.length; i += 37) {
            for (int j = 0; j < 5; j++) {
                double z = b.getDouble(j);
                for (int k = 0; k < 6; k++) {
                    z += x[i][k] * w.getDouble(k, j);
                }
                assertEquals(Math.max(0, z), acts.get(0).values()[i][j], 1e-5);
            }
        }
        float[][] out = ActivationRecorder.predict(model, x);
        for (int i = 0; i < x.length; i += 37) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                assertEquals(out[i][j], acts.get(1).values()[i][j], 1e-6);
                sum += out[i][j];
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void convolutionalLayerKeepsChannelsAndItsMeans() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(5, 5, 1))
                .build());
        net.init();
        LoadedModel model = new LoadedModel("t", "t", "h", net);
        List<LayerActivations> acts = ActivationRecorder.record(model, randomRows(4, 25, 2), Progress.NONE);
        LayerActivations conv = acts.get(0);
        assertEquals(2, conv.channels());
        assertEquals(2 * 3 * 3, conv.width());
        float[][] means = conv.perChannelMean();
        double sum = 0;
        for (int k = 9; k < 18; k++) {
            sum += conv.values()[3][k];
        }
        assertEquals(sum / 9, means[3][1], 1e-5);
    }

    @Test
    void wrongInputWidthIsRejectedAndCancelStops() {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModel.DIGITS_MLP.configuration());
        net.init();
        LoadedModel model = new LoadedModel("t", "t", "h", net);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationRecorder.record(model, randomRows(3, 7, 1), Progress.NONE));
        assertEquals("the model expects 64 inputs per point, the data has 7 columns", e.getMessage());
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> ActivationRecorder.record(model, randomRows(3, 64, 1), cancelled));
    }

    static float[][] randomRows(int n, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][width];
        for (float[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) r.nextDouble();
            }
        }
        return x;
    }
}
