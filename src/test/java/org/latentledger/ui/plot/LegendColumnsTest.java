package org.latentledger.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The legend keeps its type readable on a short canvas by going to two columns. */
class LegendColumnsTest {

    @Test
    void twoColumnsOnlyWhereOneWouldShrinkTheTypeBelowItsFloor() {
        // Ten classes in 400 px: 34 px a line, type at its full size in one column.
        assertEquals(1, MapPainter.legendColumns(10, 400, 14.5));
        // Ten classes in 103 px (presentation, a 1024 x 640 journey): one column would set them at 8.8 px.
        assertEquals(2, MapPainter.legendColumns(10, 103, 14.5));
        // Many categories keep one column (their names, not an ellipsis), however small their type.
        assertEquals(1, MapPainter.legendColumns(45, 330, 14.5));
        // One entry never splits, however short the room.
        assertEquals(1, MapPainter.legendColumns(1, 5, 14.5));
        // The floor is what decides: 10 px type needs 11.8 px a line.
        assertEquals(1, MapPainter.legendColumns(10, 118, 10));
        assertEquals(2, MapPainter.legendColumns(10, 117, 10));
    }

    @Test
    void aLegendTooLongForItsRoomKeepsTheCategoriesWithTheMostDrawnPointsInItsOrder() {
        // Categories 0..4 with 1, 5, 3, 5, 2 points; point 9 (category 4) and point 0 (category 0) not drawn.
        int[] category = {0, 1, 1, 1, 1, 1, 2, 2, 2, 4, 3, 3, 3, 3, 3, 4, 4};
        boolean[] shown = new boolean[category.length];
        java.util.Arrays.fill(shown, true);
        shown[0] = false;
        shown[9] = false;
        MapScene.Filter filter = new MapScene.Filter(shown, java.util.List.of(), 5);
        java.util.List<Integer> all = java.util.List.of(0, 1, 2, 3, 4);
        // 1 and 3 tie on five points; then 2 (three), then 4 (two drawn of three); 0 has none drawn.
        assertEquals(java.util.List.of(1, 3), MapPainter.mostCommon(category, filter, all, 2));
        assertEquals(java.util.List.of(1, 2, 3), MapPainter.mostCommon(category, filter, all, 3));
        assertEquals(java.util.List.of(1, 2, 3, 4), MapPainter.mostCommon(category, filter, all, 4));
        // Without the filter every point counts: 4 has three, as many as 2, and 2 is the earlier.
        assertEquals(java.util.List.of(1, 2, 3), MapPainter.mostCommon(category, null, all, 3));
        assertEquals(all, MapPainter.mostCommon(category, filter, all, 5));
        assertEquals(java.util.List.of(), MapPainter.mostCommon(category, filter, all, 0), "no room: no names");
    }
}
