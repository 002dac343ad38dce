package org.latentledger.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.latentledger.data.BundledData;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;

/** The synsets as data: counted as the menus say, each row named by its lemmas with its gloss as its note. */
class WordNetDataTest {

    @Test
    void theMenusCountOfSynsetsIsWordNetsOwn() {
        assertEquals(WordNet.bundled().synsets().size(), WordNetData.SYNSETS);
        assertTrue(BundledData.WORDNET_ALL.summary().contains(String.format(java.util.Locale.ROOT, "%,d", WordNetData.SYNSETS)));
        double gb = (double) WordNetData.SYNSETS * ConceptsModel.VOCABULARY * Float.BYTES / 1e9;
        assertTrue(BundledData.WORDNET_ALL.summary().contains(String.format(java.util.Locale.ROOT, "%.1f GB", gb)));
    }

    @Test
    void everySampledRowIsItsSynsetNamedByLemmasWithItsGloss() throws Exception {
        Dataset d = BundledData.WORDNET.load(ResourceRoot.directory(Path.of(".")));
        assertEquals(WordNetData.SAMPLE, d.size());
        var synsets = WordNetData.sampled();
        for (int i = 0; i < d.size(); i += 97) {
            Synset s = synsets.get(i);
            assertEquals(s.gloss(), d.note(i));
            assertTrue(d.rowName(i).startsWith(s.name()), d.rowName(i) + " vs " + s.name());
            assertEquals(s.category(), d.labelName(i));
        }
    }
}
