package org.latentledger.ui.plot;

import java.util.Arrays;

/** Andrew's monotone chain convex hull of some points of a layout, counter-clockwise. */
final class ConvexHull {

    private ConvexHull() {
    }

    /** @return {xs, ys} of the hull's corners */
    static float[][] of(Integer[] points, float[] x, float[] y) {
        Integer[] p = points.clone();
        Arrays.sort(p, (a, b) -> x[a] != x[b] ? Float.compare(x[a], x[b]) : Float.compare(y[a], y[b]));
        int n = p.length;
        if (n < 3) {
            return new float[][] {new float[0], new float[0]};
        }
        int[] hull = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(x, y, hull[k - 2], hull[k - 1], p[i]) <= 0) {
                k--;
            }
            hull[k++] = p[i];
        }
        for (int i = n - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(x, y, hull[k - 2], hull[k - 1], p[i]) <= 0) {
                k--;
            }
            hull[k++] = p[i];
        }
        int m = Math.max(0, k - 1);
        float[] hx = new float[m];
        float[] hy = new float[m];
        for (int i = 0; i < m; i++) {
            hx[i] = x[hull[i]];
            hy[i] = y[hull[i]];
        }
        return new float[][] {hx, hy};
    }

    private static double cross(float[] x, float[] y, int o, int a, int b) {
        return (double) (x[a] - x[o]) * (y[b] - y[o]) - (double) (y[a] - y[o]) * (x[b] - x[o]);
    }
}
