package org.latentledger.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.latentledger.data.Dataset;
import org.latentledger.data.Hashing;
import org.latentledger.work.Sampling;

/**
 * WordNet's synsets as a data set for the map of meaning, each its lemmas and gloss as a TF-IDF
 * row, labelled by category, named by its lemmas, its gloss as the row's note: a seeded sample
 * for the first view (drawn in seconds), or every synset on request (117,791 dense rows of the
 * vocabulary are 3.8 GB, so the memory is checked before they are made).
 */
public final class WordNetData {

    /** Synsets in WordNet 3.1 (the menus say it before WordNet is read; a test recounts it). */
    public static final int SYNSETS = 117_791;
    /** Synsets in the bundled sample: the map is drawn in seconds. */
    public static final int SAMPLE = 4000;
    public static final long SAMPLE_SEED = 42;

    private WordNetData() {
    }

    /**
     * The seeded sample.
     *
     * @param vocabulary the bytes of the model's {@code .vocab.tsv}
     * @param source     where they came from, for messages and provenance
     */
    public static Dataset load(byte[] vocabulary, String source) throws IOException {
        return of(Vocabulary.read(new ByteArrayInputStream(vocabulary), source), source, Hashing.sha256(vocabulary));
    }

    /** Every synset, in WordNet's order; refused, saying how much memory it needs, when this Java has too little. */
    public static Dataset loadAll(byte[] vocabulary, String source) throws IOException {
        Vocabulary v = Vocabulary.read(new ByteArrayInputStream(vocabulary), source);
        int n = WordNet.bundled().synsets().size();
        checkMemory(n, v.size());
        return build(v, source, Hashing.sha256(vocabulary), IntStream.range(0, n).toArray(), "wordnet-all",
                "all " + n + " synsets");
    }

    /** The sample over a vocabulary already read ({@code vocabularyHash} identifies it for caches). */
    public static Dataset of(Vocabulary v, String source, String vocabularyHash) {
        int n = WordNet.bundled().synsets().size();
        int[] chosen = Sampling.sample(n, Math.min(SAMPLE, n), SAMPLE_SEED);
        return build(v, source, vocabularyHash, chosen, "wordnet", "a seeded sample of " + chosen.length + " of " + n + " synsets");
    }

    private static Dataset build(Vocabulary v, String source, String vocabularyHash, int[] chosen, String name, String which) {
        WordNet wn = WordNet.bundled();
        List<Synset> all = wn.synsets();
        List<String> categories = ConceptsModel.categories(all);
        BagOfWords words = new BagOfWords(v, wn);
        float[][] features = new float[chosen.length][];
        int[] labels = new int[chosen.length];
        List<String> names = new ArrayList<>(chosen.length);
        List<String> glosses = new ArrayList<>(chosen.length);
        for (int r = 0; r < chosen.length; r++) {
            Synset s = all.get(chosen[r]);
            features[r] = words.encode(s.text());
            labels[r] = categories.indexOf(s.category());
            names.add(String.join(", ", s.lemmas()).replace('_', ' '));
            glosses.add(s.gloss());
        }
        wn.remember();
        String hash = Hashing.sha256((vocabularyHash + " WordNet 3.1 " + name + " " + chosen.length + " seed " + SAMPLE_SEED)
                .getBytes(StandardCharsets.UTF_8));
        return new Dataset(name, source + " over WordNet 3.1 (" + which + ")", features, labels, categories, null,
                "TF-IDF bag of words, unit length", hash, names, glosses);
    }

    private static void checkMemory(int rows, int columns) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = (long) rows * columns * Float.BYTES;
        if (needed > 0.8 * free) {
            throw new IllegalStateException(String.format(Locale.ROOT, "all %,d WordNet synsets as rows of %,d words need %,d MB, "
                    + "but only %,d MB of memory is free; use the sample (wordnet) or start Java with -Xmx%dg", rows, columns,
                    needed >> 20, free >> 20, (long) Math.ceil(needed / 0.8 / (1L << 30)) + 1));
        }
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
