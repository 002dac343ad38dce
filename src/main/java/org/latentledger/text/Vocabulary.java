package org.latentledger.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a text model has columns for: the commonest lemmas of WordNet's glosses and lemmas,
 * each with its inverse document frequency (ln of documents over documents containing it), so that
 * rare, telling words weigh more than common ones ("chlorophyll" over "genus"). Written beside the
 * model as {@code NAME.vocab.tsv}: a header with the number of documents, then one word and its
 * document frequency per line, in column order.
 */
public final class Vocabulary {

    /** Function words that say nothing of meaning; they would take columns from words that do. */
    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "or", "and", "to", "in", "on", "at", "by", "for",
            "with", "from", "as", "that", "which", "who", "whom", "whose", "is", "are", "be", "been", "being", "it", "its", "this",
            "these", "those", "such", "into", "than", "then", "not", "no", "but", "if", "so", "any", "some", "all", "one", "etc",
            "e.g", "i.e", "usually", "especially", "often", "very", "more", "most", "other", "have", "has", "had", "he", "she",
            "they", "his", "her", "their", "them", "we", "you", "your", "can", "could", "may", "might", "will", "would", "shall",
            "should", "do", "does", "did", "was", "were", "there", "what", "when", "where", "why", "how", "also", "about",
            "something", "someone", "thing");

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}]+");

    private final List<String> words;
    private final int[] documentFrequency;
    private final int documents;
    private final Map<String, Integer> index = new HashMap<>();

    public Vocabulary(List<String> words, int[] documentFrequency, int documents) {
        if (words.size() != documentFrequency.length) {
            throw new IllegalArgumentException("one document frequency per word");
        }
        this.words = List.copyOf(words);
        this.documentFrequency = documentFrequency.clone();
        this.documents = documents;
        for (int i = 0; i < this.words.size(); i++) {
            if (index.put(this.words.get(i), i) != null) {
                throw new IllegalArgumentException("the word '" + this.words.get(i) + "' is listed twice");
            }
        }
    }

    /** The raw words of a text: lower case, split at anything that is not a letter, single letters dropped. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (w.length() > 1) {
                out.add(w);
            }
        }
        return out;
    }

    /** The distinct lemmas of a text by WordNet's morphology, function words left out, in order. */
    public static List<String> lemmas(String text, WordNet wordNet) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            String lemma = wordNet.lemma(w);
            if (!FUNCTION_WORDS.contains(lemma) && !FUNCTION_WORDS.contains(w)) {
                out.add(lemma);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The {@code size} lemmas found in the most synsets' texts (ties in alphabetical order), among
     * those found in at least {@code minDocuments}.
     */
    public static Vocabulary build(List<Synset> synsets, WordNet wordNet, int size, int minDocuments) {
        Map<String, Integer> df = new HashMap<>();
        for (Synset s : synsets) {
            for (String lemma : lemmas(s.text(), wordNet)) {
                df.merge(lemma, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(df.entrySet());
        ranked.removeIf(e -> e.getValue() < minDocuments);
        ranked.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        List<Map.Entry<String, Integer>> kept = ranked.subList(0, Math.min(size, ranked.size()));
        return new Vocabulary(kept.stream().map(Map.Entry::getKey).toList(), kept.stream().mapToInt(Map.Entry::getValue).toArray(),
                synsets.size());
    }

    public int size() {
        return words.size();
    }

    public List<String> words() {
        return words;
    }

    /** The column of a lemma, or -1 when the vocabulary has none. */
    public int indexOf(String lemma) {
        return index.getOrDefault(lemma, -1);
    }

    /** ln(documents / document frequency) of column i. */
    public double idf(int i) {
        return Math.log((double) documents / documentFrequency[i]);
    }

    public int documents() {
        return documents;
    }

    public int documentFrequency(int i) {
        return documentFrequency[i];
    }

    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder("# documents\t").append(documents).append('\n');
        for (int i = 0; i < words.size(); i++) {
            b.append(words.get(i)).append('\t').append(documentFrequency[i]).append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param source named in messages
     * @throws IOException naming the source, the line and what was expected there
     */
    public static Vocabulary read(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null || !header.startsWith("# documents\t")) {
            throw new IOException(source + ": expected a vocabulary starting with '# documents<TAB>N', found "
                    + (header == null ? "an empty file" : "'" + header + "'"));
        }
        int documents = Integer.parseInt(header.substring(header.indexOf('\t') + 1).strip());
        List<String> words = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException(source + ", line " + n + ": expected 'word<TAB>document frequency', found '" + line + "'");
            }
            words.add(line.substring(0, tab));
            df.add(Integer.parseInt(line.substring(tab + 1).strip()));
        }
        return new Vocabulary(words, df.stream().mapToInt(Integer::intValue).toArray(), documents);
    }
}
