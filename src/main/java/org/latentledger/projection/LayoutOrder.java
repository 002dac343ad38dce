package org.latentledger.projection;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Renumbering of a 2D t-SNE layout's points along a Z-order curve, so that points near each other
 * in the layout (and so most of each point's input neighbours) sit near each other in memory: the
 * attraction's reads of neighbours' positions and the repulsion's spreading onto and reading from
 * the charge grids then hit the cache. Measured in decision 0016.
 */
final class LayoutOrder {

    private LayoutOrder() {
    }

    /**
     * A renumbering of the points (position k takes point perm[k]) along a Z-order curve over the
     * 2D layout, ties by index: neighbours in the layout, and so most of each point's input
     * neighbours, get nearby numbers, and the attraction's reads of their positions and the
     * repulsion's sweeps over the grid hit the cache. Results do not depend on the order beyond
     * rounding (sums over all points are taken in the new order).
     */
    static int[] of(double[] y, int n) {
        double[] box = QuadTree.bounds(y, n);
        double loX = box[0];
        double loY = box[1];
        double hiX = box[2];
        double hiY = box[3];
        double span = Math.max(Math.max(hiX - loX, hiY - loY), 1e-300);
        double cells = 32767.0; // 15 bits a coordinate: the keys stay positive
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int cx = (int) Math.min(cells, (y[2 * i] - loX) / span * cells);
            int cy = (int) Math.min(cells, (y[2 * i + 1] - loY) / span * cells);
            keys[i] = (interleave(cx) | interleave(cy) << 1) << 32 | i;
        }
        Arrays.sort(keys);
        int[] perm = new int[n];
        for (int k = 0; k < n; k++) {
            perm[k] = (int) keys[k];
        }
        return perm;
    }

    /** The 15 low bits of v spread to the even bits of the result. */
    private static long interleave(int v) {
        long x = v & 0x7FFFL;
        x = (x | x << 8) & 0x00FF00FFL;
        x = (x | x << 4) & 0x0F0F0F0FL;
        x = (x | x << 2) & 0x33333333L;
        x = (x | x << 1) & 0x55555555L;
        return x;
    }

    /** The affinities with the points renumbered (position k holds point perm[k]); each row's columns ascending. */
    static TsneAffinities permuted(TsneAffinities p, int[] perm) {
        int n = perm.length;
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[perm[k]] = k;
        }
        int[] rowStart = new int[n + 1];
        for (int k = 0; k < n; k++) {
            int i = perm[k];
            rowStart[k + 1] = rowStart[k] + p.rowStart()[i + 1] - p.rowStart()[i];
        }
        int[] columns = new int[rowStart[n]];
        double[] values = new double[rowStart[n]];
        IntStream.range(0, n).parallel().forEach(k -> {
            int from = p.rowStart()[perm[k]];
            int len = rowStart[k + 1] - rowStart[k];
            long[] order = new long[len];
            for (int e = 0; e < len; e++) {
                order[e] = (long) inverse[p.columns()[from + e]] << 32 | e;
            }
            Arrays.sort(order);
            for (int e = 0; e < len; e++) {
                columns[rowStart[k] + e] = (int) (order[e] >>> 32);
                values[rowStart[k] + e] = p.values()[from + (int) order[e]];
            }
        });
        return new TsneAffinities(rowStart, columns, values);
    }

    /** 2D rows (x, y interleaved) renumbered: row k of the result is row perm[k]. */
    static double[] permutedRows(double[] v, int[] perm) {
        double[] out = new double[v.length];
        for (int k = 0; k < perm.length; k++) {
            out[2 * k] = v[2 * perm[k]];
            out[2 * k + 1] = v[2 * perm[k] + 1];
        }
        return out;
    }
}
