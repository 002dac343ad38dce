package org.latentledger.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.LayerCost;
import org.latentledger.economy.Pass;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LoadedModel;
import org.latentledger.model.ModelLoader;
import org.latentledger.model.SampleModel;
import org.latentledger.work.Progress;

/** The bundled model of words, checked by independent counts: the ledger on a text query, and decoding along an axis. */
class ConceptsTruthTest {

    static LoadedModel model;
    static TextModel text;
    static WordDecoder decoder;

    @BeforeAll
    static void load() throws Exception {
        ResourceRoot tree = ResourceRoot.directory(Path.of("."));
        model = ModelLoader.load(tree, SampleModel.CONCEPTS.zipPath());
        text = TextModel.of(model, tree).orElseThrow();
        decoder = WordDecoder.of(text, Progress.NONE);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theSparseForwardPassOfBagsOfWordsIsTheLibrarysDensePass() throws Exception {
        org.latentledger.data.Dataset d = org.latentledger.data.BundledData.WORDNET.load(ResourceRoot.directory(Path.of(".")));
        float[][] rows = java.util.Arrays.copyOf(d.features(), 64);
        List<org.latentledger.model.LayerActivations> sparse = org.latentledger.economy.SparseForward.record(model, rows, Progress.NONE)
                .orElseThrow(() -> new AssertionError("bags of words are sparse and every layer of concepts is dense"));
        List<org.latentledger.model.LayerActivations> dense = ActivationRecorder.record(model, rows, Progress.NONE);
        assertEquals(dense.size(), sparse.size());
        for (int l = 0; l < dense.size(); l++) {
            for (int i = 0; i < rows.length; i++) {
                float[] a = dense.get(l).values()[i];
                float[] b = sparse.get(l).values()[i];
                for (int k = 0; k < a.length; k++) {
                    assertEquals(a[k], b[k], 1e-4 * (1 + Math.abs(a[k])), "layer " + l + " row " + i + " unit " + k);
                }
            }
        }
        // Dense rows run on the same kernel (every layer is ours), and still as the library runs them.
        float[][] denseRow = {new float[(int) model.inputSize()]};
        java.util.Arrays.fill(denseRow[0], 0.5f);
        float[] ours = org.latentledger.economy.SparseForward.record(model, denseRow, Progress.NONE).orElseThrow().getLast().values()[0];
        float[] library = ActivationRecorder.record(model, denseRow, Progress.NONE).getLast().values()[0];
        for (int k = 0; k < ours.length; k++) {
            assertEquals(library[k], ours[k], 1e-4 * (1 + Math.abs(library[k])), "a dense row, output " + k);
        }
    }

    @Test
    void naturalZerosOnTextCostTheKnownTokensTimesTheFirstLayer() {
        String q = "why do leaves change colour in autumn";
        Tokens t = text.words().tokens(q);
        assertTrue(t.known().containsAll(List.of("leaf", "change", "autumn")), t.known().toString());
        Pass p = new SparseNetwork(model).run(text.words().encode(q), new SparsityPolicy.NaturalZeros());
        LayerCost first = p.costs().getFirst();
        assertEquals(model.inputSize(), first.nIn());
        assertEquals(t.known().size(), first.activeIn(), "one live input per distinct known token");
        assertEquals((long) t.known().size() * first.nOut(), first.effectiveMacs(), "tokens x n_out");
        assertEquals((long) model.inputSize() * first.nOut(), first.denseMacs());
    }

    @Test
    void alphaZeroDecodesTheQueryAndMovingTowardsBRaisesBsWords() {
        int layer = model.layer("latent").index();
        for (String[] pair : new String[][] {{"green leaf chlorophyll summer", "yellow orange red autumn"},
                {"dog cat horse", "car truck engine"}, {"happy joy love", "sad grief fear"}}) {
            float[] a = state(pair[0], layer);
            float[] b = state(pair[1], layer);
            double[] u = new double[a.length];
            double n = 0;
            for (int k = 0; k < u.length; k++) {
                u[k] = b[k] - a[k];
                n += u[k] * u[k];
            }
            float[] q = state("the leaves of a tree", layer);
            assertEquals(decoder.decode(layer, q, 10), decoder.decode(layer, moved(q, u, 0), 10), "alpha = 0 changes nothing");
            double before = towardsB(pair, layer, q);
            double after = towardsB(pair, layer, moved(q, u, 2 * Math.sqrt(n)));
            assertTrue(after > before, pair[1] + " rises relative to " + pair[0] + ": " + before + " -> " + after);
        }
    }

    private static float[] state(String phrase, int layer) {
        return ActivationRecorder.record(model, new float[][] {text.words().encode(phrase)}, Progress.NONE).get(layer).values()[0];
    }

    private static float[] moved(float[] q, double[] u, double step) {
        double n = 0;
        for (double x : u) {
            n += x * x;
        }
        float[] out = q.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += (float) (step * u[k] / Math.sqrt(n));
        }
        return out;
    }

    /** Mean cosine of the state with B's known words minus with A's, by the decoder's own word states. */
    private static double towardsB(String[] pair, int layer, float[] s) {
        return meanScore(pair[1], layer, s) - meanScore(pair[0], layer, s);
    }

    private static double meanScore(String phrase, int layer, float[] s) {
        double sum = 0;
        int n = 0;
        for (String lemma : text.words().tokens(phrase).known()) {
            float[] w = decoder.stateOf(lemma, layer);
            double dot = 0;
            double ns = 0;
            double nw = 0;
            for (int k = 0; k < s.length; k++) {
                dot += s[k] * w[k];
                ns += s[k] * s[k];
                nw += w[k] * w[k];
            }
            sum += ns == 0 || nw == 0 ? 0 : dot / Math.sqrt(ns * nw);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
