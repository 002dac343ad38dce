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
import org.latentledger.model.Evaluation;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.work.Progress;
import org.latentledger.work.Sampling;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The frontier split by input (the first layer shared by the settings, inputs side by side on
 * two threads) against the sweep one query at a time: every figure the same, to the last bit;
 * and our convolutions against DL4J's.
 */
class ParallelFrontierTest {

    private static final List<SparsityPolicy> POLICIES = List.of(new SparsityPolicy.Dense(), new SparsityPolicy.NaturalZeros(),
            new SparsityPolicy.TopK(0, 0.05), new SparsityPolicy.TopK(0, 0.3), new SparsityPolicy.TopK(0, 0.66),
            new SparsityPolicy.Threshold(0.2));

    /**
     * The sweep as it was before it was split by input: setting after setting, each input's
     * passes one at a time through {@link SparseNetwork#run}, every layer computed afresh.
     */
    static Frontier.Result oneAtATime(SparseNetwork net, float[][] x, int[] y, List<SparsityPolicy> settings) {
        int n = x.length;
        long denseMacs = 0;
        double denseEnergy = 0;
        int denseCorrect = 0;
        int[] denseTop = new int[n];
        for (int i = 0; i < n; i++) {
            Pass p = net.run(x[i], new SparsityPolicy.Dense());
            denseTop[i] = Evaluation.argmax(p.output());
            denseMacs += p.denseMacs();
            denseEnergy += p.denseEnergyPj(EnergyModel.SRAM);
            denseCorrect += denseTop[i] == y[i] ? 1 : 0;
        }
        List<Frontier.Point> points = new java.util.ArrayList<>();
        Frontier.Point knee = null;
        for (SparsityPolicy policy : settings) {
            long macs = 0;
            double joules = 0;
            int agree = 0;
            int correct = 0;
            for (int i = 0; i < n; i++) {
                Pass p = net.run(x[i], policy);
                macs += p.effectiveMacs();
                joules += p.energyPj(EnergyModel.SRAM);
                int top = Evaluation.argmax(p.output());
                agree += top == denseTop[i] ? 1 : 0;
                correct += top == y[i] ? 1 : 0;
            }
            Frontier.Point pt = new Frontier.Point(policy, Frontier.parameter(policy), (double) agree / n, (double) correct / n,
                    (double) macs / denseMacs, joules / denseEnergy);
            points.add(pt);
            if (pt.agreement() >= 0.99 && (knee == null || pt.macFraction() < knee.macFraction())) {
                knee = pt;
            }
        }
        return new Frontier.Result(List.copyOf(points), knee, 0.99, (double) denseCorrect / n, true);
    }

    @Test
    void theSweepByInputOnTwoThreadsIsTheOneAtATimeSweepToTheBit() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel m = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            Dataset d = SampleModel.FASHION_CNN.data().load(root);
            int[] idx = Sampling.sample(d.size(), 48, 18);
            float[][] x = new float[idx.length][];
            int[] y = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                x[i] = d.features()[idx[i]];
                y[i] = d.labels()[idx[i]];
            }
            SparseNetwork own = new SparseNetwork(m);
            assertTrue(own.parallelSafe(), "conv, pool, conv, pool, dense after a flatten, output: all on our code");
            assertInstanceOf(Stage.Conv.class, own.stage(0));
            assertInstanceOf(Stage.MaxPool.class, own.stage(1));
            assertInstanceOf(Stage.Dense.class, own.stage(4));
            for (String kind : List.of("topk", "threshold")) {
                List<SparsityPolicy> settings = Frontier.settings(kind, 7, 0.5, 0);
                Frontier.Result before = oneAtATime(own, x, y, settings);
                Frontier.Result one = Frontier.sweep(own, x, y, settings, 0.99, EnergyModel.SRAM, Progress.NONE, 1);
                Frontier.Result two = Frontier.sweep(own, x, y, settings, 0.99, EnergyModel.SRAM, Progress.NONE, 2);
                assertEquals(before, one, kind + ": the first layer shared, the sums by input: every figure as one at a time");
                assertEquals(one, two, kind + ": threads change nothing (the sums are taken in input order)");
            }
        }
    }

    /**
     * Against DL4J's own convolutions (the executor before ours): outputs within float rounding,
     * and every count the same wherever the policy kept the same units. Our additions come in
     * another order than DL4J's GEMM, so a value within about 1e-6 of top-k's cut may fall on the
     * other side of it; that is the only way a count may differ, and it is rare.
     */
    @Test
    void countsAreDl4jsWhereverThePolicyKeptTheSameUnits() throws Exception {
        ResourceRoot root = ResourceRoot.classpath();
        try (LoadedModel m = ModelLoader.load(root, SampleModel.FASHION_CNN.zipPath())) {
            Dataset d = SampleModel.FASHION_CNN.data().load(root);
            SparseNetwork dl4j = new SparseNetwork(m, false);
            SparseNetwork own = new SparseNetwork(m);
            assertFalse(dl4j.parallelSafe());
            int passes = 0;
            int flipped = 0;
            for (int i : Sampling.sample(d.size(), 10, 18)) {
                for (SparsityPolicy p : POLICIES) {
                    Pass a = dl4j.run(d.features()[i], p);
                    Pass b = own.run(d.features()[i], p);
                    assertArrayEquals(a.output(), b.output(), 1e-4f, p.spec());
                    passes++;
                    if (sameUnits(a, b)) {
                        sameCounts(a, b, p.spec() + " point " + i);
                    } else {
                        flipped++;
                    }
                }
            }
            assertTrue(flipped <= passes / 20, flipped + " of " + passes + " passes kept other units");
        }
    }

    private static boolean sameUnits(Pass a, Pass b) {
        for (int l = 0; l < a.activations().size(); l++) {
            float[] u = a.activations().get(l);
            float[] v = b.activations().get(l);
            for (int j = 0; j < u.length; j++) {
                if ((u[j] != 0f) != (v[j] != 0f)) {
                    return false;
                }
            }
        }
        return true;
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
            int passes = 0;
            int flipped = 0;
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
                    passes++;
                    if (sameUnits(a, b)) {
                        sameCounts(a, b, p.spec());
                    } else {
                        flipped++; // a near-tie at top-k's cut, as above
                    }
                }
            }
            assertTrue(flipped <= passes / 20, flipped + " of " + passes + " passes kept other units");
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
