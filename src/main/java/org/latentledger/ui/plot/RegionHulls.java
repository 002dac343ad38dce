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
 * islands by their 8 neighbours, and each island holding a tenth of the region or more is outlined
 * by the boundary of its cells, traced and rounded (Chaikin's corner cutting): an outline that
 * bends with a crescent or an L of points instead of spanning its hollow as a convex hull would.
 */
final class RegionHulls {

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
            if (Float.isNaN(cx)) {
                cx = median(idx, x);
                cy = median(idx, y);
            }
            java.util.Set<Long> own = new java.util.HashSet<>();
            for (int i : idx) {
                own.add(key(x[i], y[i], cell));
            }
            for (float[][] loop : boundary(own, cell)) {
                hulls.add(rounded(loop, 2));
            }
        }
        if (Float.isNaN(cx)) {
            // Scattered points and no island: the label goes at their median.
            cx = median(members, x);
            cy = median(members, y);
        }
        return new Outline(List.copyOf(hulls), cx, cy);
    }

    /**
     * The outer boundary of a set of grid cells, as loops of cell corners (layout units): each
     * cell's four sides, less those it shares with another cell of the set, chained end to start.
     * Holes (loops turning the other way) and specks smaller than a tenth of the largest loop are dropped.
     */
    static List<float[][]> boundary(java.util.Set<Long> cells, double cell) {
        // Directed sides, counter-clockwise round each cell (x right, y up), keyed by their start corner.
        Map<Long, List<long[]>> from = new HashMap<>();
        int[][] sides = {{0, 0, 1, 0, 0, -1}, {1, 0, 1, 1, 1, 0}, {1, 1, 0, 1, 0, 1}, {0, 1, 0, 0, -1, 0}};
        for (long k : cells) {
            long gx = k >> 32;
            long gy = (int) k;
            for (int[] sd : sides) {
                long nx = gx + sd[4];
                long ny = gy + sd[5];
                if (cells.contains((nx << 32) | (ny & 0xffffffffL))) {
                    continue;
                }
                long[] edge = {gx + sd[0], gy + sd[1], gx + sd[2], gy + sd[3]};
                from.computeIfAbsent((edge[0] << 32) | (edge[1] & 0xffffffffL), q -> new ArrayList<>()).add(edge);
            }
        }
        List<float[][]> loops = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        while (!from.isEmpty()) {
            Map.Entry<Long, List<long[]>> start = from.entrySet().iterator().next();
            long[] e = take(from, start.getKey());
            long sx = e[0];
            long sy = e[1];
            List<long[]> corners = new ArrayList<>();
            corners.add(new long[] {e[0], e[1]});
            while (!(e[2] == sx && e[3] == sy)) {
                corners.add(new long[] {e[2], e[3]});
                long next = (e[2] << 32) | (e[3] & 0xffffffffL);
                if (!from.containsKey(next)) {
                    break;
                }
                e = take(from, next);
            }
            float[][] loop = new float[2][corners.size()];
            double area = 0;
            for (int i = 0; i < corners.size(); i++) {
                long[] a = corners.get(i);
                long[] b = corners.get((i + 1) % corners.size());
                loop[0][i] = (float) (a[0] * cell);
                loop[1][i] = (float) (a[1] * cell);
                area += (double) a[0] * b[1] - (double) b[0] * a[1];
            }
            loops.add(loop);
            areas.add(area / 2);
        }
        // Sides run counter-clockwise round cells, so outer loops have a positive area and holes a negative one.
        double largest = areas.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<float[][]> out = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            if (areas.get(i) > 0 && areas.get(i) >= 0.1 * largest && loops.get(i)[0].length >= 4) {
                out.add(loops.get(i));
            }
        }
        return out;
    }

    private static long[] take(Map<Long, List<long[]>> from, long corner) {
        List<long[]> there = from.get(corner);
        long[] e = there.removeLast();
        if (there.isEmpty()) {
            from.remove(corner);
        }
        return e;
    }

    /** Chaikin's corner cutting, {@code passes} times: the staircase of cell sides becomes a smooth curve inside it. */
    static float[][] rounded(float[][] loop, int passes) {
        float[][] p = loop;
        for (int pass = 0; pass < passes; pass++) {
            int n = p[0].length;
            float[][] q = new float[2][2 * n];
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                for (int d = 0; d < 2; d++) {
                    q[d][2 * i] = 0.75f * p[d][i] + 0.25f * p[d][j];
                    q[d][2 * i + 1] = 0.25f * p[d][i] + 0.75f * p[d][j];
                }
            }
            p = q;
        }
        return p;
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
