package org.latentledger.ui.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outlines that follow a region's points on the map. A region is a cluster in the layer's space,
 * and a 2D layout (t-SNE and UMAP especially) may place its points in several islands; one
 * convex hull around them all would span the empty sea between. So the points are binned on a
 * grid, the occupied cells (two points or more, so a lone stray bridges nothing) joined into
 * islands by their 8 neighbours, and each island holding a tenth of the region or more gets the
 * convex hull of its {@link #SHARE} of points nearest its own centre.
 */
final class RegionHulls {

    /** Share of an island's points, nearest its centre, whose hull is drawn (outliers would swamp it). */
    static final double SHARE = 0.8;

    /** Grid cells across the map's wider side. */
    static final int CELLS = 40;

    /** The smallest island outlined, as a share of its region's points. */
    static final double MIN_ISLAND = 0.1;

    private RegionHulls() {
    }

    /** The outlines (each {xs, ys}, largest island first) and the centre of the largest island. */
    record Outline(List<float[][]> hulls, float cx, float cy) {
    }

    /** @param cell the grid's cell size in layout units */
    static Outline of(int[] members, float[] x, float[] y, double cell) {
        if (members.length == 0) {
            return new Outline(List.of(), Float.NaN, Float.NaN);
        }
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i : members) {
            cells.computeIfAbsent(key(x[i], y[i], cell), k -> new ArrayList<>()).add(i);
        }
        Map<Long, Integer> island = new HashMap<>();
        List<List<Integer>> islands = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> e : cells.entrySet()) {
            if (e.getValue().size() < 2 || island.containsKey(e.getKey())) {
                continue;
            }
            List<Integer> points = new ArrayList<>();
            ArrayList<Long> todo = new ArrayList<>(List.of(e.getKey()));
            island.put(e.getKey(), islands.size());
            while (!todo.isEmpty()) {
                long k = todo.removeLast();
                points.addAll(cells.get(k));
                long cx = k >> 32;
                long cy = (int) k;
                for (long dx = -1; dx <= 1; dx++) {
                    for (long dy = -1; dy <= 1; dy++) {
                        long n = ((cx + dx) << 32) | ((cy + dy) & 0xffffffffL);
                        List<Integer> there = cells.get(n);
                        if (there != null && there.size() >= 2 && !island.containsKey(n)) {
                            island.put(n, islands.size());
                            todo.add(n);
                        }
                    }
                }
            }
            islands.add(points);
        }
        islands.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<float[][]> hulls = new ArrayList<>();
        float cx = Float.NaN;
        float cy = Float.NaN;
        for (List<Integer> points : islands) {
            if (points.size() < 3 || points.size() < MIN_ISLAND * members.length) {
                continue;
            }
            int[] idx = points.stream().mapToInt(Integer::intValue).toArray();
            float mx = median(idx, x);
            float my = median(idx, y);
            if (Float.isNaN(cx)) {
                cx = mx;
                cy = my;
            }
            Integer[] order = points.toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(Math.hypot(x[a] - mx, y[a] - my), Math.hypot(x[b] - mx, y[b] - my)));
            int keep = Math.max(3, (int) Math.ceil(order.length * SHARE));
            float[][] hull = ConvexHull.of(Arrays.copyOf(order, Math.min(keep, order.length)), x, y);
            if (hull[0].length >= 3) {
                hulls.add(hull);
            }
        }
        if (Float.isNaN(cx)) {
            // Scattered points and no island: the label goes at their median.
            cx = median(members, x);
            cy = median(members, y);
        }
        return new Outline(List.copyOf(hulls), cx, cy);
    }

    private static long key(float x, float y, double cell) {
        long cx = (long) Math.floor(x / cell);
        long cy = (long) Math.floor(y / cell);
        return (cx << 32) | (cy & 0xffffffffL);
    }

    static float median(int[] idx, float[] v) {
        float[] s = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            s[i] = v[idx[i]];
        }
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
