package org.latentledger.ui.plot;

/**
 * The drawn points bucketed into square cells of the canvas, so that the point under the mouse is
 * found among the few points of the nine cells around it instead of by a scan of every point: a
 * million points make a scan per mouse move cost milliseconds, the cells microseconds. Built once
 * for a set of screen positions (the canvas rebuilds it only when the frame or the scene moved the
 * points), by a counting sort: {@code order} lists the points cell by cell, {@code start[c]} where
 * cell c's run begins. Points off the canvas or not drawn (NaN) are left out: they cannot be under
 * the mouse.
 */
final class ScreenIndex {

    /** The pick radius in pixels (the cell is as wide, so the 3 x 3 cells around the mouse hold every candidate). */
    static final double RADIUS = 8;

    private final float[] x;
    private final float[] y;
    private final int columns;
    private final int rows;
    private final int[] start;
    private final int[] order;

    private ScreenIndex(float[] x, float[] y, int columns, int rows, int[] start, int[] order) {
        this.x = x;
        this.y = y;
        this.columns = columns;
        this.rows = rows;
        this.start = start;
        this.order = order;
    }

    /** Indexes the positions in a canvas of this size (pixels); the arrays are kept, not copied. */
    static ScreenIndex of(float[] x, float[] y, double width, double height) {
        int columns = Math.max(1, (int) Math.ceil(width / RADIUS));
        int rows = Math.max(1, (int) Math.ceil(height / RADIUS));
        int cells = columns * rows;
        int[] cellOf = new int[x.length];
        int[] start = new int[cells + 1];
        for (int i = 0; i < x.length; i++) {
            int c = x[i] < width && y[i] < height ? cell(x[i], y[i], columns, rows) : -1;
            cellOf[i] = c;
            if (c >= 0) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        int[] order = new int[start[cells]];
        int[] next = java.util.Arrays.copyOf(start, cells);
        for (int i = 0; i < x.length; i++) {
            if (cellOf[i] >= 0) {
                order[next[cellOf[i]]++] = i;
            }
        }
        return new ScreenIndex(x, y, columns, rows, start, order);
    }

    private static int cell(float px, float py, int columns, int rows) {
        // NaN fails both comparisons, so undrawn points fall out here too.
        if (!(px >= 0 && py >= 0)) {
            return -1;
        }
        int cx = (int) (px / RADIUS);
        int cy = (int) (py / RADIUS);
        return cx < columns && cy < rows ? cy * columns + cx : -1;
    }

    /** Whether this index was built over these very arrays (the canvas reuses them while their length holds). */
    boolean covers(float[] screenX, float[] screenY) {
        return screenX == x && screenY == y;
    }

    /**
     * The point nearest to (px, py) closer than {@link #RADIUS}, or -1; among equally near points
     * the lowest index, as a scan in index order would find.
     */
    int nearest(double px, double py) {
        int best = -1;
        double bestD = RADIUS * RADIUS;
        int cx = (int) Math.floor(px / RADIUS);
        int cy = (int) Math.floor(py / RADIUS);
        for (int row = Math.max(0, cy - 1); row <= Math.min(rows - 1, cy + 1); row++) {
            for (int col = Math.max(0, cx - 1); col <= Math.min(columns - 1, cx + 1); col++) {
                int c = row * columns + col;
                for (int k = start[c]; k < start[c + 1]; k++) {
                    int i = order[k];
                    double dx = x[i] - px;
                    double dy = y[i] - py;
                    double dd = dx * dx + dy * dy;
                    if (dd < bestD || dd == bestD && best >= 0 && i < best) {
                        bestD = dd;
                        best = i;
                    }
                }
            }
        }
        return best;
    }
}
