package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Every number the ledger shows, against an independent count. */
class LedgerTruthTest {

    /** 5 -> 4 (ReLU) -> 3 (ReLU) -> 2 (softmax), weights seeded. */
    static LoadedModel tiny() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(9).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return new LoadedModel("tiny", "tiny", "h", net);
    }

    @Test
    void macsReadsAndEnergyCountedByHand() {
        LoadedModel m = tiny();
        SparseNetwork s = new SparseNetwork(m);
        float[] x = {1, 0, 2, 0, 0.5f}; // 3 of 5 inputs live
        Pass dense = s.run(x, new SparsityPolicy.Dense());
        Pass natural = s.run(x, new SparsityPolicy.NaturalZeros());
        // Dense: every connection, zeros included.
        assertEquals(List.of(20L, 12L, 6L), dense.costs().stream().map(LayerCost::effectiveMacs).toList());
        assertEquals(38, dense.denseMacs());
        assertEquals(38, dense.weightsRead());
        // Natural: first layer reads only the 3 live rows of W (3 x 4); the next layers read the rows
        // of the previous layer's non-zero outputs.
        int live1 = count(natural.activations().get(0));
        int live2 = count(natural.activations().get(1));
        assertEquals(List.of(3L * 4, (long) live1 * 3, (long) live2 * 2), natural.costs().stream().map(LayerCost::effectiveMacs).toList());
        assertEquals(natural.effectiveMacs(), natural.weightsRead());
        assertEquals(3, natural.costs().get(0).activeIn());
        // Energy = MACs x 4.6 pJ + words read x 5 pJ (SRAM) or 640 pJ (DRAM).
        assertEquals(38 * 4.6 + 38 * 5, dense.energyPj(EnergyModel.SRAM), 1e-9);
        assertEquals(natural.effectiveMacs() * (4.6 + 640), natural.energyPj(EnergyModel.DRAM), 1e-9);
        // Top-1 of 4 and 3 units: exactly one live input for the next layers.
        Pass top1 = s.run(x, new SparsityPolicy.TopK(1, 0));
        assertEquals(List.of(12L, 3L, 2L), top1.costs().stream().map(LayerCost::effectiveMacs).toList());
        // Latent routing with rank 2 and k = 1 on both hidden layers: predictor r (nnz + n_out) + exact nnz k.
        Pass routed = s.run(x, new SparsityPolicy.LatentRouted(2, 1, 0));
        assertEquals(2L * (3 + 4) + 3L * 1, routed.costs().get(0).effectiveMacs());
        int liveAfterRouting = count(routed.activations().get(0));
        assertTrue(liveAfterRouting <= 1);
        assertEquals(2L * (liveAfterRouting + 3) + (long) liveAfterRouting * 1, routed.costs().get(1).effectiveMacs());
    }

    @Test
    void policiesThatKeepEverythingGiveTheDenseAnswer() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        for (SampleModel sample : List.of(SampleModel.DIGITS_MLP, SampleModel.FASHION_CNN)) {
            try (LoadedModel m = ModelLoader.load(tree, sample.zipPath())) {
                Dataset d = sample.data().load(tree);
                SparseNetwork s = new SparseNetwork(m);
                for (int i : new int[] {0, 5, 123}) {
                    float[] x = d.features()[i];
                    float[] library = ActivationRecorder.predict(m, new float[][] {x})[0];
                    float[] dense = s.run(x, new SparsityPolicy.Dense()).output();
                    assertArrayEquals(library, dense, 1e-5f, "our dense pass equals DL4J's");
                    assertArrayEquals(dense, s.run(x, new SparsityPolicy.NaturalZeros()).output(), 1e-5f);
                    assertArrayEquals(dense, s.run(x, new SparsityPolicy.TopK(0, 1.0)).output(), 1e-5f);
                    assertArrayEquals(dense, s.run(x, new SparsityPolicy.Threshold(0)).output(), 1e-5f);
                    if (sample == SampleModel.DIGITS_MLP) {
                        assertArrayEquals(dense, s.run(x, new SparsityPolicy.LatentRouted(256, 0, 1.0)).output(), 1e-4f,
                                "full rank, every output computed");
                    }
                }
            }
        }
    }

    @Test
    void theSparsePassEqualsADenseComputationWithTheSameMask() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        try (LoadedModel m = ModelLoader.load(tree, SampleModel.DIGITS_MLP.zipPath())) {
            Dataset d = SampleModel.DIGITS_MLP.data().load(tree);
            SparseNetwork s = new SparseNetwork(m);
            MultiLayerNetwork net = ((org.latentledger.model.SequentialNetwork) m.network()).network();
            for (SparsityPolicy policy : List.of(new SparsityPolicy.TopK(0, 0.1), new SparsityPolicy.Threshold(1.0),
                    new SparsityPolicy.LatentRouted(8, 0, 0.25))) {
                Pass p = s.run(d.features()[77], policy);
                for (int l = 0; l + 1 < p.activations().size(); l++) {
                    // DL4J's own dense layer on the masked input, then the same mask on its output.
                    float[] reference = net.getLayer(l + 1).activate(Nd4j.create(p.activations().get(l)).reshape(1, -1), false,
                            LayerWorkspaceMgr.noWorkspaces()).castTo(DataType.FLOAT).toFloatVector();
                    float[] sparse = p.activations().get(l + 1);
                    for (int j = 0; j < sparse.length; j++) {
                        if (sparse[j] != 0f) {
                            assertEquals(reference[j], sparse[j], 1e-4, policy.spec() + " layer " + (l + 1) + " unit " + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void policiesParseAndTopKKeepsTheLargest() {
        assertEquals(new SparsityPolicy.TopK(32, 0), SparsityPolicy.parse("topk:32"));
        assertEquals(new SparsityPolicy.TopK(0, 0.1), SparsityPolicy.parse("topk:10%"));
        assertEquals(new SparsityPolicy.LatentRouted(16, 0, 0.05), SparsityPolicy.parse("routed:16:5%"));
        assertEquals(new SparsityPolicy.Threshold(0.5), SparsityPolicy.parse("threshold:0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparsityPolicy.parse("sparse")).getMessage().contains("topk:K"));
        assertArrayEquals(new float[] {0, -5, 0, 4}, SparseNetwork.topK(new float[] {1, -5, 2, 4}, 2));
        assertArrayEquals(new float[] {3, 3, 0, 0}, SparseNetwork.topK(new float[] {3, 3, 3, 1}, 2), "ties: the lower indices first");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            float[] v = new float[1 + r.nextInt(40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextInt(7) - 3);
            }
            int k = r.nextInt(v.length + 1);
            float[] kept = SparseNetwork.topK(v, k);
            float[] sorted = v.clone();
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = Math.abs(sorted[i]);
            }
            java.util.Arrays.sort(sorted);
            int nonZeroKept = 0;
            double keptMass = 0;
            for (float x : kept) {
                keptMass += Math.abs(x);
                nonZeroKept += x != 0 ? 1 : 0;
            }
            double best = 0;
            for (int i = sorted.length - k; i < sorted.length; i++) {
                best += sorted[i];
            }
            assertEquals(best, keptMass, 1e-6, "top-" + k + " keeps the largest magnitudes");
            assertTrue(nonZeroKept <= k);
        }
        Fidelity f = Fidelity.of(new float[] {0.7f, 0.3f}, new float[] {0.7f, 0.3f});
        assertTrue(f.sameTop1());
        assertEquals(1, f.cosine(), 1e-9);
        assertEquals(0, f.kl(), 1e-12);
        // KL(p||q) for p = (0.5, 0.5), q = (0.9, 0.1): 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1).
        assertEquals(0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(5), Fidelity.kl(new float[] {0.5f, 0.5f}, new float[] {0.9f, 0.1f}), 1e-6);
    }

    private static int count(float[] a) {
        int n = 0;
        for (float v : a) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }
}
