package org.latentledger.text;

import java.util.List;

/**
 * One WordNet synset as a data point: its id ({@code n:00001740}: part of speech and offset),
 * its lemmas, its gloss and its category (the lexicographer file, e.g. {@code noun.plant}).
 */
public record Synset(String id, List<String> lemmas, String gloss, String category) {

    public Synset {
        lemmas = List.copyOf(lemmas);
    }

    /** The words the model reads for this synset: its lemmas (multi-word ones split) and its gloss. */
    public String text() {
        return String.join(" ", lemmas).replace('_', ' ') + " " + gloss;
    }

    /** How the map names the point: its first lemma. */
    public String name() {
        return lemmas.isEmpty() ? id : lemmas.getFirst().replace('_', ' ');
    }
}
