package org.latentledger.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.latentledger.data.Dataset;
import org.latentledger.data.Hashing;
import org.latentledger.work.Sampling;

/**
 * WordNet's synsets as a data set for the map of meaning: a seeded sample of them (every synset
 * as a dense row of the vocabulary would be 3.8 GB), each its lemmas and gloss as a TF-IDF row,
 * labelled by category, named by its lemmas.
 */
public final class WordNetData {

    /** Synsets in the bundled set: the map is drawn in seconds. */
    public static final int SAMPLE = 4000;
    public static final long SAMPLE_SEED = 42;

    private WordNetData() {
    }

    /**
     * @param vocabulary the bytes of the model's {@code .vocab.tsv}
     * @param source     where they came from, for messages and provenance
     */
    public static Dataset load(byte[] vocabulary, String source) throws IOException {
        return of(Vocabulary.read(new ByteArrayInputStream(vocabulary), source), source, Hashing.sha256(vocabulary));
    }

    /** The sample over a vocabulary already read ({@code vocabularyHash} identifies it for caches). */
    public static Dataset of(Vocabulary v, String source, String vocabularyHash) {
        WordNet wn = WordNet.bundled();
        List<Synset> all = wn.synsets();
        List<String> categories = ConceptsModel.categories(all);
        BagOfWords words = new BagOfWords(v, wn);
        int[] chosen = Sampling.sample(all.size(), Math.min(SAMPLE, all.size()), SAMPLE_SEED);
        float[][] features = new float[chosen.length][];
        int[] labels = new int[chosen.length];
        List<String> names = new ArrayList<>();
        for (int r = 0; r < chosen.length; r++) {
            Synset s = all.get(chosen[r]);
            features[r] = words.encode(s.text());
            labels[r] = categories.indexOf(s.category());
            names.add(String.join(", ", s.lemmas()).replace('_', ' '));
        }
        String hash = Hashing.sha256((vocabularyHash + " WordNet 3.1 sample " + SAMPLE + " seed " + SAMPLE_SEED)
                .getBytes(StandardCharsets.UTF_8));
        return new Dataset("wordnet", source + " over WordNet 3.1 (a seeded sample of " + chosen.length + " of " + all.size()
                + " synsets)", features, labels, categories, null, "TF-IDF bag of words, unit length", hash, names);
    }

    /** The synsets of the bundled sample, in its row order (for glosses on hover and in decodes). */
    public static List<Synset> sampled() {
        List<Synset> all = WordNet.bundled().synsets();
        int[] chosen = Sampling.sample(all.size(), Math.min(SAMPLE, all.size()), SAMPLE_SEED);
        List<Synset> out = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            out.add(all.get(i));
        }
        return out;
    }
}
