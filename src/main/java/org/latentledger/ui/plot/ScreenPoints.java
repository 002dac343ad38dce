package org.latentledger.ui.plot;

import java.util.List;

/** The points in a box or a lasso on screen (the point under the mouse is {@link ScreenIndex}'s). */
final class ScreenPoints {

    private ScreenPoints() {
    }

    /** The points inside the box between two corners. */
    static int[] inBox(float[] screenX, float[] screenY, double x0, double y0, double x1, double y1) {
        double lx = Math.min(x0, x1), hx = Math.max(x0, x1), ly = Math.min(y0, y1), hy = Math.max(y0, y1);
        return java.util.stream.IntStream.range(0, screenX.length)
                .filter(i -> screenX[i] >= lx && screenX[i] <= hx && screenY[i] >= ly && screenY[i] <= hy).toArray();
    }

    /** The points inside a closed path (even-odd rule). */
    static int[] inPolygon(float[] screenX, float[] screenY, List<double[]> path) {
        int m = path.size();
        return java.util.stream.IntStream.range(0, screenX.length).filter(i -> {
            boolean inside = false;
            for (int a = 0, b = m - 1; a < m; b = a++) {
                double[] pa = path.get(a);
                double[] pb = path.get(b);
                if ((pa[1] > screenY[i]) != (pb[1] > screenY[i])
                        && screenX[i] < (pb[0] - pa[0]) * (screenY[i] - pa[1]) / (pb[1] - pa[1]) + pa[0]) {
                    inside = !inside;
                }
            }
            return inside;
        }).toArray();
    }
}
