package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The ledger on ONNX graphs exported by PyTorch, and the exact count of a convolution's work (ONNX and DL4J). */
class OnnxLedgerTest {

    private static LoadedModel fixture(String name) throws Exception {
        return ModelLoader.load(Path.of(OnnxLedgerTest.class.getResource("/onnx/" + name + ".onnx").toURI()));
    }

    private static float[] input(LoadedModel m, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] x = new float[(int) m.input().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(3) == 0 ? 0 : (float) r.nextDouble();
        }
        return x;
    }

    @Test
    void theDensePassIsOnnxRuntimesAndNaturalZerosChangeNothing() throws Exception {
        for (String name : List.of("mlp", "cnn", "residual", "batchnorm", "unsupported")) {
            try (LoadedModel m = fixture(name)) {
                SparseNetwork net = new SparseNetwork(m);
                float[] x = input(m, 5);
                float[] expected = m.network().output(Nd4j.create(x).reshape(m.input().batchShape(1))).data().asFloat();
                Pass dense = net.run(x, new SparsityPolicy.Dense());
                assertArrayEquals(expected, dense.output(), 1e-5f, name + ": our dense pass equals ONNX Runtime's");
                Pass natural = net.run(x, new SparsityPolicy.NaturalZeros());
                assertArrayEquals(dense.output(), natural.output(), 1e-5f, name + ": natural zeros skip only zeros");
                assertEquals(m.layers().stream().mapToLong(l -> l.denseMacs()).sum(), dense.denseMacs(), name);
                assertTrue(natural.effectiveMacs() <= dense.effectiveMacs(), name);
            }
        }
    }

    @Test
    void denseRowsCountTheirLiveInputsAndMergesCostNothing() throws Exception {
        try (LoadedModel m = fixture("residual")) {
            Pass p = new SparseNetwork(m).run(input(m, 8), new SparsityPolicy.NaturalZeros());
            // Row 1 (fc2, 32 -> 32) reads row 0 (relu): its MACs are row 0's non-zeros times 32.
            assertEquals(SparseNetwork.nonZero(p.activations().get(0)) * 32L, p.costs().get(1).effectiveMacs());
            assertEquals("Add", m.layers().get(2).type());
            assertEquals(0, p.costs().get(2).effectiveMacs(), "a merge costs no MACs");
            assertEquals(64, p.costs().get(2).nIn(), "the merge reads both its inputs");
        }
    }

    @Test
    void aConvolutionOnOneLitPixelCountsItsNineWindows() throws Exception {
        // ONNX: 1x5x5 -> Conv 2 filters 3x3, pads 1. One non-zero pixel in the centre lies in 9 windows: 9 x 2 = 18 MACs.
        java.nio.file.Path f = java.nio.file.Files.createTempFile("cnn", ".onnx");
        java.nio.file.Files.write(f, org.latentledger.model.OnnxTestModels.cnn());
        float[] x = new float[25];
        x[12] = 1;
        try (LoadedModel m = ModelLoader.load(f)) {
            Pass p = new SparseNetwork(m).run(x, new SparsityPolicy.NaturalZeros());
            assertEquals(18, p.costs().get(0).effectiveMacs());
            assertEquals(18, p.costs().get(0).weightsRead(), "each of the 9 kernel offsets of both filters met the pixel");
            assertEquals(450, p.costs().get(0).denseMacs());
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
        // DL4J, "Same" mode (padding worked out by DL4J), the same pixel: the same 18.
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(5, 5, 1)).build());
        net.init();
        Pass p = new SparseNetwork(new LoadedModel("conv", "conv", "h", net)).run(x, new SparsityPolicy.NaturalZeros());
        assertEquals(18, p.costs().get(0).effectiveMacs());
        assertEquals(false, p.costs().get(0).estimate(), "a plain convolution is counted, not estimated");
    }

    @Test
    void twoBranchesJoinedByConcatAreRowsAndTheJoinCostsNothing() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("branches", ".onnx");
        try {
            java.nio.file.Files.write(f, org.latentledger.model.OnnxTestModels.branches());
            try (LoadedModel m = ModelLoader.load(f)) {
                assertEquals(List.of("left", "right", "join", "head"), m.layers().stream().map(org.latentledger.model.LayerInfo::name).toList());
                assertEquals(List.of("leakyrelu", "tanh", "-", "sigmoid"), m.layers().stream().map(org.latentledger.model.LayerInfo::activation).toList());
                assertEquals(List.of(4L, 4L, 0L, 4L), m.layers().stream().map(org.latentledger.model.LayerInfo::denseMacs).toList());
                float[] x = {1, 2};
                double y = 1 / (1 + Math.exp(-(1 - 0.2 + Math.tanh(1.5) + Math.tanh(-1))));
                SparseNetwork net = new SparseNetwork(m);
                Pass dense = net.run(x, new SparsityPolicy.Dense());
                assertEquals(y, dense.output()[0], 1e-6);
                assertArrayEquals(new float[] {1, -0.2f, (float) Math.tanh(1.5), (float) Math.tanh(-1)}, dense.activations().get(2), 1e-6f);
                Pass natural = net.run(x, new SparsityPolicy.NaturalZeros());
                assertArrayEquals(dense.output(), natural.output(), 1e-6f, "natural zeros change nothing");
                assertEquals(0, natural.costs().get(2).effectiveMacs(), "a merge costs no MACs");
                // The head reads the join's four non-zero values: 4 MACs; the branches their two inputs each.
                assertEquals(List.of(4L, 4L, 0L, 4L), natural.costs().subList(0, 4).stream().map(LayerCost::effectiveMacs).toList());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }
}
