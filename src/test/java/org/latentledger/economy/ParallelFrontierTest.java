package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.work.Progress;
import org.latentledger.work.Sampling;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The frontier on our own convolutions, on two threads, against the one-query-at-a-time sweep
 * through DL4J that it replaces: every counted figure the same, to the last bit.
 */
class ParallelFrontierTest {

    private static final List<SparsityPolicy> POLICIES = List.of(new SparsityPolicy.Dense(), new SparsityPolicy.NaturalZeros(),
            new SparsityPolicy.TopK(0, 0.05), new SparsityPolicy.TopK(0, 0.3), new SparsityPolicy.TopK(0, 0.66),
            new SparsityPolicy.Threshold(0.2));

    @Test
    void fashionCnnFrontierIsTheSameOnOurCodeOnTwoThreadsAsThroughDl4jOneAtATime() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel m = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            Dataset d = SampleModel.FASHION_CNN.data().load(root);
            int[] idx = Sampling.sample(d.size(), 40, 18);
            float[][] x = new float[idx.length][];
            int[] y = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                x[i] = d.features()[idx[i]];
                y[i] = d.labels()[idx[i]];
            }
            SparseNetwork dl4j = new SparseNetwork(m, false);
            SparseNetwork own = new SparseNetwork(m);
            assertFalse(dl4j.parallelSafe());
            assertTrue(own.parallelSafe(), "conv, pool, conv, pool, dense after a flatten, output: all on our code");
            assertInstanceOf(Stage.Conv.class, own.stage(0));
            assertInstanceOf(Stage.MaxPool.class, own.stage(1));
            assertInstanceOf(Stage.Dense.class, own.stage(4));
            for (float[] q : x) {
                for (SparsityPolicy p : POLICIES) {
                    sameCounts(dl4j.run(q, p), own.run(q, p), p.spec());
                }
            }
            List<SparsityPolicy> settings = Frontier.settings("topk", 6, 0, 0);
            Frontier.Result before = Frontier.sweep(dl4j, x, y, settings, 0.99, EnergyModel.SRAM, Progress.NONE, 1);
            Frontier.Result one = Frontier.sweep(own, x, y, settings, 0.99, EnergyModel.SRAM, Progress.NONE, 1);
            Frontier.Result two = Frontier.sweep(own, x, y, settings, 0.99, EnergyModel.SRAM, Progress.NONE, 2);
            assertEquals(one, two, "threads change nothing: the sums are taken in input order");
            assertEquals(before, one, "agreement, accuracy, MAC and energy shares, knee: all exactly as through DL4J");
        }
    }

    @Test
    void maxPoolingIsDl4jsToTheBit() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel m = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            float[] q = SampleModel.FASHION_CNN.data().load(root).features()[7];
            Pass through = new SparseNetwork(m, false).run(q, new SparsityPolicy.Dense());
            Stage.MaxPool pool = (Stage.MaxPool) new SparseNetwork(m).stage(1);
            assertArrayEquals(through.activations().get(1), ConvKernel.maxPool(pool.g(), through.activations().get(0)));
        }
    }

    /** Strides, padding, dilation, "same" mode, no bias: our convolution and pooling against DL4J's on seeded inputs with zeros. */
    @Test
    void stridesPaddingAndSameModeAgreeWithDl4j() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(5).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new ConvolutionLayer.Builder(2, 3).padding(1, 2).dilation(1, 2).nOut(4).hasBias(false)
                        .activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(13, 11, 2)).build());
        net.init();
        try (LoadedModel m = new LoadedModel("strides", "strides", "h", net)) {
            SparseNetwork dl4j = new SparseNetwork(m, false);
            SparseNetwork own = new SparseNetwork(m);
            assertTrue(own.parallelSafe());
            SplittableRandom r = new SplittableRandom(5);
            for (int t = 0; t < 20; t++) {
                float[] q = new float[13 * 11 * 2];
                for (int i = 0; i < q.length; i++) {
                    q[i] = r.nextDouble() < 0.4 ? 0f : (float) r.nextGaussian();
                }
                for (SparsityPolicy p : POLICIES) {
                    Pass a = dl4j.run(q, p);
                    Pass b = own.run(q, p);
                    for (int l = 0; l < a.activations().size(); l++) {
                        assertArrayEquals(a.activations().get(l), b.activations().get(l), 1e-5f, p.spec() + " layer " + l);
                    }
                    sameCounts(a, b, p.spec());
                }
            }
        }
    }

    private static void sameCounts(Pass a, Pass b, String what) {
        assertArrayEquals(a.output(), b.output(), 1e-5f, what);
        assertEquals(a.costs().size(), b.costs().size());
        for (int l = 0; l < a.costs().size(); l++) {
            LayerCost u = a.costs().get(l);
            LayerCost v = b.costs().get(l);
            String at = what + " layer " + l;
            assertEquals(u.activeIn(), v.activeIn(), at);
            assertEquals(u.denseMacs(), v.denseMacs(), at);
            assertEquals(u.effectiveMacs(), v.effectiveMacs(), at);
            assertEquals(u.denseReads(), v.denseReads(), at);
            assertEquals(u.weightsRead(), v.weightsRead(), at);
            assertEquals(u.activationsWritten(), v.activationsWritten(), at);
        }
    }
}
