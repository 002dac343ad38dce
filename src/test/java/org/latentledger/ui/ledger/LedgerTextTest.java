package org.latentledger.ui.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentledger.economy.Fidelity;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.Pass;
import org.latentledger.economy.PassTimes;
import org.latentledger.economy.SparsityPolicy;

/** What the ledger says, without a screen: both answers named, one rounding, no negative KL, no "0.0x", noise called noise. */
class LedgerTextTest {

    private static Ledger ledger(float[] dense, float[] sparse) {
        Pass d = new Pass(new SparsityPolicy.Dense(), List.of(dense), List.of(), dense);
        Pass s = new Pass(new SparsityPolicy.TopK(0, 0.1), List.of(sparse), List.of(), sparse);
        return new Ledger(d, s, Fidelity.of(dense, sparse), 0, 0);
    }

    @Test
    void aDifferentAnswerNamesWhatEachPassAnswered() {
        List<String> names = List.of("T-shirt", "Trouser", "Sneaker", "Ankle boot");
        String v = LedgerViewModel.verdictText(ledger(new float[] {0.05f, 0.05f, 0.1f, 0.8f}, new float[] {0.1f, 0.1f, 0.6f, 0.2f}), names);
        assertTrue(v.startsWith("DIFFERENT answer: dense Ankle boot, sparse Sneaker"), v);
        assertTrue(v.contains("cosine 0."), v);
        String same = LedgerViewModel.verdictText(ledger(new float[] {0.1f, 0.9f, 0, 0}, new float[] {0.3f, 0.7f, 0, 0}), names);
        assertTrue(same.startsWith("Same answer: Trouser"), same);
        String unnamed = LedgerViewModel.verdictText(ledger(new float[] {0.1f, 0.9f}, new float[] {0.9f, 0.1f}), List.of());
        assertTrue(unnamed.startsWith("DIFFERENT answer: dense class 1, sparse class 0"), unnamed);
    }

    @Test
    void klIsNeverShownNegative() {
        assertEquals("0", LedgerViewModel.kl(-4.42e-13), "a hair below 0 is rounding: KL >= 0");
        assertEquals("0", LedgerViewModel.kl(0));
        assertEquals("0.188", LedgerViewModel.kl(0.18812));
        assertEquals("1.7e-16", LedgerViewModel.kl(1.7e-16), "a tiny positive KL is shown as it is");
        // Identical outputs whose sums round differently still read 0, never "-4.42e-13".
        float[] p = {0.1f, 0.2f, 0.3f, 0.4f};
        String v = LedgerViewModel.verdictText(ledger(p, p.clone()), List.of());
        assertFalse(v.contains("KL -"), v);
    }

    @Test
    void oneRoundingForTheShareOfEachLayer() {
        assertEquals("1.7%", SparsityPolicy.percent(0.017));
        assertEquals("7%", SparsityPolicy.percent(0.07), "no '7.0%' from 7.000000000000001");
        assertEquals("10%", SparsityPolicy.percent(0.1));
        assertEquals("Top-k (1.7% of each layer)", new SparsityPolicy.TopK(0, 0.017).describe());
        assertEquals("0.412", SparsityPolicy.shown(0.41234567));
        assertEquals("Threshold (|a| > 0.412)", new SparsityPolicy.Threshold(0.41234567).describe());
    }

    @Test
    void speedUpsNeverReadZero() {
        assertEquals("2.3x", PassTimes.ratio(2.34));
        assertEquals("0.45x", PassTimes.ratio(0.449));
        assertEquals("0.04x", PassTimes.ratio(0.04));
        assertEquals("<0.01x", PassTimes.ratio(0.004));
        assertEquals("12x", PassTimes.ratio(12.2));
    }

    @Test
    void timingsGiveMedianSpreadAndNoise() {
        double[] fast = {100, 101, 102, 103, 104, 105, 106};
        double[] slow = {300, 301, 302, 303, 304, 305, 306};
        double[] mixed = {95, 99, 104, 110, 500, 900, 1000};
        String faster = LedgerViewModel.timingText(new PassTimes(slow, fast), false, "");
        assertTrue(faster.contains("dense 303 µs (") && faster.contains("sparse 103 µs ("), faster);
        assertTrue(faster.endsWith(": 2.9x faster."), faster);
        String noise = LedgerViewModel.timingText(new PassTimes(fast, mixed), false, "");
        assertTrue(noise.contains("within noise"), noise);
        String slower = LedgerViewModel.timingText(new PassTimes(fast, slow), false, "");
        assertTrue(slower.contains("2.9x slower (0.34x)"), slower);
        String dense = LedgerViewModel.timingText(new PassTimes(fast, fast), true, "");
        assertTrue(dense.contains("the same pass twice"), dense);
        assertFalse(dense.matches(".*\\d\\.\\dx faster.*"), "no speed-up claimed for the dense policy: " + dense);
    }

    @Test
    void anOffUnitIsAHollowSquareNotAFaintFill() {
        int w = 10;
        int[] px = new int[w * w];
        HeatmapCanvas.off(px, w, w, 1, 1, 8, 1, 0xff777777);
        assertEquals(0xff777777, px[1 * w + 1], "its outline");
        assertEquals(0xff777777, px[8 * w + 8], "its outline");
        assertEquals(0, px[4 * w + 4], "its inside is the background, unlike any active cell");
        int[] small = new int[w * w];
        HeatmapCanvas.off(small, w, w, 1, 1, 3, 1, 0xff777777);
        assertEquals(0xff777777, small[2 * w + 2], "a cell too small for an outline is filled");
    }
}
