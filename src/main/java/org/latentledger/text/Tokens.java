package org.latentledger.text;

import java.util.List;

/**
 * What a model made of a text: the lemmas it knows (distinct, in the order they came) and the
 * words it has no column for.
 */
public record Tokens(List<String> known, List<String> unknown) {

    public Tokens {
        known = List.copyOf(known);
        unknown = List.copyOf(unknown);
    }
}
