package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.BundledData;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.model.SampleTrainer;
import org.latentledger.work.Progress;
import org.nd4j.linalg.factory.Nd4j;

/** Economizing: k-WTA keeps exactly its share of units, the result reopens as it was saved, and the same seed gives the same weights. */
class EconomizerTest {

    private static final ResourceRoot TREE = ResourceRoot.directory(Path.of("."));

    @Test
    void kWinnersKeepsExactlyCeilFTimesNUnitsTiesToTheLowerIndex() {
        SplittableRandom r = new SplittableRandom(3);
        for (double f : new double[] {0.05, 0.1, 0.3, 0.5, 1.0}) {
            KWinners k = new KWinners(f);
            for (int n : new int[] {10, 64, 512}) {
                float[] z = new float[n];
                for (int j = 0; j < n; j++) {
                    z[j] = (float) r.nextGaussian();
                }
                float[] out = k.apply(z);
                int expected = (int) Math.ceil(Math.round(f * n * 1e6) / 1e6);
                assertEquals(expected, SparseNetwork.nonZero(out), "f " + f + " n " + n);
                float smallestKept = Float.POSITIVE_INFINITY;
                float largestDropped = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (out[j] != 0) {
                        assertEquals(z[j], out[j], "a winner passes unchanged");
                        smallestKept = Math.min(smallestKept, z[j]);
                    } else {
                        largestDropped = Math.max(largestDropped, z[j]);
                    }
                }
                assertTrue(smallestKept >= largestDropped, "the winners are the largest");
            }
        }
        float[] ties = {1, 3, 3, 3, 0};
        assertArrayEquals(new float[] {0, 3, 3, 0, 0}, new KWinners(0.4).apply(ties), "k = 2 of three equal values: the lower indices");
        assertEquals(3, KWinners.winners(10, 0.3), "0.3 x 10 is 3, not rounded up by floating error");
    }

    @Test
    void theEconomizedModelReopensAsSavedAndTheSameSeedGivesTheSameWeights(@TempDir Path dir) throws Exception {
        try (LoadedModel original = ModelLoader.load(TREE, SampleModel.DIGITS_MLP.zipPath())) {
            Dataset data = BundledData.DIGITS.load(TREE);
            var split = SampleTrainer.split(SampleModel.DIGITS_MLP, data);
            Dataset train = data.subset(split.train(), "-train");
            Dataset test = data.subset(split.test(), "-test");
            Economizer.Plan plan = new Economizer.Plan(0.1, 1, 7);
            MultiLayerNetwork a = Economizer.fineTune(original, train, plan, Progress.NONE);
            MultiLayerNetwork b = Economizer.fineTune(original, train, plan, Progress.NONE);
            assertArrayEquals(a.params().toFloatVector(), b.params().toFloatVector(), "same model, data, method and seed: same weights");
            MultiLayerNetwork c = Economizer.fineTune(original, train, new Economizer.Plan(0.1, 1, 8), Progress.NONE);
            assertTrue(!Arrays.equals(a.params().toFloatVector(), c.params().toFloatVector()), "another seed, another order");

            Path zip = dir.resolve("digits-economical.zip");
            ModelSerializer.writeModel(a, zip.toFile(), false);
            float[][] x = Arrays.copyOf(test.features(), 50);
            float[] saved = a.output(Nd4j.create(x), false).reshape(-1).toFloatVector();
            try (LoadedModel reopened = ModelLoader.load(zip)) {
                float[] again = reopened.network() instanceof org.latentledger.model.SequentialNetwork s
                        ? s.network().output(Nd4j.create(x), false).reshape(-1).toFloatVector() : null;
                assertArrayEquals(saved, again, 1e-6f, "reopened from its file, the same outputs");
                assertEquals("kwta(10%)", reopened.layers().getFirst().activation());
                // Every hidden layer of the reopened model keeps exactly ceil(0.1 n) units on every point.
                List<LayerActivations> acts = ActivationRecorder.record(reopened, x, Progress.NONE);
                for (int l = 0; l + 1 < acts.size(); l++) {
                    int n = (int) acts.get(l).layer().units();
                    for (float[] row : acts.get(l).values()) {
                        assertTrue(SparseNetwork.nonZero(row) <= KWinners.winners(n, 0.1), "layer " + l);
                        assertTrue(SparseNetwork.nonZero(row) >= KWinners.winners(n, 0.1) - 1, "layer " + l + " (a winner may be exactly 0)");
                    }
                }
                // The ledger's own dense pass is the model's: natural zeros agree with it and cost k live inputs per hidden layer.
                SparseNetwork net = new SparseNetwork(reopened);
                Pass p = net.run(x[0], new SparsityPolicy.NaturalZeros());
                assertArrayEquals(again.length > 10 ? Arrays.copyOf(again, 10) : again, p.output(), 1e-5f);
                assertTrue(p.costs().get(1).activeIn() <= KWinners.winners((int) reopened.layers().getFirst().units(), 0.1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Economizer.Plan.parse("l1:-1", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Economizer.Plan.parse("dropout:0.5", 1, 1));
        assertEquals(0.05, Economizer.Plan.parse("kwta:5%", 1, 1).fraction(), 1e-12);
        Files.deleteIfExists(dir.resolve("none"));
    }

    @Test
    void anL1PenaltyTrainsUnitsToZeroAndSavesPlainRelu(@TempDir Path dir) throws Exception {
        try (LoadedModel original = ModelLoader.load(TREE, SampleModel.DIGITS_MLP.zipPath())) {
            Dataset data = BundledData.DIGITS.load(TREE);
            var split = SampleTrainer.split(SampleModel.DIGITS_MLP, data);
            Economizer.Plan plan = Economizer.Plan.parse("l1:1", 3, 7).withLearningRate(1e-3);
            assertEquals("l1:1.0", plan.spec());
            MultiLayerNetwork net = Economizer.fineTune(original, data.subset(split.train(), "-train"), plan, Progress.NONE);
            Path zip = dir.resolve("l1.zip");
            ModelSerializer.writeModel(net, zip.toFile(), false);
            try (LoadedModel penalised = ModelLoader.load(zip)) {
                assertEquals("relu", penalised.layers().getFirst().activation(), "the penalty is not in the saved model");
                float[][] x = Arrays.copyOf(data.subset(split.test(), "-test").features(), 100);
                assertTrue(liveShare(penalised, x) < 0.8 * liveShare(original, x), "fewer hidden units on after the L1 penalty");
            }
        }
    }

    /** The share of hidden units that are not zero, over the points. */
    private static double liveShare(LoadedModel m, float[][] x) {
        List<LayerActivations> acts = ActivationRecorder.record(m, x, Progress.NONE);
        long on = 0;
        long all = 0;
        for (int l = 0; l + 1 < acts.size(); l++) {
            for (float[] row : acts.get(l).values()) {
                on += SparseNetwork.nonZero(row);
                all += row.length;
            }
        }
        return (double) on / all;
    }
}
