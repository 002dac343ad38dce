package org.latentledger.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The point under the mouse found in the cells around it is the one a scan of every point finds. */
class ScreenIndexTest {

    @Test
    void findsWhatAScanOfEveryPointFinds() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20_000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            // Some off the canvas, some not drawn (NaN), some on the same pixel as another.
            x[i] = i % 97 == 0 ? Float.NaN : (float) (r.nextDouble(-20, 420));
            y[i] = (float) (r.nextDouble(-20, 320));
            if (i % 101 == 0 && i > 0) {
                x[i] = x[i - 1];
                y[i] = y[i - 1];
            }
        }
        ScreenIndex index = ScreenIndex.of(x, y, 400, 300);
        int found = 0;
        for (int q = 0; q < 5_000; q++) {
            double px = r.nextDouble(-10, 410);
            double py = r.nextDouble(-10, 310);
            int expected = scan(x, y, px, py, 400, 300);
            assertEquals(expected, index.nearest(px, py), "at " + px + ", " + py);
            found += expected >= 0 ? 1 : 0;
        }
        assertEquals(true, found > 1_000, "most questions land near a point: " + found);
    }

    @Test
    void anEmptyCanvasHasNothingUnderTheMouse() {
        ScreenIndex index = ScreenIndex.of(new float[0], new float[0], 10, 10);
        assertEquals(-1, index.nearest(5, 5));
    }

    /** The nearest drawn point on the canvas closer than 8 pixels, lowest index first among ties. */
    private static int scan(float[] x, float[] y, double px, double py, double w, double h) {
        int best = -1;
        double bestD = 64;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && y[i] >= 0 && x[i] < w && y[i] < h)) {
                continue;
            }
            double d = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
