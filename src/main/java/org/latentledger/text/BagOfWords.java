package org.latentledger.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text as a model reads it: the lemmas of its words (WordNet's morphology), one column per word of
 * the {@link Vocabulary}, each weighted by (1 + ln count) x idf and the row scaled to unit length
 * (TF-IDF). Words it has no column for are listed, not guessed at.
 */
public final class BagOfWords {

    private final Vocabulary vocabulary;
    private final WordNet wordNet;

    public BagOfWords(Vocabulary vocabulary, WordNet wordNet) {
        this.vocabulary = vocabulary;
        this.wordNet = wordNet;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The lemmas the vocabulary knows and the words it does not. */
    public Tokens tokens(String text) {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String w : Vocabulary.words(text)) {
            String lemma = wordNet.lemma(w);
            if (Vocabulary.FUNCTION_WORDS.contains(lemma) || Vocabulary.FUNCTION_WORDS.contains(w)) {
                continue;
            }
            if (vocabulary.indexOf(lemma) >= 0) {
                if (!known.contains(lemma)) {
                    known.add(lemma);
                }
            } else if (!unknown.contains(w)) {
                unknown.add(w);
            }
        }
        return new Tokens(known, unknown);
    }

    /** The text's row: TF-IDF over the vocabulary, unit length (all zeros when no word is known). */
    public float[] encode(String text) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (String w : Vocabulary.words(text)) {
            int i = vocabulary.indexOf(wordNet.lemma(w));
            if (i >= 0) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        float[] row = new float[vocabulary.size()];
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double v = (1 + Math.log(e.getValue())) * vocabulary.idf(e.getKey());
            row[e.getKey()] = (float) v;
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i : counts.keySet()) {
                row[i] *= scale;
            }
        }
        return row;
    }

    /** The row of one word alone (for decoding: where a word's own query lands). */
    public float[] encodeWord(int column) {
        float[] row = new float[vocabulary.size()];
        row[column] = 1f;
        return row;
    }
}
