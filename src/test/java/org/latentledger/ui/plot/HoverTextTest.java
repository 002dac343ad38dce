package org.latentledger.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HoverTextTest {

    @Test
    void aGlossIsWrappedBetweenWordsAndCutWithAnEllipsisAfterTheLastLine() {
        String gloss = "a tree of the genus Acer having lobed leaves that turn red and yellow in autumn and winged fruit";
        List<String> lines = HoverText.wrap(gloss, 30, 3);
        assertEquals(3, lines.size());
        lines.forEach(l -> assertTrue(l.length() <= 30, l));
        assertEquals("a tree of the genus Acer", lines.get(0));
        assertTrue(lines.get(2).endsWith("…"), lines.get(2));
        assertEquals(List.of(gloss), HoverText.wrap(gloss, 200, 3));
        assertEquals(List.of(), HoverText.wrap("  ", 30, 3));
    }
}
