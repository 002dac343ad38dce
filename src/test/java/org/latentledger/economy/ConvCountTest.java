package org.latentledger.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentledger.model.ConvGeometry;

/** A convolution's exact work: a literal hand count, and a recount from the inputs' side on random sparse inputs. */
class ConvCountTest {

    @Test
    void aHandCountOnAFourByFourInput() {
        // 1 channel, 4x4, two non-zeros: (0,0) and (2,1). Kernel 3x3, stride 1, no padding: 2x2 outputs, 5 filters.
        float[] x = new float[16];
        x[0] = 1;
        x[2 * 4 + 1] = -2;
        ConvGeometry g = new ConvGeometry(1, 4, 4, 5, 2, 2, 3, 3, 1, 1, 0, 0, 1, 1, 1, false);
        // (0,0) lies only in the window of output (0,0); (2,1) lies in the windows of (0,0), (0,1), (1,0), (1,1): 5 meetings x 5 filters.
        ConvCount.Work w = ConvCount.of(g, x);
        assertEquals(25, w.macs());
        // Kernel offsets met: (0,0) by output (0,0); (2,1) at offsets (2,1), (2,0), (1,1), (1,0): 5 offsets x 5 filters.
        assertEquals(25, w.weightsRead());
        assertEquals(5 * 4 * 9, g.denseMacs());
    }

    @Test
    void paddingIsNeverMultiplied() {
        float[] x = new float[9];
        java.util.Arrays.fill(x, 1);
        // 3x3 of ones, kernel 3x3, pad 1 ("same"): output 3x3; each output meets as many inputs as its window holds inside.
        ConvGeometry g = new ConvGeometry(1, 3, 3, 1, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, false);
        // corners 4 each, edges 6 each, centre 9: 4*4 + 4*6 + 9 = 49 (of 81 dense)
        assertEquals(49, ConvCount.of(g, x).macs());
        assertEquals(81, g.denseMacs());
    }

    @Test
    void aRecountFromTheInputsSideAgrees() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int c = 1 + r.nextInt(3);
            int h = 3 + r.nextInt(6);
            int w = 3 + r.nextInt(6);
            int k = 1 + r.nextInt(3);
            int s = 1 + r.nextInt(2);
            int p = r.nextInt(k);
            int d = 1 + r.nextInt(2);
            int eff = (k - 1) * d + 1;
            int oh = (h + 2 * p - eff) / s + 1;
            int ow = (w + 2 * p - eff) / s + 1;
            if (oh < 1 || ow < 1) {
                continue;
            }
            int groups = c == 2 && r.nextBoolean() ? 2 : 1;
            int cout = groups * (1 + r.nextInt(3));
            boolean last = r.nextBoolean();
            float[] x = new float[c * h * w];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(3) == 0 ? 1 : 0;
            }
            ConvGeometry g = new ConvGeometry(c, h, w, cout, oh, ow, k, k, s, s, p, p, d, d, groups, last);
            // From each non-zero input: the output positions whose window holds it.
            long macs = 0;
            java.util.Set<Long> met = new java.util.HashSet<>();
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < w; xx++) {
                        float v = last ? x[(y * w + xx) * c + ch] : x[(ch * h + y) * w + xx];
                        if (v == 0) {
                            continue;
                        }
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int ny = y + p - ky * d;
                                int nx = xx + p - kx * d;
                                if (ny % s == 0 && nx % s == 0 && ny / s < oh && nx / s < ow && ny >= 0 && nx >= 0) {
                                    macs += cout / groups;
                                    met.add(((long) ch * k + ky) * k + kx);
                                }
                            }
                        }
                    }
                }
            }
            ConvCount.Work work = ConvCount.of(g, x);
            assertEquals(macs, work.macs(), g.toString());
            assertEquals((long) met.size() * (cout / groups), work.weightsRead(), g.toString());
        }
    }
}
