package org.latentledger.text;

import java.util.ArrayList;
import java.util.List;
import org.latentledger.model.ActivationRecorder;
import org.latentledger.model.LayerActivations;
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
    private final java.util.Map<Integer, float[][]> centred = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Integer, float[]> means = new java.util.concurrent.ConcurrentHashMap<>();

    private WordDecoder(TextModel text, List<LayerActivations> wordStates) {
        this.text = text;
        this.wordStates = wordStates;
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

    /** Runs every word of the vocabulary alone through the model (one batched forward pass). */
    public static WordDecoder of(TextModel text, Progress progress) {
        Vocabulary v = text.words().vocabulary();
        float[][] rows = new float[v.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = text.words().encodeWord(i);
        }
        return new WordDecoder(text, ActivationRecorder.record(text.model(), rows, progress));
    }

    /** The {@code top} words nearest to a state of layer {@code layer} (its index in the model's layer table). */
    public List<Scored> decode(int layer, float[] state, int top) {
        float[][] words = centredWords(layer);
        float[] m = mean(layer);
        float[] q = new float[state.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = state[k] - m[k];
        }
        state = q;
        double qn = norm(state);
        List<Scored> all = new ArrayList<>(words.length);
        for (int w = 0; w < words.length; w++) {
            double dot = 0;
            for (int k = 0; k < state.length; k++) {
                dot += (double) state[k] * words[w][k];
            }
            double n = qn * norm(words[w]);
            all.add(new Scored(text.words().vocabulary().words().get(w), n == 0 ? 0 : dot / n));
        }
        // Highest cosine first; equal cosines in vocabulary order (the sort is stable).
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
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
