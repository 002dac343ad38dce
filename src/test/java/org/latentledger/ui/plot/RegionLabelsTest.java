package org.latentledger.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The map's labels never overlap and never leave the plot; where they cannot all fit, the largest
 * regions keep theirs and the plot says how many were left out; axis labels stay clear of region
 * labels; outlines follow the islands of a region's points.
 */
class RegionLabelsTest {

    private static final ToDoubleFunction<String> WIDTH = t -> t.length() * 7.2 + 10;
    private static final MapLabels.Measure MEASURE = new MapLabels.Measure(WIDTH, 18, t -> t.length() * 7.0 + 6, 16,
            t -> t.length() * 6.2, 16);

    @Test
    void crowdedLabelsAreLeftOutRatherThanDrawnOverEachOther() {
        List<MapScene.RegionMark> regions = crowd(45);
        MapFrame f = MapFrame.fit(new float[] {0, 100}, new float[] {0, 100}, 50, 30, 850, 630);
        List<MapLabels.Box> places = MapLabels.regionLabels(regions, f, WIDTH, 18, List.of());
        assertTrue(places.size() < regions.size(), "not all 45 fit in the crowd");
        assertFalse(places.isEmpty());
        assertEquals("noun.category3 50%", places.getFirst().text(), "the largest region is labelled first");
        assertApartAndInside(places, f);
        assertTrue(places.stream().anyMatch(p -> p.text().startsWith("noun.category0 ")), "the label at the edge is moved in, not dropped");
    }

    @Test
    void aShortenedLabelKeepsItsWholeTextForTheTooltip() {
        String name = "mixed T-shirt/top + Dress + Shirt + Pullover";
        List<MapScene.RegionMark> regions = List.of(new MapScene.RegionMark(name, 0.41, 100, 50, 50, List.of()));
        MapFrame f = MapFrame.fit(new float[] {0, 100}, new float[] {0, 100}, 10, 10, 210, 210);
        List<MapLabels.Box> places = MapLabels.regionLabels(regions, f, WIDTH, 18, List.of());
        assertEquals(1, places.size());
        MapLabels.Box b = places.getFirst();
        assertTrue(b.shortened() && b.text().endsWith("… 41%") && WIDTH.applyAsDouble(b.text()) <= f.right() - f.left(), b.text());
        assertEquals(name + " 41%", b.full(), "the tooltip says it whole");
        assertTrue(b.contains(b.x(), b.y()) && !b.contains(b.right() + 1, b.y()));
        MapLabels.Box whole = MapLabels.regionLabels(List.of(new MapScene.RegionMark("Bag", 0.99, 100, 50, 50, List.of())), f, WIDTH, 18,
                List.of()).getFirst();
        assertFalse(whole.shortened());
    }

    @Test
    void axisLabelsRegionLabelsAndTheNoteNeverOverlapOrLeaveThePlot() {
        List<MapScene.RegionMark> regions = crowd(30);
        // Axis arrows from the crowd's middle to the right edge, the top and the left edge: their labels would run off the plot.
        List<MapScene.ArrowMark> arrows = List.of(new MapScene.ArrowMark("C3 (8.0%)  R²=0.91", 10, 10, 100, 12),
                new MapScene.ArrowMark("PC2 (22.3%)  R²=0.99", 10, 10, 11, 100),
                new MapScene.ArrowMark("PC1 (24.9%)  R²=0.98", 10, 10, 0, 9));
        MapScene s = scene(regions, arrows);
        MapFrame f = MapFrame.fit(new float[] {0, 100}, new float[] {0, 100}, 50, 30, 650, 430);
        MapLabels.Layout layout = MapLabels.of(s, f, MEASURE);
        assertEquals(3, layout.axes().size(), "every axis keeps its label");
        assertEquals(0, layout.axesLeftOut());
        assertTrue(layout.regionsLeftOut() > 0);
        assertNotNull(layout.note(), "the plot says labels were left out");
        assertTrue(layout.note().text().startsWith(layout.regionsLeftOut() + " of 30 "), layout.note().text());
        assertEquals(30, layout.regions().size() + layout.regionsLeftOut(), "the note counts what is not drawn");
        assertApartAndInside(layout.all(), f);
    }

    @Test
    void regionLabelsKeepClearOfTheQuerysMarkAndLabel() {
        List<MapScene.RegionMark> regions = crowd(12);
        MapFrame f = MapFrame.fit(new float[] {0, 100}, new float[] {0, 100}, 50, 30, 650, 430);
        // The journey's query drawn in the middle of the crowd, its label beside it.
        MapLabels.Box cross = new MapLabels.Box("", f.sx(10), f.sy(10), 22, 22);
        MapLabels.Box query = new MapLabels.Box("query: noun.category3 (40%)", f.sx(10) + 120, f.sy(10), 200, 20);
        MapLabels.Layout layout = MapLabels.of(scene(regions, List.of()), f, MEASURE, List.of(cross, query));
        assertFalse(layout.regions().isEmpty());
        List<MapLabels.Box> all = new ArrayList<>(layout.all());
        all.add(cross);
        all.add(query);
        assertApartAndInside(all, f);
    }

    @Test
    void aNameTooLongForThePlotIsShortenedAndKeepsItsShare() {
        MapFrame f = MapFrame.fit(new float[] {0, 10}, new float[] {0, 10}, 10, 10, 130, 130);
        MapScene.RegionMark r = new MapScene.RegionMark("Ankle boot (second group)", 0.95, 100, 1, 5, List.of());
        List<MapLabels.Box> places = MapLabels.regionLabels(List.of(r), f, WIDTH, 18, List.of());
        assertEquals(1, places.size());
        String t = places.getFirst().text();
        assertTrue(t.startsWith("Ankle") && t.endsWith("… 95%"), t);
        assertApartAndInside(places, f);
        // At the left edge the label is moved in whole: "Ankle boot 95%" never reads "e boot 95%".
        MapFrame wide = MapFrame.fit(new float[] {0, 10}, new float[] {0, 10}, 10, 10, 610, 410);
        MapLabels.Box b = MapLabels.regionLabels(List.of(new MapScene.RegionMark("Ankle boot", 0.95, 9, -3, 5, List.of())), wide, WIDTH, 18,
                List.of()).getFirst();
        assertEquals("Ankle boot 95%", b.text());
        assertTrue(b.inside(wide), b.toString());
    }

    @Test
    void aRegionInTwoIslandsGetsTwoOutlinesAndNoneAcrossTheGap() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        float[] x = new float[n];
        float[] y = new float[n];
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            // 300 points around (0, 0) and 100 around (50, 50); nothing between.
            boolean second = i >= 300;
            x[i] = (float) ((second ? 50 : 0) + r.nextGaussian() * 2);
            y[i] = (float) ((second ? 50 : 0) + r.nextGaussian() * 2);
            members[i] = i;
        }
        RegionHulls.Outline o = RegionHulls.of(members, x, y, 55.0 / RegionHulls.CELLS);
        assertEquals(2, o.hulls().size(), "one outline per island");
        for (float[][] hull : o.hulls()) {
            for (int k = 0; k < hull[0].length; k++) {
                boolean nearAnIsland = Math.hypot(hull[0][k], hull[1][k]) < 12 || Math.hypot(hull[0][k] - 50, hull[1][k] - 50) < 12;
                assertTrue(nearAnIsland, "corner (" + hull[0][k] + ", " + hull[1][k] + ") lies in the empty gap");
            }
        }
        assertTrue(Math.hypot(o.cx(), o.cy()) < 3, "the label sits on the larger island, not between: " + o.cx() + ", " + o.cy());
    }

    @Test
    void anOutlineBendsWithACrescentInsteadOfSpanningItsHollow() {
        // 2,000 points on a half ring of radius 40 round (50, 50), 6 wide: its convex hull would cover the hollow centre.
        SplittableRandom r = new SplittableRandom(3);
        int n = 2000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double a = Math.PI * r.nextDouble();
            double rad = 37 + 6 * r.nextDouble();
            x[i] = (float) (50 + rad * Math.cos(a));
            y[i] = (float) (50 + rad * Math.sin(a));
        }
        int[] members = java.util.stream.IntStream.range(0, n).toArray();
        RegionHulls.Outline o = RegionHulls.of(members, x, y, 100.0 / RegionHulls.CELLS);
        assertEquals(1, o.hulls().size(), "one island, one outline");
        float[][] loop = o.hulls().getFirst();
        assertFalse(inside(loop, 50, 60), "the hollow of the crescent is outside its outline");
        assertFalse(inside(loop, 50, 70));
        assertTrue(inside(loop, 50, 90) && inside(loop, 10.5f, 51) && inside(loop, 89.5f, 51), "the ring itself is inside");
        int covered = 0;
        for (int i = 0; i < n; i++) {
            covered += inside(loop, x[i], y[i]) ? 1 : 0;
        }
        assertTrue(covered > 0.97 * n, "the outline holds its points: " + covered);
    }

    /** Even-odd rule. */
    private static boolean inside(float[][] p, float px, float py) {
        boolean in = false;
        int m = p[0].length;
        for (int a = 0, b = m - 1; a < m; b = a++) {
            if ((p[1][a] > py) != (p[1][b] > py) && px < (p[0][b] - p[0][a]) * (py - p[1][a]) / (p[1][b] - p[1][a]) + p[0][a]) {
                in = !in;
            }
        }
        return in;
    }

    private static List<MapScene.RegionMark> crowd(int count) {
        SplittableRandom r = new SplittableRandom(7);
        List<MapScene.RegionMark> regions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Categories crowded into a fifth of the plot, one of them at the very edge.
            float cx = i == 0 ? 100 : (float) (r.nextDouble() * 20);
            float cy = (float) (r.nextDouble() * 20);
            regions.add(new MapScene.RegionMark("noun.category" + i, 0.5, i == 3 ? 1000 : 10 + i, cx, cy, List.of()));
        }
        return regions;
    }

    private static MapScene scene(List<MapScene.RegionMark> regions, List<MapScene.ArrowMark> arrows) {
        float[] xs = {0, 100};
        float[] ys = {0, 100};
        return new MapScene("t", "x", "y", xs, ys, new int[2], List.of(), List.of(), null, "", "", List.of(), List.of(), new String[2], null,
                null, regions, arrows, null);
    }

    /** No two boxes overlap and each lies inside the plot, clear of its edges. */
    static void assertApartAndInside(List<MapLabels.Box> boxes, MapFrame f) {
        for (int i = 0; i < boxes.size(); i++) {
            MapLabels.Box a = boxes.get(i);
            assertTrue(a.left() >= f.left() && a.right() <= f.right(), a + " inside horizontally");
            assertTrue(a.top() >= f.top() && a.bottom() <= f.bottom(), a + " inside vertically");
            for (int j = i + 1; j < boxes.size(); j++) {
                MapLabels.Box b = boxes.get(j);
                boolean apart = a.right() <= b.left() || b.right() <= a.left() || a.bottom() <= b.top() || b.bottom() <= a.top();
                assertTrue(apart, a + " overlaps " + b);
            }
        }
    }
}
