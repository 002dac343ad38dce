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
}
