package org.latentledger.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lemmas kept between runs are WordNet's own, and a file that is not the memo's is not trusted. */
class LemmaMemoTest {

    private static final List<String> WORDS = List.of("leaves", "geese", "went", "mice", "changing", "chlorophyll", "xyzzy", "autumn");

    @Test
    void aRunAfterTheFirstTakesTheFirstRunsLemmasWithoutOpeningTheDictionary(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lemmas.tsv");
        WordNet first = new WordNet(new LemmaMemo(file));
        List<String> looked = WORDS.stream().map(first::lemma).toList();
        assertTrue(first.dictionaryOpened());
        first.remember();
        assertTrue(Files.isRegularFile(file));

        WordNet next = new WordNet(new LemmaMemo(file));
        assertEquals(looked, WORDS.stream().map(next::lemma).toList());
        assertFalse(next.dictionaryOpened(), "every word was in the memo");
        assertEquals(List.of("leaf", "goose", "go", "mouse", "change", "chlorophyll", "xyzzy", "autumn"), looked);
        // A word the memo does not have is asked of the dictionary, and kept in its turn.
        assertEquals("tree", next.lemma("trees"));
        assertTrue(next.dictionaryOpened());
        next.remember();
        assertEquals("tree", new LemmaMemo(file).read().get("trees"));
    }

    @Test
    void aFileThatIsNotTheMemosIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lemmas.tsv");
        Files.writeString(file, "leaves\tleaf\nleaves tree\n");
        assertTrue(new LemmaMemo(file).read().isEmpty());
        WordNet wn = new WordNet(new LemmaMemo(file));
        assertEquals("leaf", wn.lemma("leaves"));
        assertTrue(wn.dictionaryOpened());
        assertTrue(new LemmaMemo(dir.resolve("none.tsv")).read().isEmpty());
    }

    @Test
    void theBundledMemoIsNamedByWhatItsLemmasComeFrom() {
        LemmaMemo user = LemmaMemo.user();
        assertTrue(user != null, "extjwnl and its data are on the class path");
    }
}
