package org.latentledger.ui.plot;

import java.util.List;

/** Which points are where on screen: the point under the mouse, and the points in a box or a lasso. */
final class ScreenPoints {

    private ScreenPoints() {
    }

    /** The index of the point nearest to (x, y) within 8 pixels, or -1. */
    static int nearest(float[] screenX, float[] screenY, double x, double y) {
        int best = -1;
        double bestD = 64;
        for (int i = 0; i < screenX.length; i++) {
            double dx = screenX[i] - x;
            double dy = screenY[i] - y;
            double dd = dx * dx + dy * dy;
            if (dd < bestD) {
                bestD = dd;
                best = i;
            }
        }
        return best;
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
