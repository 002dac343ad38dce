package org.latentledger.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void sameSeedSameSplitDisjointAndComplete() {
        Split a = Split.of(1797, 360, 7);
        Split b = Split.of(1797, 360, 7);
        assertArrayEquals(a.test(), b.test());
        assertEquals(1437, a.train().length);
        BitSet seen = new BitSet();
        for (int i : a.train()) {
            seen.set(i);
        }
        for (int i : a.test()) {
            assertFalse(seen.get(i), "row " + i + " in both halves");
            seen.set(i);
        }
        assertEquals(1797, seen.cardinality());
    }

    @Test
    void differentSeedDifferentSplit() {
        assertFalse(java.util.Arrays.equals(Split.of(100, 20, 1).test(), Split.of(100, 20, 2).test()));
    }
}
