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
    void prunedWeightsAreSkippedAndCountedByHand() {
        LoadedModel m = tiny();
        MultiLayerNetwork net = ((org.latentledger.model.SequentialNetwork) m.network()).network();
        // First layer W is 5 x 4 (row i = the weights leaving input i): zero out a known pattern, 75% of it.
        org.nd4j.linalg.api.ndarray.INDArray w = net.getLayer(0).getParam("W");
        float[][] before = w.toFloatMatrix();
        int[] keptPerRow = {1, 0, 2, 4, 1};
        for (int i = 0; i < 5; i++) {
            for (int j = keptPerRow[i]; j < 4; j++) {
                w.putScalar(i, j, 0f);
            }
        }
        // Densities under 0.5 are kept compressed: 8 of 20 weights remain.
        SparseNetwork s = new SparseNetwork(m);
        float[] x = {1, 0, 2, 0, 0.5f}; // inputs 0, 2 and 4 live: rows with 1, 2 and 1 non-zero weights
        Pass natural = s.run(x, new SparsityPolicy.NaturalZeros());
        assertEquals(1L + 2 + 1, natural.costs().get(0).effectiveMacs(), "only the non-zero weights of the live rows");
        assertEquals(4L, natural.costs().get(0).weightsRead());
        assertEquals(20L, natural.costs().get(0).denseMacs(), "the dense count is every connection");
        // The compressed kernel computes what the dense one does on the pruned matrix.
        Pass dense = s.run(x, new SparsityPolicy.Dense());
        assertEquals(dense.output().length, natural.output().length);
        for (int k = 0; k < dense.output().length; k++) {
            assertEquals(dense.output()[k], natural.output()[k], 1e-6);
        }
        float[] z = new float[4];
        for (int j = 0; j < 4; j++) {
            z[j] = net.getLayer(0).getParam("b").getFloat(j);
            for (int i = 0; i < 5; i++) {
                z[j] += x[i] * (j < keptPerRow[i] ? before[i][j] : 0f);
            }
            assertEquals(Math.max(0, z[j]), natural.activations().get(0)[j], 1e-6, "unit " + j);
        }
    }

    @Test
    void theRemainingCostIsNamedWhereItSits() {
        SparseNetwork s = new SparseNetwork(tiny());
        Pass natural = s.run(new float[] {1, 0, 2, 0, 0.5f}, new SparsityPolicy.NaturalZeros());
        LayerCost top = natural.costs().stream().max(java.util.Comparator.comparingLong(LayerCost::effectiveMacs)).orElseThrow();
        String where = RemainingCost.where(natural);
        assertTrue(where.startsWith("Most of what is left is " + top.name() + ": " + top.effectiveMacs() + " of "
                + natural.effectiveMacs() + " MACs"), where);
        assertTrue(where.contains(top.activeIn() + " of its " + top.nIn() + " inputs are live"), where);
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
        try (Digits g = Digits.load()) {
            for (SparsityPolicy policy : List.of(new SparsityPolicy.TopK(0, 0.1), new SparsityPolicy.Threshold(1.0),
                    new SparsityPolicy.LatentRouted(8, 0, 0.25))) {
                Pass p = g.sparse().run(g.data().features()[77], policy);
                for (int l = 0; l + 1 < p.activations().size(); l++) {
                    // DL4J's own dense layer on the masked input, then the same mask on its output.
                    float[] reference = g.dl4j(l + 1, p.activations().get(l));
                    float[] sparse = p.activations().get(l + 1);
                    assertTrue(count(sparse) > 0, policy.spec() + " layer " + (l + 1) + " keeps some units (else this proves nothing)");
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
    void topKKeepsTheLargestUnitsOfEachRealLayer() throws Exception {
        try (Digits g = Digits.load()) {
            for (int point : new int[] {3, 77, 500}) {
                float[] x = g.data().features()[point];
                Pass dense = g.sparse().run(x, new SparsityPolicy.Dense());
                Pass top = g.sparse().run(x, new SparsityPolicy.TopK(0, 0.1));
                for (int l = 0; l + 1 < top.activations().size(); l++) {
                    // The layer's activations before top-k, recounted: the first hidden layer sees the input
                    // itself, so they are the dense pass's; a later one sees the previous kept units (DL4J's layer).
                    float[] before = l == 0 ? dense.activations().get(0) : g.dl4j(l, top.activations().get(l - 1));
                    int k = (int) Math.ceil(0.1 * before.length);
                    String where = "point " + point + ", layer " + g.model().layers().get(l).name() + ", k = " + k;
                    assertClearCut(magnitudes(before), k, 1e-4, where);
                    assertTrue(sortedDescending(magnitudes(before))[k - 1] > 0, where + ": every kept unit is live");
                    float[] kept = top.activations().get(l);
                    assertArrayEquals(largestMagnitudes(before, k), live(kept), where + ": which units survive");
                    for (int j : live(kept)) {
                        assertEquals(before[j], kept[j], 1e-4, where + ", unit " + j);
                    }
                }
            }
        }
    }

    @Test
    void latentRoutingComputesTheOutputsPredictedLargest() throws Exception {
        try (Digits g = Digits.load()) {
            float[] x = g.data().features()[77];
            Pass routed = g.sparse().run(x, new SparsityPolicy.LatentRouted(8, 0, 0.25));
            for (int l = 0; l + 1 < routed.activations().size(); l++) {
                float[] in = l == 0 ? x : routed.activations().get(l - 1);
                float[][] w = g.layer(l).getParam("W").castTo(DataType.FLOAT).toFloatMatrix();
                float[] b = g.layer(l).getParam("b").castTo(DataType.FLOAT).toFloatVector();
                // The prediction through the rank-8 factors, in double: b + (in U_r S_r) V_r^T.
                float[][][] f = LowRank.of(w, 8);
                double[] h = new double[8];
                for (int i = 0; i < in.length; i++) {
                    for (int q = 0; q < 8; q++) {
                        h[q] += (double) in[i] * f[0][i][q];
                    }
                }
                float[] predicted = new float[b.length];
                for (int j = 0; j < b.length; j++) {
                    double z = b[j];
                    for (int q = 0; q < 8; q++) {
                        z += h[q] * f[1][q][j];
                    }
                    predicted[j] = (float) z;
                }
                int k = (int) Math.ceil(0.25 * b.length);
                String where = "layer " + g.model().layers().get(l).name() + ", k = " + k;
                assertClearCut(predicted, k, 1e-3, where);
                int[] chosen = largest(predicted, k);
                float[] reference = g.dl4j(l, in);
                float[] out = routed.activations().get(l);
                java.util.Set<Integer> on = new java.util.HashSet<>();
                for (int j : chosen) {
                    on.add(j);
                    assertEquals(reference[j], out[j], 1e-4, where + ": a chosen unit is computed exactly, unit " + j);
                }
                for (int j = 0; j < out.length; j++) {
                    if (!on.contains(j)) {
                        assertEquals(0f, out[j], where + ": an unchosen unit is off, unit " + j);
                    }
                }
                assertTrue(count(out) > 0, where + ": some chosen unit is live");
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
        // Hand-made layers through the policy itself: exactly these units survive, ties to the lower index.
        assertArrayEquals(new float[] {0, -5, 0, 4}, SparseNetwork.sparsify(new float[] {1, -5, 2, 4}, new SparsityPolicy.TopK(2, 0)));
        assertArrayEquals(new float[] {3, 3, 0, 0}, SparseNetwork.sparsify(new float[] {3, 3, 3, 1}, new SparsityPolicy.TopK(0, 0.5)),
                "ties: the lower indices first");
        assertArrayEquals(new float[] {-3, 0, 0, 0}, SparseNetwork.sparsify(new float[] {-3, 3, 1, 0}, new SparsityPolicy.TopK(1, 0)),
                "|-3| ties with 3: the lower index");
        assertArrayEquals(new float[] {0, 0.5f, 0, -7}, SparseNetwork.sparsify(new float[] {0.25f, 0.5f, 0, -7}, new SparsityPolicy.TopK(0, 0.4)),
                "40% of 4 units is 2");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        int kept = 0;
        for (int trial = 0; trial < 200; trial++) {
            float[] v = new float[1 + r.nextInt(40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextInt(7) - 3); // magnitudes 0..3 only: ties in almost every trial
            }
            int k = 1 + r.nextInt(v.length);
            float[] out = SparseNetwork.sparsify(v, new SparsityPolicy.TopK(k, 0));
            float[] expected = new float[v.length];
            for (int i : largestMagnitudes(v, k)) {
                expected[i] = v[i];
            }
            assertArrayEquals(expected, out, "top-" + k + " of " + java.util.Arrays.toString(v));
            kept += count(out);
        }
        assertTrue(kept > 500, "the trials kept real units: " + kept);
        Fidelity f = Fidelity.of(new float[] {0.7f, 0.3f}, new float[] {0.7f, 0.3f});
        assertTrue(f.sameTop1());
        assertEquals(1, f.cosine(), 1e-9);
        assertEquals(0, f.kl(), 1e-12);
        // KL(p||q) for p = (0.5, 0.5), q = (0.9, 0.1): 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1).
        assertEquals(0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(5), Fidelity.kl(new float[] {0.5f, 0.5f}, new float[] {0.9f, 0.1f}), 1e-6);
    }

    /** digits-mlp with its data, our layer-by-layer network over it, and DL4J's own layers to recount with. */
    private record Digits(LoadedModel model, Dataset data, SparseNetwork sparse) implements AutoCloseable {

        static Digits load() throws Exception {
            ResourceRoot tree = ResourceRoot.directory(Path.of("."));
            LoadedModel m = ModelLoader.load(tree, SampleModel.DIGITS_MLP.zipPath());
            return new Digits(m, SampleModel.DIGITS_MLP.data().load(tree), new SparseNetwork(m));
        }

        org.deeplearning4j.nn.api.Layer layer(int l) {
            return ((org.latentledger.model.SequentialNetwork) model.network()).network().getLayer(l);
        }

        /** DL4J's own layer l on {@code in}: its whole output, nothing masked. */
        float[] dl4j(int l, float[] in) {
            return layer(l).activate(Nd4j.create(in).reshape(1, -1), false, LayerWorkspaceMgr.noWorkspaces())
                    .castTo(DataType.FLOAT).toFloatVector();
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /** The recount: indices sorted by key (largest first), then by index; the first k, ascending. */
    static int[] largest(float[] keys, int k) {
        return java.util.stream.IntStream.range(0, keys.length).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer i) -> -keys[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).sorted().toArray();
    }

    static int[] largestMagnitudes(float[] a, int k) {
        return largest(magnitudes(a), k);
    }

    private static float[] magnitudes(float[] a) {
        float[] m = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            m[i] = Math.abs(a[i]);
        }
        return m;
    }

    private static float[] sortedDescending(float[] keys) {
        float[] s = keys.clone();
        java.util.Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            float t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /**
     * The k-th and (k+1)-th largest keys are further apart than {@code gap}: the last kept unit wins
     * by more than the rounding between two ways of summing the same products, so the recount's
     * choice is the only right one.
     */
    private static void assertClearCut(float[] keys, int k, double gap, String where) {
        float[] s = sortedDescending(keys);
        assertTrue(k < s.length && s[k - 1] - s[k] > gap, where + ": the " + k + "th and next keys are " + s[k - 1] + " and " + s[k]);
    }

    /** The indices of the non-zero entries, ascending. */
    private static int[] live(float[] a) {
        return java.util.stream.IntStream.range(0, a.length).filter(i -> a[i] != 0f).toArray();
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
