package org.latentledger.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.latentledger.economy.SparseNetwork;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
import org.latentledger.model.LayerInfo;
import org.latentledger.work.Progress;

/**
 * Decoding to words by the model's own computation: at a layer, the words whose own one-word
 * query lands nearest (by cosine) to the state being decoded. Each word's state at every layer is
 * computed once, by running the model on that word alone. Cosines are taken around the words'
 * mean state at the layer: without that, a few "hub" words near the middle of every layer come
 * first whatever is decoded.
 */
public final class WordDecoder {

    /** A decoded word and its cosine to the state. */
    public record Scored(String word, double score) {
    }

    private final TextModel text;
    private final List<LayerActivations> wordStates;
    private final Map<Integer, float[][]> centred = new ConcurrentHashMap<>();
    private final Map<Integer, float[]> means = new ConcurrentHashMap<>();

    private WordDecoder(TextModel text, List<LayerActivations> wordStates) {
        this.text = text;
        this.wordStates = wordStates;
    }

    /**
     * Runs every word of the vocabulary alone through the model. A one-word row has a single live
     * input, so the sparse executor's exact pass (natural zeros: only the zero inputs are skipped)
     * costs a 256th of DL4J's dense pass over 8,000 one-hot rows; a model it cannot run goes
     * through DL4J a thousand rows at a time (8,000 dense one-word rows at once would be 256 MB).
     */
    public static WordDecoder of(TextModel text, Progress progress) {
        SparseNetwork net;
        try {
            net = new SparseNetwork(text.model());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return throughLibrary(text, progress);
        }
        return of(text, net, progress);
    }

    /** As {@link #of(TextModel, Progress)}, on a sparse executor already built for the model. */
    public static WordDecoder of(TextModel text, SparseNetwork net, Progress progress) {
        Vocabulary v = text.words().vocabulary();
        List<LayerInfo> infos = text.model().layers();
        float[][][] states = new float[infos.size()][v.size()][];
        SparsityPolicy exact = new SparsityPolicy.NaturalZeros();
        for (int i = 0; i < v.size(); i++) {
            if (i % 500 == 0) {
                progress.checkCancelled();
                progress.update((double) i / v.size(), "Where each of " + v.size() + " words lands, for decoding");
            }
            List<float[]> acts = net.run(text.words().encodeWord(i), exact).activations();
            for (int l = 0; l < infos.size(); l++) {
                states[l][i] = acts.get(l);
            }
        }
        List<LayerActivations> out = new ArrayList<>();
        for (int l = 0; l < infos.size(); l++) {
            out.add(new LayerActivations(infos.get(l), states[l], 0, false));
        }
        return new WordDecoder(text, out);
    }

    private static WordDecoder throughLibrary(TextModel text, Progress progress) {
        Vocabulary v = text.words().vocabulary();
        List<List<float[]>> perLayer = new ArrayList<>();
        List<LayerInfo> infos = new ArrayList<>();
        for (int from = 0; from < v.size(); from += 1000) {
            progress.checkCancelled();
            int to = Math.min(v.size(), from + 1000);
            float[][] rows = new float[to - from][];
            for (int i = from; i < to; i++) {
                rows[i - from] = text.words().encodeWord(i);
            }
            List<LayerActivations> acts = ActivationRecorder.record(text.model(), rows, Progress.NONE);
            for (int l = 0; l < acts.size(); l++) {
                if (perLayer.size() <= l) {
                    perLayer.add(new ArrayList<>());
                    infos.add(acts.get(l).layer());
                }
                perLayer.get(l).addAll(Arrays.asList(acts.get(l).values()));
            }
            progress.update((double) to / v.size(), "Where each of " + v.size() + " words lands, for decoding");
        }
        List<LayerActivations> states = new ArrayList<>();
        for (int l = 0; l < perLayer.size(); l++) {
            states.add(new LayerActivations(infos.get(l), perLayer.get(l).toArray(float[][]::new), 0, false));
        }
        return new WordDecoder(text, states);
    }

    /** The words' mean state at a layer. */
    private float[] mean(int layer) {
        return means.computeIfAbsent(layer, l -> {
            float[][] w = wordStates.get(l).values();
            float[] m = new float[w[0].length];
            for (float[] row : w) {
                for (int k = 0; k < m.length; k++) {
                    m[k] += row[k] / w.length;
                }
            }
            return m;
        });
    }

    private float[][] centredWords(int layer) {
        return centred.computeIfAbsent(layer, l -> {
            float[][] w = wordStates.get(l).values();
            float[] m = mean(l);
            float[][] out = new float[w.length][m.length];
            for (int i = 0; i < w.length; i++) {
                for (int k = 0; k < m.length; k++) {
                    out[i][k] = w[i][k] - m[k];
                }
            }
            return out;
        });
    }

    /** The {@code top} words nearest to a state of layer {@code layer} (its index in the model's layer table). */
    public List<Scored> decode(int layer, float[] state, int top) {
        float[][] words = centredWords(layer);
        float[] m = mean(layer);
        float[] q = new float[state.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = state[k] - m[k];
        }
        double qn = norm(q);
        List<Scored> all = new ArrayList<>(words.length);
        for (int w = 0; w < words.length; w++) {
            double dot = 0;
            for (int k = 0; k < q.length; k++) {
                dot += (double) q[k] * words[w][k];
            }
            double n = qn * norm(words[w]);
            all.add(new Scored(text.words().vocabulary().words().get(w), n == 0 ? 0 : dot / n));
        }
        // Highest cosine first; equal cosines in vocabulary order (the sort is stable).
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    /** The bag of words the decoded model reads. */
    public BagOfWords words() {
        return text.words();
    }

    /** A word's own state at a layer, or null when the vocabulary has no such word. */
    public float[] stateOf(String lemma, int layer) {
        int i = text.words().vocabulary().indexOf(lemma);
        return i < 0 ? null : wordStates.get(layer).values()[i].clone();
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
