package org.latentledger.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WordNet's morphology, the vocabulary and the bag of words, checked against WordNet itself. */
class BagOfWordsTest {

    private static final WordNet WN = WordNet.bundled();

    @Test
    void pluralsAndIrregularFormsBecomeWordNetsOwnLemmas() {
        assertEquals("leaf", WN.lemma("leaves"));
        assertEquals("goose", WN.lemma("geese"));
        assertEquals("go", WN.lemma("went"));
        assertEquals("mouse", WN.lemma("mice"));
        assertEquals("change", WN.lemma("changing"));
        assertEquals("autumn", WN.lemma("autumn"));
        assertEquals("zqxv", WN.lemma("zqxv"), "a word WordNet does not know stays as it is");
    }

    @Test
    void wordNetHasEverySynsetWithItsCategory() {
        List<Synset> all = WN.synsets();
        assertEquals(117_791, all.size(), "WordNet 3.1");
        assertEquals(45, all.stream().map(Synset::category).distinct().count(), "45 lexicographer files");
        Synset entity = all.getFirst();
        assertEquals("n:00001740", entity.id());
        assertEquals("noun.Tops", entity.category());
        assertEquals("entity", entity.name());
        assertTrue(all.stream().anyMatch(s -> s.category().equals("noun.plant") && s.lemmas().contains("maple")));
    }

    @Test
    void textIsTokenisedByLemmaAndUnknownWordsAreListed() {
        Vocabulary v = new Vocabulary(List.of("leaf", "autumn", "change", "colour"), new int[] {100, 10, 500, 50}, 1000);
        BagOfWords bag = new BagOfWords(v, WN);
        Tokens t = bag.tokens("Why do the leaves change colour in autumn, glorpish leaves?");
        assertEquals(List.of("leaf", "change", "colour", "autumn"), t.known());
        assertEquals(List.of("glorpish"), t.unknown(), "function words (why, do, the, in) are neither");
        float[] row = bag.encode("Why do the leaves change colour in autumn, glorpish leaves?");
        double norm = 0;
        for (float x : row) {
            norm += x * x;
        }
        assertEquals(1, norm, 1e-6, "unit length");
        // (1 + ln 2) idf(leaf) against 1 x idf(autumn): counted, then weighted by rarity.
        double leaf = (1 + Math.log(2)) * Math.log(1000.0 / 100);
        double autumn = Math.log(1000.0 / 10);
        assertEquals(leaf / autumn, row[0] / row[1], 1e-5);
        assertEquals(0, bag.encode("glorpish zqxv")[0], "no known word: all zeros");
    }

    @Test
    void theVocabularyIsTheCommonestLemmasAndReadsBackAsWritten(@TempDir Path dir) throws IOException {
        List<Synset> few = List.of(new Synset("n:1", List.of("maple"), "a tree whose leaves turn red in autumn", "noun.plant"),
                new Synset("n:2", List.of("oak"), "a tree with lobed leaves", "noun.plant"),
                new Synset("n:3", List.of("goose"), "a water bird; geese fly south in autumn", "noun.animal"));
        Vocabulary v = Vocabulary.build(few, WN, 3, 2);
        assertEquals(List.of("autumn", "leaf", "tree"), v.words(), "found in two synsets each, alphabetical among equals");
        assertEquals(2, v.documentFrequency(0));
        Path file = dir.resolve("v.tsv");
        v.write(file);
        Vocabulary back = Vocabulary.read(Files.newInputStream(file), file.toString());
        assertEquals(v.words(), back.words());
        assertEquals(v.idf(1), back.idf(1), 0);
        IOException bad = assertThrows(IOException.class,
                () -> Vocabulary.read(new ByteArrayInputStream("leaf 3\n".getBytes(StandardCharsets.UTF_8)), "x.tsv"));
        assertTrue(bad.getMessage().startsWith("x.tsv: expected a vocabulary"), bad.getMessage());
    }
}
