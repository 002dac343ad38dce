package org.latentledger.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.Test;
import org.latentledger.work.Sampling;

/**
 * Our reading of WordNet's data files gives synsets exactly as extjwnl does: all of them counted,
 * and a seeded sample of 5,000 (every part of speech, glosses with odd spacing among them)
 * compared field by field with extjwnl's synset at the same offset. (Every one of the 117,791 was
 * compared once, when the reader was written; extjwnl takes several seconds to iterate them.)
 */
class SynsetFilesTest {

    @Test
    void synsetsAsExtjwnlReadsThem() throws Exception {
        List<Synset> ours = SynsetFiles.read();
        assertEquals(WordNetData.SYNSETS, ours.size());
        Dictionary dictionary = Dictionary.getDefaultResourceInstance();
        Map<String, POS> parts = Map.of("n", POS.NOUN, "v", POS.VERB, "a", POS.ADJECTIVE, "r", POS.ADVERB);
        int[] chosen = Sampling.sample(ours.size(), 5000, 7);
        for (int i : chosen) {
            Synset s = ours.get(i);
            String[] id = s.id().split(":");
            net.sf.extjwnl.data.Synset theirs = dictionary.getSynsetAt(parts.get(id[0]), Long.parseLong(id[1]));
            Synset expected = new Synset(id[0] + ":" + String.format(Locale.ROOT, "%08d", theirs.getOffset()),
                    theirs.getWords().stream().map(Word::getLemma).toList(), theirs.getGloss(), theirs.getLexFileName());
            assertEquals(expected, s, "synset " + i);
        }
        // The two glosses whose spacing extjwnl keeps as it is: a space after the bar goes, one before the line's end stays.
        assertEquals("the quality of conformity to social expectations", byId(ours, "n:04906378").gloss());
        assertEquals(' ', byId(ours, "n:04977489").gloss().charAt(byId(ours, "n:04977489").gloss().length() - 1));
    }

    private static Synset byId(List<Synset> all, String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
