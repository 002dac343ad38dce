package org.latentledger.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Region labels never overlap and never leave the plot; where they cannot all fit, the largest regions keep theirs. */
class RegionLabelsTest {

    @Test
    void crowdedLabelsAreLeftOutRatherThanDrawnOverEachOther() {
        SplittableRandom r = new SplittableRandom(7);
        List<MapScene.RegionMark> regions = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // 45 categories crowded into a fifth of the plot, one of them at the very edge.
            float cx = i == 0 ? 100 : (float) (r.nextDouble() * 20);
            float cy = (float) (r.nextDouble() * 20);
            regions.add(new MapScene.RegionMark("noun.category" + i, 0.5, i == 3 ? 1000 : 10 + i, cx, cy, new float[0], new float[0]));
        }
        MapFrame f = MapFrame.fit(new float[] {0, 100}, new float[] {0, 100}, 50, 30, 850, 630);
        double h = 18;
        List<MapPainter.LabelPlace> places = MapPainter.labelPlaces(regions, f, t -> t.length() * 7.2 + 10, h);
        assertTrue(places.size() < regions.size(), "not all 45 fit in the crowd");
        assertFalse(places.isEmpty());
        assertEquals("noun.category3 50%", places.getFirst().text(), "the largest region is labelled first");
        for (int i = 0; i < places.size(); i++) {
            MapPainter.LabelPlace a = places.get(i);
            assertTrue(a.x() - a.w() / 2 >= f.left() && a.x() + a.w() / 2 <= f.right(), a + " inside horizontally");
            assertTrue(a.y() - h / 2 >= f.top() && a.y() + h / 2 <= f.bottom(), a + " inside vertically");
            for (int j = i + 1; j < places.size(); j++) {
                MapPainter.LabelPlace b = places.get(j);
                boolean apart = Math.abs(a.x() - b.x()) >= (a.w() + b.w()) / 2 || Math.abs(a.y() - b.y()) >= h;
                assertTrue(apart, a + " overlaps " + b);
            }
        }
        assertTrue(places.stream().anyMatch(p -> p.text().startsWith("noun.category0 ")), "the label at the edge is moved in, not dropped");
    }
}
